// The score, grade and listing of a subject on one day, with nothing explained: the inner loop
// shared by the batch path (scoreMany) and by the "what changes when" schedule of scoreSubject,
// which asks it about every future day on which a record starts or stops counting.
//
// Allocation-free unless a record that can establish a blacklist ground counts (rare): good
// points are summed into the class's reusable slot array, which is zeroed again on the way out.

import { groundEvents, listingOn } from './blacklist'
import type { CompiledClass, CompiledStandard } from './compile'
import { assertIsoDay } from './days'
import { isPublicOn } from '../records/publication'
import type { ScoringRecord, ScoringSubject } from './record-input'
import type { SubjectClass } from './schema'

/** Filled by stateOn; copy the fields out before the next call. */
export interface DayState {
  /** score × 10 after caps and floor */
  score10: number
  listed: boolean
}

export function classOf(compiled: CompiledStandard, subject: ScoringSubject): CompiledClass {
  let sc: SubjectClass | undefined
  if (subject.subjectType === 'PERSON') sc = 'PRACTITIONER'
  else if (subject.subjectType === 'ENTERPRISE') sc = compiled.enterpriseClasses[subject.enterpriseType]
  if (sc === undefined) {
    throw new RangeError(`subject ${subject.id}: no rule set for ${JSON.stringify((subject as { enterpriseType?: unknown }).enterpriseType ?? subject.subjectType)}`)
  }
  return compiled.classes[sc]
}

/** Throws a RangeError naming the record when one of its days is not a real 'YYYY-MM-DD'. */
export function assertRecordDays(subject: ScoringSubject): void {
  for (const r of subject.records) {
    assertIsoDay(r.decidedOn, `subject ${subject.id}, record ${r.id}, decidedOn`)
    assertIsoDay(r.publishFrom, `subject ${subject.id}, record ${r.id}, publishFrom`)
    assertIsoDay(r.publishUntil, `subject ${subject.id}, record ${r.id}, publishUntil`)
  }
}

/** Index into GRADES of the band holding score10, made no better than the listed grade while listed. */
export function gradeIndexOf(cls: CompiledClass, score10: number, listed: boolean): number {
  const mins = cls.bandMin10
  let i = 0
  while (i < mins.length - 1 && score10 < mins[i]) i++
  return listed && cls.listedGradeIndex > i ? cls.listedGradeIndex : i
}

export function stateOn(
  compiled: CompiledStandard,
  cls: CompiledClass,
  records: readonly ScoringRecord[],
  day: string,
  out: DayState,
): DayState {
  const sums = cls.goodSums
  let bad10 = 0
  let anyGood = false
  let relevant: ScoringRecord[] | null = null
  for (let k = 0; k < records.length; k++) {
    const r = records[k]
    if (!isPublicOn(r, day)) continue
    const rule = cls.rules.get(r.categoryCode)
    if (rule === undefined || rule.kind !== r.kind) continue
    if (rule.slot >= 0) {
      sums[rule.slot] += rule.points10
      anyGood = true
    } else {
      bad10 += rule.points10
    }
    if (rule.blacklistRelevant) (relevant ??= []).push(r)
  }
  let good10 = 0
  if (anyGood) {
    const caps = cls.goodCaps10
    for (let i = 0; i < sums.length; i++) {
      const s = sums[i]
      if (s !== 0) {
        good10 += s < caps[i] ? s : caps[i]
        sums[i] = 0
      }
    }
    if (good10 > cls.goodTotalCap10) good10 = cls.goodTotalCap10
  }
  const total = cls.base10 + good10 + bad10
  out.score10 = total < cls.min10 ? cls.min10 : total
  out.listed = relevant !== null && listingOn(groundEvents(compiled, relevant), day).listed
  return out
}
