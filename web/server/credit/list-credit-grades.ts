import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import { createCreditGradesRepository } from './credit-grades-repository'
import type { CreditGradeListQuery } from './credit-queries'
import type { CreditGradeListItem } from './credit-schemas'

/** One page of the ranking (信用等级排行): the latest stored grade of each subject, score high to low, then id. */
export function listCreditGrades(db: Db, query: CreditGradeListQuery): Promise<KeysetPage<CreditGradeListItem>> {
  return createCreditGradesRepository(db).listCreditGrades(query)
}
