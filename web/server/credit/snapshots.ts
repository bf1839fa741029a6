// What a stored credit-grade snapshot holds, computed from the engine: the fast path (scoreMany)
// for everyone, and the explained one (scoreSubject) only for the few who are blacklisted, whose
// listing dates and grounds the blacklist page shows. Pure: no database, no clock.
import {
  compileStandard,
  scoreMany,
  scoreSubject,
  type CompiledStandard,
  type Grade,
  type ScoringStandard,
  type ScoringSubject,
  type SubjectClass,
} from '@shared/scoring'

/** A blacklist ground in force on the snapshot's day, as stored (CreditGrade.blacklistGrounds). */
export interface SnapshotGround {
  code: string
  label: string
  /** the day the ground was established */
  since: string
  /** first day the ground no longer lists the subject */
  until: string
  recordIds: string[]
}

export interface GradeSnapshot {
  subjectType: 'ENTERPRISE' | 'PERSON'
  subjectId: string
  subjectClass: SubjectClass
  standardVersion: string
  /** the day the grade describes, 'YYYY-MM-DD' */
  asOf: string
  score: number
  grade: Grade
  blacklisted: boolean
  listedOn: string | null
  removableOn: string | null
  /** empty unless blacklisted */
  grounds: SnapshotGround[]
}

/** The rule set a subject is scored under (the engine's own mapping, from the standard's data). */
export function subjectClassOf(compiled: CompiledStandard, subject: ScoringSubject): SubjectClass {
  return subject.subjectType === 'PERSON' ? 'PRACTITIONER' : compiled.enterpriseClasses[subject.enterpriseType]
}

/**
 * Snapshots of every subject on every day, day by day in the order given, subjects in input
 * order. Equal to scoreSubject's score, grade and listing on each day (scoreMany's guarantee).
 */
export function gradeSnapshots(
  subjects: readonly ScoringSubject[],
  standard: ScoringStandard | CompiledStandard,
  days: readonly string[],
): GradeSnapshot[] {
  const compiled = compileStandard(standard)
  const out: GradeSnapshot[] = []
  for (const day of days) {
    const scores = scoreMany(subjects, compiled, day)
    for (let i = 0; i < subjects.length; i++) {
      const subject = subjects[i]
      const s = scores[i]
      const snapshot: GradeSnapshot = {
        subjectType: subject.subjectType,
        subjectId: subject.id,
        subjectClass: subjectClassOf(compiled, subject),
        standardVersion: compiled.version,
        asOf: day,
        score: s.score,
        grade: s.grade,
        blacklisted: s.blacklisted,
        listedOn: null,
        removableOn: null,
        grounds: [],
      }
      if (s.blacklisted) {
        const { blacklist } = scoreSubject(subject, compiled, day)
        snapshot.listedOn = blacklist.listedOn
        snapshot.removableOn = blacklist.removableOn
        snapshot.grounds = blacklist.grounds.map((g) => ({ code: g.code, label: g.label, since: g.since, until: g.until, recordIds: g.recordIds }))
      }
      out.push(snapshot)
    }
  }
  return out
}

/**
 * What a stored row says about a subject on its day, in the stored form (grounds as their JSON):
 * the writer stores exactly this, and a new snapshot is "unchanged" when this equals the stored
 * row's — one definition for both.
 */
export interface StoredGradeFields {
  subjectClass: string
  standardVersion: string
  score: number
  grade: string
  blacklisted: boolean
  listedOn: string | null
  removableOn: string | null
  blacklistGrounds: string | null
}

export function storedFieldsOf(s: GradeSnapshot): StoredGradeFields {
  return {
    subjectClass: s.subjectClass,
    standardVersion: s.standardVersion,
    score: s.score,
    grade: s.grade,
    blacklisted: s.blacklisted,
    listedOn: s.listedOn,
    removableOn: s.removableOn,
    blacklistGrounds: s.blacklisted ? JSON.stringify(s.grounds) : null,
  }
}

/** A subject's latest stored row (the one marked isLatest): its day and what it says. */
export interface StoredGrade extends StoredGradeFields {
  asOf: string
}

function sameFields(a: StoredGradeFields, b: StoredGradeFields): boolean {
  return (
    a.score === b.score &&
    a.grade === b.grade &&
    a.blacklisted === b.blacklisted &&
    a.listedOn === b.listedOn &&
    a.removableOn === b.removableOn &&
    a.blacklistGrounds === b.blacklistGrounds &&
    a.subjectClass === b.subjectClass &&
    a.standardVersion === b.standardVersion
  )
}

/**
 * The snapshots worth storing: a subject's day is written when it says something other than the
 * grade in force before it — its latest stored row, or its previous day in `snapshots` — so a
 * stored row means "the grade from this day on", and a day on which nothing changed writes
 * nothing. A day before the subject's latest stored day (a history backfill) is always written:
 * the rows after it were compared with what came before them, not with it. Snapshots of one
 * subject must come in day order (gradeSnapshots gives them so).
 */
export function changedSnapshots(snapshots: readonly GradeSnapshot[], latest: ReadonlyMap<string, StoredGrade>): GradeSnapshot[] {
  const before = new Map<string, StoredGrade>()
  const out: GradeSnapshot[] = []
  for (const s of snapshots) {
    const stored = latest.get(s.subjectId)
    if (stored && s.asOf < stored.asOf) {
      out.push(s)
      continue
    }
    const previous = before.get(s.subjectId) ?? stored
    const fields = storedFieldsOf(s)
    if (!previous || !sameFields(previous, fields)) out.push(s)
    before.set(s.subjectId, { ...fields, asOf: s.asOf })
  }
  return out
}
