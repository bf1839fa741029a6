// The scoring engine: a subject's records under a standard on a day → score, grade, blacklist
// status, every point traced to a record, and the future days on which the result changes.
// Pure: no clock, no database, no I/O; the same input gives the same output and is not mutated.
//
// Rules (docs/scoring-standard.md states them for the public):
// - Counting day: a record counts on day D exactly when it is public on D by the one publication
//   rule (isPublicOn, ../records/publication.ts: ACTIVE and publishFrom ≤ D < publishUntil, public
//   through lastPublicDay = publishUntil − 1). So a record stops counting, and the grade changes,
//   on the very day it leaves every public page.
// - A record counts only if its category applies to the subject's class and its kind (GOOD/BAD)
//   agrees with the category; otherwise it is listed as excluded with the reason.
// - Score = base + good points after caps + bad points (negative), never below the class's floor.
//   Points are multiples of 0.1 and are added in integer tenths, so there is nothing to round.
// - Caps: good records are taken oldest first (publishFrom, then id); each gets its points up to
//   what is left of its category's cap, then of the total good cap. A record cut by a cap gets
//   its points back as older ones expire. Bad records always deduct in full.
// - Grade: the highest band whose minScore ≤ score; while blacklisted, no better than the
//   blacklist grade (C). Blacklist rules: ./blacklist.ts.
// - nextChanges assumes no new records: on each future day a record starts or stops counting or
//   a listing ends, the state is recomputed; days on which score, grade or listing change are kept.

import { groundEvents, listingOn } from './blacklist'
import { compileStandard, type CompiledClass, type CompiledStandard } from './compile'
import { addDays, assertIsoDay } from './days'
import { isPublicOn, publicationState, type PublicationPeriod } from '../records/publication'
import type { ScoringRecord, ScoringSubject } from './record-input'
import { GRADES, type Grade, type ScoringStandard, type SubjectClass, type Supervision } from './schema'
import { assertRecordDays, classOf, gradeIndexOf, stateOn, type DayState } from './state'

export const EXCLUSION_REASONS = ['WITHDRAWN', 'NOT_YET_PUBLIC', 'EXPIRED', 'UNKNOWN_CATEGORY', 'NOT_APPLICABLE', 'KIND_MISMATCH'] as const
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number]
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  WITHDRAWN: '记录已撤回，不计分',
  NOT_YET_PUBLIC: '尚未开始公示，暂不计分',
  EXPIRED: '公示期已满，不再计分',
  UNKNOWN_CATEGORY: '评分标准中没有该记录类别，不计分',
  NOT_APPLICABLE: '该记录类别不适用于此类主体，不计分',
  KIND_MISMATCH: '记录的良好/不良属性与评分标准不符，不计分',
}

export const CHANGE_CAUSES = ['RECORD_STARTS', 'RECORD_EXPIRES', 'BLACKLIST_LISTED', 'BLACKLIST_REMOVED'] as const
export type ChangeCauseType = (typeof CHANGE_CAUSES)[number]
export const CHANGE_CAUSE_LABELS: Record<ChangeCauseType, string> = {
  RECORD_STARTS: '记录开始公示并计分',
  RECORD_EXPIRES: '记录公示期满，不再计分',
  BLACKLIST_LISTED: '列入建筑市场主体“黑名单”',
  BLACKLIST_REMOVED: '“黑名单”管理期限届满，移出',
}

export const CAP_KINDS = ['CATEGORY', 'GOOD_TOTAL'] as const
export type CapKind = (typeof CAP_KINDS)[number]

export interface Contribution {
  recordId: string
  categoryCode: string
  kind: 'GOOD' | 'BAD'
  /** the rule that gave the points: category code and its Chinese label */
  rule: { code: string; label: string }
  /** the category's points */
  rawPoints: number
  /** the points that count, after caps */
  points: number
  capped: boolean
  /** the cap that cut the points, if any (the category's first when both did) */
  cappedBy: CapKind | null
  /** first counting day (publishFrom) */
  countsFrom: string
  /** first day it no longer counts (publishUntil, exclusive) */
  countsUntil: string
  /** last counting day = the exposure board's 公示截止 */
  lastCountingDay: string
}

export interface ExcludedRecord {
  recordId: string
  categoryCode: string
  reason: ExclusionReason
  reasonLabel: string
  countsFrom: string
  countsUntil: string
}

export interface BlacklistGroundStatus {
  code: string
  label: string
  description: string
  recordIds: string[]
  /** the day the ground was established (listing starts) */
  since: string
  /** first day this ground no longer lists the subject */
  until: string
}

export interface BlacklistStatus {
  listed: boolean
  /** grounds in force on the day, oldest first */
  grounds: BlacklistGroundStatus[]
  /** first day of the current, unbroken listing */
  listedOn: string | null
  /** first day off the list, if no new ground arises */
  removableOn: string | null
  /** what listing bars (the standard's sentences), empty when not listed */
  bars: string[]
}

