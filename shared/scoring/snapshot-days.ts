// The days and ids of stored credit-grade snapshots (CreditGrade): which days a grade history
// holds, and the derived id of a subject's row of a day. Pure, so that the portal's recompute
// (web/server/credit) and the demo-data seed (scripts/seed) agree on both without one importing
// the other.

/**
 * The stored id of a subject's snapshot of a day. Derived, not random, so that recomputing a day
 * writes the same row again (idempotent) and the seed writes the same ids on every database.
 */
export function snapshotId(subjectId: string, asOf: string): string {
  return `${subjectId}:${asOf}`
}

/**
 * The quarter-end days (31 Mar, 30 Jun, 30 Sep, 31 Dec) before `asOf` ('YYYY-MM-DD'), the last
 * `count` of them, oldest first: the days of a grade history.
 */
export function quarterEndsBefore(asOf: string, count: number): string[] {
  const year = Number(asOf.slice(0, 4))
  const ends: string[] = []
  for (let y = year; ends.length < count; y--) {
    for (const md of ['12-31', '09-30', '06-30', '03-31']) {
      const day = `${y}-${md}`
      if (day < asOf && ends.length < count) ends.push(day)
    }
  }
  return ends.reverse()
}
