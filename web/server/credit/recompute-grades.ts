// Recomputing credit grades (信用等级) and storing them as snapshots, so that the ranking, the
// blacklist and the grade history read stored rows instead of scoring on every request.
//
//   recomputeSubjectGrade(db, subject, asOf)  after staff change a record (the back office calls it)
//   recomputeSubjectGrades(db, subjects, asOf) after a bulk import or an exchange batch
//   recomputeAllGrades(db, asOf)              everyone (npm run grades:recompute, the seed)
//
// A subject's row of a day is stored only when its grade (score, grade, listing, rule set or
// standard) differs from the one in force before that day (snapshots.ts changedSnapshots): a
// stored row means "the grade from this day on", and a daily recompute of a million subjects
// writes only the few whose grade moved. The seed asks for every day (`writeUnchanged`), to
// show a full quarterly history. Both are idempotent for the same day. The score, grade and
// listing stored are exactly scoreSubject's on that day.
// Everyone is read in keyset batches of subjects with their records and latest grades (memory
// stays flat whatever the size), scored with the engine's batch path, and the changed rows
// written in transactions of `rowsPerTransaction` snapshots; each transaction moves its subjects'
// latest marks with their rows, so a run that fails half-way leaves every subject consistent
// (its old grade or its new one) and running it again finishes the job.
import { chinaDateOf } from '@shared/dates/calendar-date'
import { isIsoDay } from '@shared/scoring/days'
import { compileStandard, CURRENT_STANDARD, GRADES, type Grade, type ScoringStandard } from '@shared/scoring'
import type { Db } from '@db/client'
import { createGradeSnapshotsRepository, type SubjectRef } from './grade-snapshots-repository'
import { changedSnapshots, gradeSnapshots, type GradeSnapshot } from './snapshots'

export interface RecomputeOptions {
  /** the standard to score under; default the current one (HN-2026.1) */
  standard?: ScoringStandard
  /** stored as computedAt; a function gives each day its own (the seed dates its history); default now */
  computedAt?: Date | ((day: string) => Date)
  /** at most this many snapshots per transaction (default 5,000) */
  rowsPerTransaction?: number
  /** subjects per read (default 10,000) */
  subjectsPerRead?: number
  /** store a row for every subject and day, also when the grade did not change (the seed's history) */
  writeUnchanged?: boolean
  /** called after each batch */
  onProgress?: (progress: { subjects: number; snapshots: number }) => void
}

export interface RecomputeSummary {
  standardVersion: string
  days: string[]
  subjects: number
  /** rows written: the subject-days whose grade changed (every subject-day with writeUnchanged) */
  snapshots: number
  /** subject-days computed and not written, the grade being the one already in force */
  unchanged: number
  /** subjects per grade on the last day */
  grades: Record<Grade, number>
  /** subjects blacklisted on the last day */
  blacklisted: number
  elapsedMs: number
  /**
   * Where the time went: waiting for reads (each batch is read while the one before is scored),
   * scoring and comparing, and the write transactions (each runs while the next batch is read and
   * scored, so the three add up to more than elapsedMs when the overlap works).
   */
  timings: { loadMs: number; computeMs: number; writeMs: number }
}

/** A day as 'YYYY-MM-DD': a string is checked, an instant is read as its China calendar day. */
export function toDay(asOf: string | Date): string {
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf is not a valid date')
    return chinaDateOf(asOf)
  }
  if (!isIsoDay(asOf)) throw new RangeError(`asOf must be a calendar day YYYY-MM-DD, got ${JSON.stringify(asOf)}`)
  return asOf
}

/**
 * Recomputes one subject's grade on `asOf` (default: today in China) and stores it if it changed.
 * Returns the snapshot, or null when the subject does not exist.
 */
export async function recomputeSubjectGrade(
  db: Db,
  subject: SubjectRef,
  asOf: string | Date = new Date(),
  options: Pick<RecomputeOptions, 'standard' | 'computedAt'> = {},
): Promise<GradeSnapshot | null> {
  const day = toDay(asOf)
  const standard = options.standard ?? CURRENT_STANDARD
  const repo = createGradeSnapshotsRepository(db)
  await repo.ensureStandard(standard)
  const loaded = await repo.loadSubjects([subject])
  if (loaded.subjects.length === 0) return null
  const [snapshot] = gradeSnapshots(loaded.subjects, standard, [day])
  await repo.writeSnapshots(changedSnapshots([snapshot], loaded.latest), options.computedAt)
  return snapshot
}

/**
 * Recomputes the grades of many subjects on `asOf` and stores those that changed: the subjects a
 * bulk import or an exchange batch changed, read and written a few thousand at a time instead of
 * one by one. Subjects that do not exist are skipped. Returns the number of snapshots written.
 */
