// When the province table marks a region as lagging (落后). The rule is plain and configurable
// (the page states it, settings LAG_DROP_PERCENT and LAG_ZERO_MONTH_AFTER_DAYS choose it):
//   1. this year's count to date — of permits or of completion filings — is below the same dates
//      last year by more than `dropPercent` % (not applied where last year had none), or
//   2. the month has run for more than `zeroMonthAfterDays` days and the region has handled
//      neither a permit nor a completion filing in it (null: never).
import { z } from 'zod'

export const lagRuleSchema = z.object({
  dropPercent: z.number().min(0).max(100),
  zeroMonthAfterDays: z.number().int().min(0).max(31).nullable(),
})

export type LagRule = z.infer<typeof lagRuleSchema>

export const DEFAULT_LAG_RULE: LagRule = { dropPercent: 20, zeroMonthAfterDays: 10 }

export interface LagInput {
  permitsYear: number
  permitsYearLastYear: number
  filingsYear: number
  filingsYearLastYear: number
  permitsMonth: number
  filingsMonth: number
  /** days of the month elapsed, today included */
  monthDaysElapsed: number
}

function dropsTooFar(current: number, previous: number, rule: LagRule): boolean {
  return previous > 0 && current < previous * (1 - rule.dropPercent / 100)
}

/** The reasons (Chinese, for the page) a region lags; empty when it does not. */
export function lagReasons(input: LagInput, rule: LagRule): string[] {
  const reasons: string[] = []
  if (dropsTooFar(input.permitsYear, input.permitsYearLastYear, rule)) reasons.push(`本年施工许可比上年同期下降超过 ${rule.dropPercent}%`)
  if (dropsTooFar(input.filingsYear, input.filingsYearLastYear, rule)) reasons.push(`本年竣工验收备案比上年同期下降超过 ${rule.dropPercent}%`)
  if (rule.zeroMonthAfterDays !== null && input.monthDaysElapsed > rule.zeroMonthAfterDays && input.permitsMonth === 0 && input.filingsMonth === 0) {
    reasons.push('本月未办理施工许可和竣工验收备案')
  }
  return reasons
}

/** The rule in one Chinese sentence, shown above the table. */
export function describeLagRule(rule: LagRule): string {
  const drop = `本年累计施工许可数或竣工验收备案数比上年同期下降超过 ${rule.dropPercent}%（上年同期为 0 的不计）`
  const zero =
    rule.zeroMonthAfterDays === null ? '' : `，或本月已过 ${rule.zeroMonthAfterDays} 天仍未办理任何施工许可和竣工验收备案`
  return `标记为“落后”的市县：${drop}${zero}。`
}
