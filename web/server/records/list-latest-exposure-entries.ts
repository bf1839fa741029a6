import type { Db } from '@db/client'
import { createLatestRepository, type LatestExposureEntry } from '@web/server/home/latest-repository'

/**
 * The newest `take` records on the exposure board of `asOf`'s day, for the RSS feed. The lean
 * select lives with the home page's latest lists, so the feed and the home page show the same fields.
 */
export function listLatestExposureEntries(db: Db, take: number, asOf: Date): Promise<LatestExposureEntry[]> {
  return createLatestRepository(db).latestExposureEntries(take, asOf)
}
