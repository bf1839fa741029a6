// How long a new record is public (and counts): the rule a recording form or an import uses to
// fill publishUntil. 建市〔2017〕241号 第十条: good records 3 years; bad records 6 months to
// 3 years, and never shorter than the penalty (e.g. a 12-month suspension recorded under a
// 6-month category stays public until the suspension is over).
//
// The engine itself reads publishUntil from the record, as the exposure board does, so that an
// early end after credit repair (信用修复) or an older standard's period is honoured.

import { compileStandard, type CompiledStandard } from './compile'
import { addDays, addMonths, assertIsoDay, maxDay } from './days'
import type { ScoringStandard } from './schema'

/**
 * publishUntil (exclusive) for a record of `categoryCode` first public on `publishFrom`:
 * max(publishFrom + the category's months, the day after the penalty's last day).
 * `penaltyLastDay` is the last day the penalty applies (inclusive), for bad records only.
 */
export function publicationUntil(
  standard: ScoringStandard | CompiledStandard,
  categoryCode: string,
  publishFrom: string,
  penaltyLastDay?: string | null,
): string {
  assertIsoDay(publishFrom, 'publishFrom')
  const category = compileStandard(standard).categories.get(categoryCode)
  if (!category) throw new RangeError(`unknown category ${categoryCode}`)
  const byCategory = addMonths(publishFrom, category.publishMonths)
  if (penaltyLastDay === undefined || penaltyLastDay === null) return byCategory
  assertIsoDay(penaltyLastDay, 'penaltyLastDay')
  if (category.kind !== 'BAD') throw new RangeError(`${categoryCode} is a good record; it has no penalty period`)
  return maxDay(byCategory, addDays(penaltyLastDay, 1))
}