export interface ChangeCause {
  type: ChangeCauseType
  label: string
  recordId?: string
  categoryCode?: string
  categoryLabel?: string
}

export interface ScheduledChange {
  /** first day of the new state */
  date: string
  score: number
  grade: Grade
  gradeLabel: string
  blacklisted: boolean
  causes: ChangeCause[]
}

export interface ScoreBreakdown {
  baseScore: number
  /** good points before caps */
  goodRaw: number
  /** good points after caps */
  good: number
  /** bad points (≤ 0) */
  bad: number
  /** points added back so the score does not fall below the floor (≥ 0) */
  floorAdjustment: number
}

export interface SubjectScore {
  subjectId: string
  standardVersion: string
  asOf: string
  subjectClass: SubjectClass
  subjectClassLabel: string
  score: number
  grade: Grade
  gradeLabel: string
  gradeMeaning: string
  /** differentiated supervision for the grade */
  supervision: Supervision
  breakdown: ScoreBreakdown
  blacklist: BlacklistStatus
  /** records counting on asOf, oldest first (the order caps are applied in) */
  contributions: Contribution[]
  /** records not counting on asOf, with the reason, in input order */
  excluded: ExcludedRecord[]
  /** future days on which score, grade or listing change, assuming no new records */
  nextChanges: ScheduledChange[]
}

/** The counting rule: a record counts on exactly the days it is public. */
export const countsOn: (record: PublicationPeriod, day: string) => boolean = isPublicOn

/** The last day a record counts: the exposure board's 公示截止 (lastPublicDay). */
export function lastCountingDay(record: Pick<ScoringRecord, 'publishUntil'>): string {
  return addDays(record.publishUntil, -1)
}

/** Why a record never counts for this subject whatever the day (withdrawal is decided by publicationState). */
function categoryExclusion(compiled: CompiledStandard, cls: CompiledClass, r: ScoringRecord): ExclusionReason | null {
  const rule = cls.rules.get(r.categoryCode)
  if (rule === undefined) return compiled.categories.has(r.categoryCode) ? 'NOT_APPLICABLE' : 'UNKNOWN_CATEGORY'
  if (rule.kind !== r.kind) return 'KIND_MISMATCH'
  return null
}

