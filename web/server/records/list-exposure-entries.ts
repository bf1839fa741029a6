import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { ExposureListQuery } from './exposure-queries'
import { createExposureRepository } from './exposure-repository'
import type { ExposureEntry } from './exposure-schemas'

/** One page of the exposure board: the records public on `asOf`'s China calendar day, newest decision first. */
export function listExposureEntries(db: Db, query: ExposureListQuery, asOf: Date = new Date()): Promise<KeysetPage<ExposureEntry>> {
  return createExposureRepository(db).listExposureEntries(query, asOf)
}