export async function recomputeSubjectGrades(
  db: Db,
  subjects: Iterable<SubjectRef>,
  asOf: string | Date = new Date(),
  options: Pick<RecomputeOptions, 'standard' | 'computedAt' | 'rowsPerTransaction'> = {},
): Promise<number> {
  const day = toDay(asOf)
  const unique = [...new Map([...subjects].map((s) => [`${s.type}:${s.id}`, s])).values()]
  // nothing changed, nothing written (not even the standard's row)
  if (unique.length === 0) return 0
  const standard = options.standard ?? CURRENT_STANDARD
  const compiled = compileStandard(standard)
  const repo = createGradeSnapshotsRepository(db)
  await repo.ensureStandard(standard)
  const perTransaction = options.rowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION
  let written = 0
  for (let i = 0; i < unique.length; i += perTransaction) {
    const loaded = await repo.loadSubjects(unique.slice(i, i + perTransaction))
    written += await repo.writeSnapshots(changedSnapshots(gradeSnapshots(loaded.subjects, compiled, [day]), loaded.latest), options.computedAt)
  }
  return written
}

const DEFAULT_ROWS_PER_TRANSACTION = 5000
const DEFAULT_SUBJECTS_PER_READ = 10_000

/**
 * Recomputes every enterprise's and practitioner's grade on `asOf` — one day, or several (a
 * history; the subject is read once and scored on each) — and stores those that changed.
 */
export async function recomputeAllGrades(
  db: Db,
  asOf: string | Date | readonly (string | Date)[] = new Date(),
  options: RecomputeOptions = {},
): Promise<RecomputeSummary> {
  const started = performance.now()
  const days = [...new Set((Array.isArray(asOf) ? asOf : [asOf]).map(toDay))].sort()
  if (days.length === 0) throw new RangeError('no day to recompute')
  const standard = options.standard ?? CURRENT_STANDARD
  const compiled = compileStandard(standard)
  const repo = createGradeSnapshotsRepository(db)

  const computedAt = options.computedAt ?? new Date()
  const rowsPerTransaction = options.rowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION
  const subjectsPerRead = options.subjectsPerRead ?? DEFAULT_SUBJECTS_PER_READ
  const lastDay = days[days.length - 1]
  await repo.ensureStandard(standard, typeof computedAt === 'function' ? computedAt(lastDay) : computedAt)
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>
  const timings = { loadMs: 0, computeMs: 0, writeMs: 0 }
  let subjects = 0
  let snapshots = 0
  let unchanged = 0
  let blacklisted = 0
  // (typed wide: it is set inside flush, where the compiler's narrowing does not follow)
  let writing = null as Promise<number> | null
  const timedWrite = async (rows: GradeSnapshot[]) => {
    const t0 = performance.now()
    const n = await repo.writeSnapshots(rows, computedAt)
    timings.writeMs += performance.now() - t0
    return n
  }
  // Changed rows wait until a transaction's worth has gathered (a daily run's few changes go in a
  // handful of transactions, not one per read), and one write is in flight while the next batch
  // is read and scored; never two, so that a failure stops the run with what came before it stored.
  let pending: GradeSnapshot[] = []
  const flush = async () => {
    if (writing) snapshots += await writing
    writing = pending.length ? timedWrite(pending) : null
    // its failure is thrown where it is awaited, after the next batch is read; not unhandled before
    writing?.catch(() => {})
    pending = []
  }
  const batches = repo.subjectBatches(subjectsPerRead)
  try {
    for (;;) {
      let t0 = performance.now()
      const next = await batches.next()
      timings.loadMs += performance.now() - t0
      if (next.done) break
      const batch = next.value
      t0 = performance.now()
      const rows = gradeSnapshots(batch.subjects, compiled, days)
      for (const row of rows) {
        if (row.asOf !== lastDay) continue
        grades[row.grade]++
        if (row.blacklisted) blacklisted++
      }
      const toWrite = options.writeUnchanged ? rows : changedSnapshots(rows, batch.latest)
      unchanged += rows.length - toWrite.length
      timings.computeMs += performance.now() - t0
      for (let i = 0; i < toWrite.length; ) {
        const room = rowsPerTransaction - pending.length
        pending.push(...toWrite.slice(i, i + room))
        i += room
        if (pending.length >= rowsPerTransaction) await flush()
      }
      subjects += batch.subjects.length
      options.onProgress?.({ subjects, snapshots })
    }
    await flush()
    if (writing) snapshots += await writing
    writing = null
  } finally {
    await writing?.catch(() => {})
    // a run stopped by a failure closes its reader (and the read it had ahead)
    await batches.return(undefined)
  }
  const ms = (x: number) => Math.round(x)
  return {
    standardVersion: compiled.version,
    days,
    subjects,
    snapshots,
    unchanged,
    grades,
    blacklisted,
    elapsedMs: ms(performance.now() - started),
    timings: { loadMs: ms(timings.loadMs), computeMs: ms(timings.computeMs), writeMs: ms(timings.writeMs) },
  }
}