function byPublication(a: ScoringRecord, b: ScoringRecord): number {
  return a.publishFrom < b.publishFrom ? -1 : a.publishFrom > b.publishFrom ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const tenthsToPoints = (n: number) => n / 10

function gradeFields(cls: CompiledClass, gradeIndex: number) {
  const grade = GRADES[gradeIndex]
  const band = cls.rulesData.bands[gradeIndex]
  return { grade, gradeLabel: band.label, gradeMeaning: band.meaning }
}

/**
 * Scores one subject on `asOf` ('YYYY-MM-DD') and explains the result. Throws a RangeError for
 * an invalid day or a subject type without a rule set, ScoringStandardError for an invalid standard.
 */
export function scoreSubject(subject: ScoringSubject, standard: ScoringStandard | CompiledStandard, asOf: string): SubjectScore {
  assertIsoDay(asOf, 'asOf')
  assertRecordDays(subject)
  const compiled = compileStandard(standard)
  const cls = classOf(compiled, subject)

  const excluded: ExcludedRecord[] = []
  const eligible: ScoringRecord[] = []
  const counted: ScoringRecord[] = []
  for (const r of subject.records) {
    const state = publicationState(r, asOf)
    let reason = state === 'WITHDRAWN' ? 'WITHDRAWN' : categoryExclusion(compiled, cls, r)
    if (reason === null) {
      eligible.push(r)
      if (state === 'NOT_YET') reason = 'NOT_YET_PUBLIC'
      else if (state === 'ENDED') reason = 'EXPIRED'
      else counted.push(r)
    }
    if (reason !== null) {
      excluded.push({
        recordId: r.id,
        categoryCode: r.categoryCode,
        reason,
        reasonLabel: EXCLUSION_REASON_LABELS[reason],
        countsFrom: r.publishFrom,
        countsUntil: r.publishUntil,
      })
    }
  }
  // input order must not matter: caps, grounds and the causes of changes all follow publication order
  counted.sort(byPublication)
  eligible.sort(byPublication)

  // caps, oldest first
  const categoryLeft = new Map<string, number>()
  let totalLeft = cls.goodTotalCap10
  let goodRaw10 = 0
  let good10 = 0
  let bad10 = 0
  const contributions: Contribution[] = counted.map((r) => {
    const rule = cls.rules.get(r.categoryCode)!
    let points10 = rule.points10
    let cappedBy: CapKind | null = null
    if (rule.kind === 'GOOD') {
      goodRaw10 += points10
      const left = categoryLeft.get(rule.code) ?? rule.cap10
      if (points10 > left) {
        points10 = left
        cappedBy = 'CATEGORY'
      }
      if (points10 > totalLeft) {
        points10 = totalLeft
        cappedBy ??= 'GOOD_TOTAL'
      }
      categoryLeft.set(rule.code, left - points10)
      totalLeft -= points10
      good10 += points10
    } else {
      bad10 += points10
    }
    return {
      recordId: r.id,
      categoryCode: r.categoryCode,
      kind: rule.kind,
      rule: { code: rule.code, label: rule.label },
      rawPoints: tenthsToPoints(rule.points10),
      points: tenthsToPoints(points10),
      capped: cappedBy !== null,
      cappedBy,
      countsFrom: r.publishFrom,
      countsUntil: r.publishUntil,
      lastCountingDay: lastCountingDay(r),
    }
  })
  const total10 = cls.base10 + good10 + bad10
  const score10 = Math.max(total10, cls.min10)

  const listing = listingOn(
    groundEvents(
      compiled,
      counted.filter((r) => cls.rules.get(r.categoryCode)!.blacklistRelevant),
    ),
    asOf,
  )
  const gradeIndex = gradeIndexOf(cls, score10, listing.listed)
  const blacklist: BlacklistStatus = {
    listed: listing.listed,
    grounds: listing.active
      .map((e) => ({
        code: e.trigger.ground.code,
        label: e.trigger.ground.label,
        description: e.trigger.ground.description,
        recordIds: e.records.map((r) => r.id),
        since: e.from,
        until: e.until,
      }))
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    listedOn: listing.listedOn,
    removableOn: listing.removableOn,
    bars: listing.listed ? compiled.standard.blacklist.bars.slice() : [],
  }

  const fields = gradeFields(cls, gradeIndex)
  return {
    subjectId: subject.id,
    standardVersion: compiled.version,
    asOf,
    subjectClass: cls.subjectClass,
    subjectClassLabel: cls.rulesData.label,
    score: tenthsToPoints(score10),
    ...fields,
    supervision: { ...cls.supervisionByGrade[fields.grade], configurable: cls.supervisionByGrade[fields.grade].configurable.slice() },
    breakdown: {
      baseScore: tenthsToPoints(cls.base10),
      goodRaw: tenthsToPoints(goodRaw10),
      good: tenthsToPoints(good10),
      bad: tenthsToPoints(bad10),
      floorAdjustment: tenthsToPoints(score10 - total10),
    },
    blacklist,
    contributions,
    excluded,
    nextChanges: scheduleChanges(compiled, cls, subject.records, eligible, asOf, { score10, listed: listing.listed }, gradeIndex),
  }
}

function scheduleChanges(
  compiled: CompiledStandard,
  cls: CompiledClass,
  records: readonly ScoringRecord[],
  eligible: ScoringRecord[],
  asOf: string,
  now: DayState,
  nowGrade: number,
): ScheduledChange[] {
  const days = new Set<string>()
  for (const r of eligible) {
    if (r.publishFrom > asOf) days.add(r.publishFrom)
    if (r.publishUntil > asOf) days.add(r.publishUntil)
  }
  // listings end on their own schedule too (listing period shorter than the records' periods)
  const relevant = eligible.filter((r) => cls.rules.get(r.categoryCode)!.blacklistRelevant)
  if (relevant.length > 0) for (const e of groundEvents(compiled, relevant)) if (e.until > asOf) days.add(e.until)

  const changes: ScheduledChange[] = []
  let prev = { score10: now.score10, listed: now.listed, grade: nowGrade }
  const state: DayState = { score10: 0, listed: false }
  for (const day of [...days].sort()) {
    stateOn(compiled, cls, records, day, state)
    const grade = gradeIndexOf(cls, state.score10, state.listed)
    if (state.score10 === prev.score10 && state.listed === prev.listed && grade === prev.grade) continue
    const causes: ChangeCause[] = []
    for (const r of eligible) {
      const type: ChangeCauseType | null = r.publishFrom === day ? 'RECORD_STARTS' : r.publishUntil === day ? 'RECORD_EXPIRES' : null
      if (type === null) continue
      const rule = cls.rules.get(r.categoryCode)!
      causes.push({ type, label: CHANGE_CAUSE_LABELS[type], recordId: r.id, categoryCode: r.categoryCode, categoryLabel: rule.label })
    }
    if (state.listed !== prev.listed) {
      const type: ChangeCauseType = state.listed ? 'BLACKLIST_LISTED' : 'BLACKLIST_REMOVED'
      causes.push({ type, label: CHANGE_CAUSE_LABELS[type] })
    }
    const band = cls.rulesData.bands[grade]
    changes.push({
      date: day,
      score: tenthsToPoints(state.score10),
      grade: GRADES[grade],
      gradeLabel: band.label,
      blacklisted: state.listed,
      causes,
    })
    prev = { score10: state.score10, listed: state.listed, grade }
  }
  return changes
}
