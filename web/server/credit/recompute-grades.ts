// Recomputing credit grades (信用等级) and storing them as snapshots, so that the ranking, the
// blacklist and the grade history read stored rows instead of scoring on every request.
//
//   recomputeSubjectGrade(db, subject, asOf)  after staff change a record (the back office calls it)
//   recomputeSubjectGrades(db, subjects, asOf) after a bulk import or an exchange batch
//   recomputeAllGrades(db, asOf)              everyone (npm run grades:recompute, the seed)
//
// Both are idempotent for the same day: the day's row of each subject is replaced, other days are
// kept as history. The score, grade and listing stored are exactly scoreSubject's on that day.
// Everyone is read in keyset batches of subjects with their records (memory stays flat whatever
// the size), scored with the engine's batch path, and written in transactions of about
// `rowsPerTransaction` snapshots.
import { chinaDateOf } from '@shared/dates/calendar-date'
import { isIsoDay } from '@shared/scoring/days'
import { compileStandard, CURRENT_STANDARD, GRADES, type Grade, type ScoringStandard } from '@shared/scoring'
import type { Db } from '@db/client'
import { createGradeSnapshotsRepository, type SubjectRef } from './grade-snapshots-repository'
import { gradeSnapshots, type GradeSnapshot } from './snapshots'

export interface RecomputeOptions {
  /** the standard to score under; default the current one (HN-2026.1) */
  standard?: ScoringStandard
  /** stored as computedAt; a function gives each day its own (the seed dates its history); default now */
  computedAt?: Date | ((day: string) => Date)
  /** snapshots per transaction (default 2,000) */
  rowsPerTransaction?: number
  /** called after each written batch */
  onProgress?: (progress: { subjects: number; snapshots: number }) => void
}

export interface RecomputeSummary {
  standardVersion: string
  days: string[]
  subjects: number
  snapshots: number
  /** subjects per grade on the last day */
  grades: Record<Grade, number>
  /** subjects blacklisted on the last day */
  blacklisted: number
  elapsedMs: number
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
 * Recomputes and stores one subject's grade on `asOf` (default: today in China). Returns the
 * snapshot, or null when the subject does not exist.
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
  const loaded = await repo.loadSubject(subject)
  if (!loaded) return null
  const [snapshot] = gradeSnapshots([loaded], standard, [day])
  await repo.writeSnapshots([snapshot], options.computedAt)
  return snapshot
}

/**
 * Recomputes and stores the grades of many subjects on `asOf`: the subjects a bulk import or an
 * exchange batch changed, read and written a few thousand at a time instead of one by one.
 * Subjects that do not exist are skipped. Returns the number of snapshots written.
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
  const perTransaction = options.rowsPerTransaction ?? 2000
  let written = 0
  for (let i = 0; i < unique.length; i += perTransaction) {
    const loaded = await repo.loadSubjects(unique.slice(i, i + perTransaction))
    written += await repo.writeSnapshots(gradeSnapshots(loaded, compiled, [day]), options.computedAt)
  }
  return written
}

/**
 * Recomputes and stores every enterprise's and practitioner's grade on `asOf` — one day, or
 * several (a history; the subject is read once and scored on each).
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
  const rowsPerTransaction = options.rowsPerTransaction ?? 2000
  const subjectsPerBatch = Math.max(1, Math.floor(rowsPerTransaction / days.length))
  const lastDay = days[days.length - 1]
  await repo.ensureStandard(standard, typeof computedAt === 'function' ? computedAt(lastDay) : computedAt)
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>
  let subjects = 0
  let snapshots = 0
  let blacklisted = 0
  let writing: Promise<number> | null = null
  try {
    for await (const batch of repo.subjectBatches(subjectsPerBatch)) {
      const rows = gradeSnapshots(batch, compiled, days)
      for (const row of rows) {
        if (row.asOf !== lastDay) continue
        grades[row.grade]++
        if (row.blacklisted) blacklisted++
      }
      // one write in flight while the next batch is read and scored; never two (row order of a
      // subject's days does not matter, but two transactions moving the same marks would)
      if (writing) snapshots += await writing
      writing = repo.writeSnapshots(rows, computedAt)
      subjects += batch.length
      options.onProgress?.({ subjects, snapshots })
    }
    if (writing) snapshots += await writing
    writing = null
  } finally {
    await writing?.catch(() => {})
  }
  return { standardVersion: compiled.version, days, subjects, snapshots, grades, blacklisted, elapsedMs: Math.round(performance.now() - started) }
}
