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
