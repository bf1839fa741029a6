// The scoring standard's categories as the record form offers them, and the publication period a
// new or corrected record will get — computed with the same publicationUntil() the use case
// stores, so what the officer reads before saving is what is saved. Pure: runs in the browser.
import type { RecordKind } from '@shared/domain/enums'
import { addDays, isIsoDay } from '@shared/scoring/days'
import { publicationUntil } from '@shared/scoring/publication'
import { CURRENT_STANDARD } from '@shared/scoring/standards'

export interface CategoryOption {
  code: string
  kind: RecordKind
  label: string
  points: number
  publishMonths: number
}

export const RECORD_CATEGORIES: readonly CategoryOption[] = CURRENT_STANDARD.categories.map((c) => ({
  code: c.code,
  kind: c.kind,
  label: c.label,
  points: c.points,
  publishMonths: c.publishMonths,
}))

export const CATEGORY_GROUPS: readonly { kind: RecordKind; label: string; categories: CategoryOption[] }[] = [
  { kind: 'GOOD', label: '良好行为', categories: RECORD_CATEGORIES.filter((c) => c.kind === 'GOOD') },
  { kind: 'BAD', label: '不良行为', categories: RECORD_CATEGORIES.filter((c) => c.kind === 'BAD') },
]

export function categoryByCode(code: string): CategoryOption | undefined {
  return RECORD_CATEGORIES.find((c) => c.code === code)
}

/** "+3 分" / "−5 分" */
export function pointsText(points: number): string {
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points)} 分`
}

export function categoryOptionLabel(c: CategoryOption): string {
  return `${c.label}（${pointsText(c.points)}，公示 ${c.publishMonths} 个月）`
}

export type PublicationPreview =
  | { ready: false; missing: string }
  | { ready: true; publishFrom: string; lastPublicDay: string; extendedByPenalty: boolean; points: number }

/**
 * The period the record will be public: from publishFrom (or the decision date) to the day before
 * publicationUntil(); `extendedByPenalty` when the penalty outlasts the category's months.
 */
export function publicationPreview(input: { categoryCode: string; decidedOn: string; publishFrom?: string; penaltyLastDay?: string }): PublicationPreview {
  const category = categoryByCode(input.categoryCode)
  if (!category) return { ready: false, missing: '请选择记录类别' }
  if (!isIsoDay(input.decidedOn)) return { ready: false, missing: '请填写决定日期' }
  const from = input.publishFrom && isIsoDay(input.publishFrom) ? input.publishFrom : input.decidedOn
  const penalty = category.kind === 'BAD' && input.penaltyLastDay && isIsoDay(input.penaltyLastDay) ? input.penaltyLastDay : null
  if (penalty !== null && penalty < input.decidedOn) return { ready: false, missing: '处罚期限截止日不能早于决定日期' }
  const until = publicationUntil(CURRENT_STANDARD, category.code, from, penalty)
  const byCategory = publicationUntil(CURRENT_STANDARD, category.code, from, null)
  return { ready: true, publishFrom: from, lastPublicDay: addDays(until, -1), extendedByPenalty: until > byCategory, points: category.points }
}
