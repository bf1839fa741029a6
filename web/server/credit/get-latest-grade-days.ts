import type { Db } from '@db/client'
import { createCreditGradesRepository } from './credit-grades-repository'
import type { GradeDays } from './credit-schemas'

/** The range of the days on which the ranking's grades took effect (等级起始日); null before the first recompute. */
export function getLatestGradeDays(db: Db): Promise<GradeDays> {
  return createCreditGradesRepository(db).latestGradeDays()
}
