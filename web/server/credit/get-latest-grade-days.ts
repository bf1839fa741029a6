import type { Db } from '@db/client'
import { createCreditGradesRepository } from './credit-grades-repository'
import type { GradeDays } from './credit-schemas'

/** The day (or range of days) the ranking's stored grades describe (评价基准日); null before the first recompute. */
export function getLatestGradeDays(db: Db): Promise<GradeDays> {
  return createCreditGradesRepository(db).latestGradeDays()
}
