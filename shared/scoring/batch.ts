// Recomputing every subject's grade: the engine without the explanation. One compiled standard,
// one reusable day-state, one small result object per subject; a record is looked at once.
// Gives exactly scoreSubject's score, grade and listing (a property test holds them equal).

import { compileStandard, type CompiledStandard } from './compile'
import { assertIsoDay } from './days'
import type { ScoringSubject } from './record-input'
import { GRADES, type Grade, type ScoringStandard } from './schema'
import { assertRecordDays, classOf, gradeIndexOf, stateOn, type DayState } from './state'

export interface BatchScore {
  subjectId: string
  score: number
  grade: Grade
  blacklisted: boolean
}

/**
 * Scores many subjects on one day. Throws (RangeError) on the first subject with an invalid day
 * or type, naming it, rather than skipping it: a recompute that silently drops subjects would
 * leave stale grades on the portal.
 */
export function scoreMany(
  subjects: Iterable<ScoringSubject>,
  standard: ScoringStandard | CompiledStandard,
  asOf: string,
): BatchScore[] {
  assertIsoDay(asOf, 'asOf')
  const compiled = compileStandard(standard)
  const state: DayState = { score10: 0, listed: false }
  const out: BatchScore[] = []
  for (const subject of subjects) {
    assertRecordDays(subject)
    const cls = classOf(compiled, subject)
    stateOn(compiled, cls, subject.records, asOf, state)
    out.push({
      subjectId: subject.id,
      score: state.score10 / 10,
      grade: GRADES[gradeIndexOf(cls, state.score10, state.listed)],
      blacklisted: state.listed,
    })
  }
  return out
}
