import type { Db } from '@db/client'
import { createCreditGradesRepository } from './credit-grades-repository'
import type { CreditGradeFilters } from './credit-queries'
import type { CreditGradeListItem } from './credit-schemas'

/** The whole filtered ranking in the list's order, in keyset batches (constant memory). */
export function exportCreditGrades(db: Db, filters: CreditGradeFilters, batchSize?: number): AsyncGenerator<CreditGradeListItem[]> {
  return createCreditGradesRepository(db).exportCreditGrades(filters, batchSize)
}
