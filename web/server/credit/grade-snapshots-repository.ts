// Reading subjects with their integrity records and their latest stored grades for the recompute,
// and writing credit-grade snapshots (CreditGrade) and the standard they were computed under
// (ScoringStandard). Used by the recompute (web/server/credit/recompute-grades.ts) in the portal,
// in the script and in the seed, so it takes its client and never imports getDb().
//
// Writing a batch is one transaction: move the `isLatest` mark of each subject in the batch to
// its row with the latest day, and upsert the rows (multi-row INSERT … ON CONFLICT on the derived
// id; Prisma's createMany costs ~4× more per row on this schema, see scripts/seed/batch-writer.ts).
// Recomputing a day therefore replaces that day's rows and leaves the other days' history alone,
// and a recompute of an earlier day never takes the mark from a later one. Which rows are worth
// writing (only changed grades) is the caller's choice (snapshots.ts changedSnapshots).
import { Prisma } from '@db/generated/sqlite/client'
import { scoringRecordFromRow, type ScoringStandard, type ScoringSubject } from '@shared/scoring'
import type { Db } from '@db/client'
import { snapshotId } from '@shared/scoring/snapshot-days'
import type { EnterpriseType, RecordKind, RecordStatus } from '@shared/domain/enums'
import { announceCommittedWrites } from '@web/server/cache/installed-cache'
import { storedFieldsOf, type GradeSnapshot, type StoredGrade } from './snapshots'

export type SubjectRef = { type: 'ENTERPRISE'; id: string } | { type: 'PERSON'; id: string }

