import type { Db } from '@db/client'
import type { PractitionerFilters } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'
import type { PractitionerListItem } from './practitioners-schemas'

/** The whole filtered practitioner list in the list's order, in keyset batches (constant memory). */
export function exportPractitioners(db: Db, filters: PractitionerFilters, asOf = new Date(), batchSize?: number): AsyncGenerator<PractitionerListItem[]> {
  return createPractitionersRepository(db).exportPractitioners(filters, asOf, batchSize)
}
