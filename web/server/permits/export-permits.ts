import type { Db } from '@db/client'
import type { PermitFilters } from './permit-queries'
import { createPermitsRepository } from './permits-repository'
import type { PermitListItem } from './permits-schemas'

/** The whole filtered permit list in the list's order, in keyset batches (constant memory). */
export function exportPermits(db: Db, filters: PermitFilters, batchSize?: number): AsyncGenerator<PermitListItem[]> {
  return createPermitsRepository(db).exportPermits(filters, batchSize)
}
