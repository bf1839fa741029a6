import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { cachedRead } from '@web/server/cache/installed-cache'
import { PUBLIC_DATA } from '@web/server/cache/namespaces'
import { createLatestRepository, type LatestDisclosures } from './latest-repository'

/**
 * The home page's latest lists: the newest `take` permits, completion filings and records on the
 * exposure board of `asOf`'s China calendar day, read in parallel; cached (web/server/cache).
 */
export function getLatestDisclosures(db: Db, asOf: Date = new Date(), take = 5): Promise<LatestDisclosures> {
  return cachedRead({ name: 'home.latest-disclosures', namespaces: [PUBLIC_DATA], key: [chinaDateOf(asOf), take] }, () =>
    createLatestRepository(db).getLatestDisclosures(asOf, take),
  )
}
