import type { Db } from '@db/client'
import type { EnterpriseFilters } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'
import type { EnterpriseListItem } from './enterprises-schemas'

/** The whole filtered enterprise list in the list's order, in keyset batches (constant memory). */
export function exportEnterprises(db: Db, filters: EnterpriseFilters, batchSize?: number): AsyncGenerator<EnterpriseListItem[]> {
  return createEnterprisesRepository(db).exportEnterprises(filters, batchSize)
}
