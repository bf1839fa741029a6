import type { Db } from '@db/client'
import { createLatestRepository, type LatestDisclosures } from './latest-repository'

/**
 * The home page's latest lists: the newest `take` permits, completion filings and records on the
 * exposure board of `asOf`'s China calendar day, read in parallel.
 */
export function getLatestDisclosures(db: Db, asOf: Date = new Date(), take = 5): Promise<LatestDisclosures> {
  return createLatestRepository(db).getLatestDisclosures(asOf, take)
}
