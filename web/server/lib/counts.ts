// The one rule for counts of matching rows everywhere (lists, the site search): exact up to
// COUNT_CAP, above it "超过 10,000 条" / "10,000+". A count over a LIMITed subquery reads at most
// COUNT_CAP + 1 index entries, so it costs the same on a national register as on a county's.
/** Counting stops here. */
export const COUNT_CAP = 10_000

/** A count read with `take: cap + 1`: the shown total and whether more rows exist. */
export function cappedCount(counted: number, cap = COUNT_CAP): { total: number; capped: boolean } {
  return counted > cap ? { total: cap, capped: true } : { total: counted, capped: false }
}
