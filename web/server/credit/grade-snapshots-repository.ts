// Reading subjects with their integrity records for the scoring engine, and writing credit-grade
// snapshots (CreditGrade) and the standard they were computed under (ScoringStandard). Used by the
// recompute (web/server/credit/recompute-grades.ts) in the portal, in the script and in the seed, so
// it takes its client and never imports getDb().
//
// Writing a batch is one transaction: move the `isLatest` mark of each subject in the batch to
// its row with the latest day, and upsert the rows (multi-row INSERT … ON CONFLICT on the derived
// id; Prisma's createMany costs ~4× more per row on this schema, see scripts/seed/batch-writer.ts). Recomputing a day therefore replaces that day's rows and leaves the
// other days' history alone, and a recompute of an earlier day never takes the mark from a later one.
import { Prisma } from '@db/generated/sqlite/client'
import { keysetBatches } from '@web/server/lib/keyset-batches'
import { scoringRecordFromRow, type ScoringStandard, type ScoringSubject } from '@shared/scoring'
import type { Db } from '@db/client'
import { snapshotId } from '@shared/scoring/snapshot-days'
import type { GradeSnapshot } from './snapshots'

export type SubjectRef = { type: 'ENTERPRISE'; id: string } | { type: 'PERSON'; id: string }

/** Rows per INSERT statement (15 columns: 15,000 values, under SQLite's 32,766 bound parameters). */
const INSERT_ROWS = 1000

const recordFields = { id: true, kind: true, categoryCode: true, decidedOn: true, publishFrom: true, publishUntil: true, status: true } satisfies Prisma.IntegrityRecordSelect

/** Midnight UTC of a China calendar day, the convention of every date column. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

/** The day of a date column (midnight UTC of the day); a raw aggregate on SQLite gives epoch milliseconds. */
function isoDay(value: Date | number | bigint): string {
  return (value instanceof Date ? value : new Date(Number(value))).toISOString().slice(0, 10)
}

export class StandardMismatchError extends Error {
  constructor(version: string) {
    super(
      `scoring standard ${version} in the database differs from the one in shared/scoring: a published standard is never edited in place; publish the change as a new version`,
    )
    this.name = 'StandardMismatchError'
  }
}

const UPDATED_COLUMNS = ['subjectClass', 'standardVersion', 'score', 'grade', 'blacklisted', 'listedOn', 'removableOn', 'blacklistGrounds', 'isLatest', 'computedAt']
const UPSERT_TAIL = `) ON CONFLICT ("id") DO UPDATE SET ${UPDATED_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`
const INSERT_HEAD =
  'INSERT INTO "CreditGrade" ("id", "subjectType", "enterpriseId", "personId", "subjectClass", "standardVersion", "asOf", "score", "grade", "blacklisted", "listedOn", "removableOn", "blacklistGrounds", "isLatest", "computedAt") VALUES ('

/**
 * One multi-row INSERT … ON CONFLICT DO UPDATE (SQLite and PostgreSQL both have it) as a flat
 * Prisma.Sql — strings between the values — which Prisma renders with each database's
 * placeholders. An upsert rather than delete-then-insert: a new day (the usual run) costs just
 * the insert. Built flat because nesting a Prisma.sql per row costs several times the
 * database's own work at these sizes.
 */
function upsertStatement(rows: readonly GradeSnapshot[], at: (day: string) => Date, isLatest: (s: GradeSnapshot) => boolean): Prisma.Sql {
  const strings: string[] = []
  const values: unknown[] = []
  rows.forEach((s, i) => {
    const row = [
      snapshotId(s.subjectId, s.asOf),
      s.subjectType,
      s.subjectType === 'ENTERPRISE' ? s.subjectId : null,
      s.subjectType === 'PERSON' ? s.subjectId : null,
      s.subjectClass,
      s.standardVersion,
      dayDate(s.asOf),
      s.score,
      s.grade,
      s.blacklisted,
      s.listedOn === null ? null : dayDate(s.listedOn),
      s.removableOn === null ? null : dayDate(s.removableOn),
      s.blacklisted ? JSON.stringify(s.grounds) : null,
      isLatest(s),
      at(s.asOf),
    ]
    row.forEach((value, k) => {
      strings.push(k > 0 ? ', ' : i === 0 ? INSERT_HEAD : '), (')
      values.push(value)
    })
  })
  strings.push(UPSERT_TAIL)
  return new Prisma.Sql(strings, values)
}

/** Subjects per look-up in loadSubjects: well inside the bound-parameter limits. */
const LOAD_CHUNK = 500

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const list = groups.get(key(row))
    if (list) list.push(row)
    else groups.set(key(row), [row])
  }
  return groups
}