/** Rows per INSERT statement (15 columns: 15,000 values, under SQLite's 32,766 bound parameters). */
const INSERT_ROWS = 1000

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
    const f = storedFieldsOf(s)
    const row = [
      snapshotId(s.subjectId, s.asOf),
      s.subjectType,
      s.subjectType === 'ENTERPRISE' ? s.subjectId : null,
      s.subjectType === 'PERSON' ? s.subjectId : null,
      f.subjectClass,
      f.standardVersion,
      dayDate(s.asOf),
      f.score,
      f.grade,
      f.blacklisted,
      f.listedOn === null ? null : dayDate(f.listedOn),
      f.removableOn === null ? null : dayDate(f.removableOn),
      f.blacklistGrounds,
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

/** A subject's kind of row: its table and its column in IntegrityRecord and CreditGrade. */
const SUBJECT_TABLES = {
  ENTERPRISE: { table: Prisma.raw('"Enterprise"'), typeColumn: Prisma.raw('"type"'), column: Prisma.raw('"enterpriseId"') },
  PERSON: { table: Prisma.raw('"Person"'), typeColumn: Prisma.raw('NULL'), column: Prisma.raw('"personId"') },
} as const

type SubjectType = keyof typeof SUBJECT_TABLES

/** Subjects with their records and their latest stored grades: what a recompute starts from. */
export interface SubjectBatch {
  subjects: ScoringSubject[]
  /** the latest stored row of each subject that has one */
  latest: Map<string, StoredGrade>
}

interface SubjectRow {
  id: string
  type: string | null
}
interface RecordRow {
  subjectId: string
  id: string
  kind: string
  categoryCode: string
  decidedOn: RawDate
  publishFrom: RawDate
  publishUntil: RawDate
  status: string
}
interface LatestRow {
  subjectId: string
  asOf: RawDate
  subjectClass: string
  standardVersion: string
  score: number | string
  grade: string
  blacklisted: boolean | number | bigint
  listedOn: RawDate | null
  removableOn: RawDate | null
  blacklistGrounds: string | null
}
/** A date column read raw: a Date on PostgreSQL, epoch milliseconds on SQLite. */
type RawDate = Date | number | bigint

/**
 * The latest-row condition, written so that no index can serve it: given `"isLatest" = TRUE`,
 * SQLite (no statistics) walks the ranking's (isLatest, …) index through every latest row instead
 * of the subject's few rows by (subjectId, asOf) — measured: 67 of 73 s of a 1M-subject run.
 */
const IS_LATEST = Prisma.raw('(CASE WHEN "isLatest" THEN 1 ELSE 0 END) = 1')

const recordColumns = Prisma.raw('"id", "kind", "categoryCode", "decidedOn", "publishFrom", "publishUntil", "status"')
const latestColumns = Prisma.raw(
  '"asOf", "subjectClass", "standardVersion", "score", "grade", "blacklisted", "listedOn", "removableOn", "blacklistGrounds"',
)

function storedGradeOf(row: LatestRow): StoredGrade {
  return {
    asOf: isoDay(row.asOf),
    subjectClass: row.subjectClass,
    standardVersion: row.standardVersion,
    score: Number(row.score),
    grade: row.grade,
    blacklisted: Boolean(Number(row.blacklisted)),
    listedOn: row.listedOn === null ? null : isoDay(row.listedOn),
    removableOn: row.removableOn === null ? null : isoDay(row.removableOn),
    blacklistGrounds: row.blacklistGrounds,
  }
}

function asDate(value: RawDate): Date {
  return value instanceof Date ? value : new Date(Number(value))
}

/** Rows of subjects, their records and their latest grades → a batch, subjects in the rows' order. */
function toBatch(type: SubjectType, subjects: readonly SubjectRow[], records: readonly RecordRow[], latest: readonly LatestRow[]): SubjectBatch {
  const bySubject = groupBy(records, (r) => r.subjectId)
  const batch: SubjectBatch = { subjects: [], latest: new Map() }
  for (const row of latest) batch.latest.set(row.subjectId, storedGradeOf(row))
  for (const s of subjects) {
    const rows = bySubject.get(s.id) ?? []
    const scoring = rows.map((r) =>
      scoringRecordFromRow({
        id: r.id,
        kind: r.kind as RecordKind,
        categoryCode: r.categoryCode,
        decidedOn: asDate(r.decidedOn),
        publishFrom: asDate(r.publishFrom),
        publishUntil: asDate(r.publishUntil),
        status: r.status as RecordStatus,
      }),
    )
    batch.subjects.push(
      type === 'ENTERPRISE'
        ? { id: s.id, subjectType: 'ENTERPRISE', enterpriseType: s.type as EnterpriseType, records: scoring }
        : { id: s.id, subjectType: 'PERSON', records: scoring },
    )
  }
  return batch
}

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
  // Raw reads: the whole recompute reads every subject, record and latest grade once, and at a
  // million subjects Prisma's per-row mapping of findMany is a large share of the run.
  /** The next `take` subjects of a type after `after` in id order, with their records and latest grades. */
  async function keysetBatch(type: SubjectType, after: string | undefined, take: number): Promise<SubjectBatch> {
    const { table, typeColumn, column } = SUBJECT_TABLES[type]
    const subjects = await db.$queryRaw<SubjectRow[]>`SELECT "id", ${typeColumn} AS "type" FROM ${table} ${
      after === undefined ? Prisma.empty : Prisma.sql`WHERE "id" > ${after}`
    } ORDER BY "id" LIMIT ${take}`
    if (subjects.length === 0) return { subjects: [], latest: new Map() }
    // the batch is a run of consecutive ids, so one range query of each table serves all of it
    const first = subjects[0].id
    const last = subjects[subjects.length - 1].id
    const [records, latest] = await Promise.all([
      db.$queryRaw<RecordRow[]>`SELECT ${column} AS "subjectId", ${recordColumns} FROM "IntegrityRecord" WHERE ${column} >= ${first} AND ${column} <= ${last}`,
      db.$queryRaw<LatestRow[]>`SELECT ${column} AS "subjectId", ${latestColumns} FROM "CreditGrade" WHERE ${column} >= ${first} AND ${column} <= ${last} AND ${IS_LATEST}`,
    ])
    return toBatch(type, subjects, records, latest)
  }

  /** The subjects of a type with these ids (those that exist), with their records and latest grades. */
  async function byIds(type: SubjectType, ids: readonly string[]): Promise<SubjectBatch> {
    const { table, typeColumn, column } = SUBJECT_TABLES[type]
    const list = Prisma.join(ids)
    const [subjects, records, latest] = await Promise.all([
      db.$queryRaw<SubjectRow[]>`SELECT "id", ${typeColumn} AS "type" FROM ${table} WHERE "id" IN (${list}) ORDER BY "id"`,
      db.$queryRaw<RecordRow[]>`SELECT ${column} AS "subjectId", ${recordColumns} FROM "IntegrityRecord" WHERE ${column} IN (${list})`,
      db.$queryRaw<LatestRow[]>`SELECT ${column} AS "subjectId", ${latestColumns} FROM "CreditGrade" WHERE ${column} IN (${list}) AND ${IS_LATEST}`,
    ])
    return toBatch(type, subjects, records, latest)
  }

  async function* typeBatches(type: SubjectType, batchSize: number): AsyncGenerator<SubjectBatch> {
    let next: Promise<SubjectBatch> | null = keysetBatch(type, undefined, batchSize)
    try {
      while (next) {
        const batch: SubjectBatch = await next
        const full = batch.subjects.length === batchSize
        // the next batch is read while the caller scores and writes this one
        next = full ? keysetBatch(type, batch.subjects[batch.subjects.length - 1].id, batchSize) : null
        // a caller that stops early must not leave a rejected read unobserved
        next?.catch(() => {})
        if (batch.subjects.length) yield batch
      }
    } finally {
      await next?.catch(() => {})
    }
  }

  return {
    /**
     * Every enterprise, then every person, each with all its records and its latest stored grade,
     * in keyset batches of `batchSize` subjects by id.
     */
    async *subjectBatches(batchSize = 2000): AsyncGenerator<SubjectBatch> {
      yield* typeBatches('ENTERPRISE', batchSize)
      yield* typeBatches('PERSON', batchSize)
    },

    /**
     * Many subjects with all their records and latest grades (those that exist), a few queries per
     * 500: what a record change's or a bulk import's subjects are recomputed from.
     */
    async loadSubjects(refs: readonly SubjectRef[]): Promise<SubjectBatch> {
      const out: SubjectBatch = { subjects: [], latest: new Map() }
      for (const type of ['ENTERPRISE', 'PERSON'] as const) {
        const ids = [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))]
        for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
          const batch = await byIds(type, ids.slice(i, i + LOAD_CHUNK))
          out.subjects.push(...batch.subjects)
          for (const [id, g] of batch.latest) out.latest.set(id, g)
        }
      }
      return out
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
      const written = await db.$transaction(
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
      // grades show on the public pages: cached reads of them end with this commit (web/server/cache)
      await announceCommittedWrites(['CreditGrade'])
      return written
    },
  }
}

export type GradeSnapshotsRepository = ReturnType<typeof createGradeSnapshotsRepository>
