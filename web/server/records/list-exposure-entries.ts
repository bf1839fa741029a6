import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { ExposureListQuery } from './exposure-queries'
import { createExposureRepository } from './exposure-repository'
import type { ExposureEntry } from './exposure-schemas'

/** One page of the exposure board: the records public on `asOf`'s China calendar day, newest decision first. */
export function listExposureEntries(db: Db, query: ExposureListQuery, asOf: Date = new Date()): Promise<Page<ExposureEntry>> {
  return createExposureRepository(db).listExposureEntries(query, asOf)
}