export function createGradeSnapshotsRepository(db: Db) {
  async function enterpriseBatch(after: string | undefined, take: number): Promise<ScoringSubject[]> {
    const rows = await db.enterprise.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: 'asc' },
      select: { id: true, type: true },
      take,
    })
    if (rows.length === 0) return []
    // the batch is a run of consecutive ids, so one range query fetches all their records
    const records = await db.integrityRecord.findMany({
      where: { enterpriseId: { gte: rows[0].id, lte: rows[rows.length - 1].id } },
      select: { ...recordFields, enterpriseId: true },
    })
    const bySubject = new Map<string, ReturnType<typeof scoringRecordFromRow>[]>()
    for (const r of records) {
      const list = bySubject.get(r.enterpriseId!) ?? []
      list.push(scoringRecordFromRow(r))
      bySubject.set(r.enterpriseId!, list)
    }
    // one subject per row, in the rows' order: the last subject's id is the keyset cursor
    return rows.map((e) => ({ id: e.id, subjectType: 'ENTERPRISE' as const, enterpriseType: e.type, records: bySubject.get(e.id) ?? [] }))
  }

  async function personBatch(after: string | undefined, take: number): Promise<ScoringSubject[]> {
    const rows = await db.person.findMany({ where: after === undefined ? {} : { id: { gt: after } }, orderBy: { id: 'asc' }, select: { id: true }, take })
    if (rows.length === 0) return []
    const records = await db.integrityRecord.findMany({
      where: { personId: { gte: rows[0].id, lte: rows[rows.length - 1].id } },
      select: { ...recordFields, personId: true },
    })
    const bySubject = new Map<string, ReturnType<typeof scoringRecordFromRow>[]>()
    for (const r of records) {
      const list = bySubject.get(r.personId!) ?? []
      list.push(scoringRecordFromRow(r))
      bySubject.set(r.personId!, list)
    }
    return rows.map((p) => ({ id: p.id, subjectType: 'PERSON' as const, records: bySubject.get(p.id) ?? [] }))
  }

  return {
    /** Every enterprise, then every person, each with all its records, in keyset batches by id. */
    async *subjectBatches(batchSize = 2000): AsyncGenerator<ScoringSubject[]> {
      // the next batch is read while the caller scores and writes this one
      yield* keysetBatches(enterpriseBatch, (s) => s.id, batchSize, { readAhead: true })
      yield* keysetBatches(personBatch, (s) => s.id, batchSize, { readAhead: true })
    },

    /** One subject with all its records, or null when it does not exist. */
    async loadSubject(ref: SubjectRef): Promise<ScoringSubject | null> {
      if (ref.type === 'ENTERPRISE') {
        const e = await db.enterprise.findUnique({ where: { id: ref.id }, select: { id: true, type: true } })
        if (!e) return null
        const records = await db.integrityRecord.findMany({ where: { enterpriseId: e.id }, select: recordFields })
        return { id: e.id, subjectType: 'ENTERPRISE', enterpriseType: e.type, records: records.map(scoringRecordFromRow) }
      }
      const p = await db.person.findUnique({ where: { id: ref.id }, select: { id: true } })
      if (!p) return null
      const records = await db.integrityRecord.findMany({ where: { personId: p.id }, select: recordFields })
      return { id: p.id, subjectType: 'PERSON', records: records.map(scoringRecordFromRow) }
    },

    /**
     * Many subjects with all their records (those that exist), a few queries per 500: what a bulk
     * import's changed subjects are recomputed from.
     */
    async loadSubjects(refs: readonly SubjectRef[]): Promise<ScoringSubject[]> {
      const loaded: ScoringSubject[] = []
      const enterpriseIds = [...new Set(refs.filter((r) => r.type === 'ENTERPRISE').map((r) => r.id))]
      const personIds = [...new Set(refs.filter((r) => r.type === 'PERSON').map((r) => r.id))]
      for (let i = 0; i < enterpriseIds.length; i += LOAD_CHUNK) {
        const ids = enterpriseIds.slice(i, i + LOAD_CHUNK)
        const rows = await db.enterprise.findMany({ where: { id: { in: ids } }, select: { id: true, type: true } })
        const records = await db.integrityRecord.findMany({ where: { enterpriseId: { in: ids } }, select: { ...recordFields, enterpriseId: true } })
        const bySubject = groupBy(records, (r) => r.enterpriseId!)
        for (const e of rows) loaded.push({ id: e.id, subjectType: 'ENTERPRISE', enterpriseType: e.type, records: (bySubject.get(e.id) ?? []).map(scoringRecordFromRow) })
      }
      for (let i = 0; i < personIds.length; i += LOAD_CHUNK) {
        const ids = personIds.slice(i, i + LOAD_CHUNK)
        const rows = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true } })
        const records = await db.integrityRecord.findMany({ where: { personId: { in: ids } }, select: { ...recordFields, personId: true } })
        const bySubject = groupBy(records, (r) => r.personId!)
        for (const p of rows) loaded.push({ id: p.id, subjectType: 'PERSON', records: (bySubject.get(p.id) ?? []).map(scoringRecordFromRow) })
      }
      return loaded
    },

    /**
     * Stores the standard as published (ScoringStandard), once per version. Throws
     * StandardMismatchError when the stored rules of that version differ from `standard`.
     */
    async ensureStandard(standard: ScoringStandard, recordedAt: Date = new Date()): Promise<void> {
      const rules = JSON.stringify(standard)
      const stored = await db.scoringStandard.findUnique({ where: { version: standard.version }, select: { rules: true } })
      if (stored) {
        if (stored.rules !== rules) throw new StandardMismatchError(standard.version)
        return
      }
      await db.scoringStandard.upsert({
        where: { version: standard.version },
        create: {
          id: `standard-${standard.version}`,
          version: standard.version,
          name: standard.name,
          effectiveFrom: dayDate(standard.effectiveFrom),
          rules,
          createdAt: recordedAt,
        },
        update: {},
      })
    },

    /**
     * Writes snapshots in one transaction, replacing any of the same subject and day, and marks
     * each subject's latest row. `computedAt` may depend on the day (the seed dates history rows).
     */
    async writeSnapshots(snapshots: readonly GradeSnapshot[], computedAt: Date | ((day: string) => Date) = new Date()): Promise<number> {
      if (snapshots.length === 0) return 0
      const at = typeof computedAt === 'function' ? computedAt : () => computedAt
      // each subject's last day among the rows written
      const lastDay = new Map<string, string>()
      for (const s of snapshots) if ((lastDay.get(s.subjectId) ?? '') < s.asOf) lastDay.set(s.subjectId, s.asOf)
      return db.$transaction(
        async (tx) => {
          // Only a subject that already has a later row keeps its mark there (a history
          // backfill); the usual run writes a new last day, which takes the mark. Rows are written
          // with their final mark, so the big ranking indexes change once per row, not twice.
          const marked = new Set<string>()
          for (const type of ['ENTERPRISE', 'PERSON'] as const) {
            const ids = [...new Set(snapshots.filter((s) => s.subjectType === type).map((s) => s.subjectId))]
            if (ids.length === 0) continue
            const column = Prisma.raw(type === 'ENTERPRISE' ? '"enterpriseId"' : '"personId"')
            // raw: Prisma's query compiler refuses an `in` list this long on SQLite
            const stored = await tx.$queryRaw<{ id: string; last: Date | number | bigint | null }[]>`SELECT ${column} AS "id", MAX("asOf") AS "last" FROM "CreditGrade" WHERE ${column} IN (${Prisma.join(ids)}) GROUP BY ${column}`
            const storedLast = new Map(stored.map((g) => [g.id, g.last === null ? '' : isoDay(g.last)]))
            // subjects grouped by their new last day, whose older marks are cleared
            const byDay = new Map<string, string[]>()
            for (const id of ids) {
              const day = lastDay.get(id)!
              if ((storedLast.get(id) ?? '') > day) continue
              marked.add(id)
              if (!storedLast.has(id)) continue
              const list = byDay.get(day)
              if (list) list.push(id)
              else byDay.set(day, [id])
            }
            for (const [day, dayIds] of byDay) {
              await tx.$executeRaw`UPDATE "CreditGrade" SET "isLatest" = FALSE WHERE ${column} IN (${Prisma.join(dayIds)}) AND "isLatest" = TRUE AND "asOf" < ${dayDate(day)}`
            }
          }
          const isLatest = (s: GradeSnapshot) => marked.has(s.subjectId) && lastDay.get(s.subjectId) === s.asOf
          for (let i = 0; i < snapshots.length; i += INSERT_ROWS) await tx.$executeRaw(upsertStatement(snapshots.slice(i, i + INSERT_ROWS), at, isLatest))
          return snapshots.length
        },
        // a batch of a few thousand rows takes well under a second; room for a busy machine
        { timeout: 120_000, maxWait: 30_000 },
      )
    },
  }
}

export type GradeSnapshotsRepository = ReturnType<typeof createGradeSnapshotsRepository>
