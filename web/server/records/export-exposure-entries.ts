import type { Db } from '@db/client'
import type { ExposureFilters } from './exposure-queries'
import { createExposureRepository } from './exposure-repository'
import type { ExposureEntry } from './exposure-schemas'

/** The whole filtered exposure board of `asOf`'s day in the board's order, in keyset batches (constant memory). */
export function exportExposureEntries(db: Db, filters: ExposureFilters, asOf: Date = new Date(), batchSize?: number): AsyncGenerator<ExposureEntry[]> {
  return createExposureRepository(db).exportExposureEntries(filters, asOf, batchSize)
}
