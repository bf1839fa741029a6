import type { Db } from '@db/client'
import { createLatestRepository, type LatestCompletionFiling } from '@web/server/home/latest-repository'

/**
 * The newest `take` completion filings for the RSS feed. The lean select lives with the home
 * page's latest lists (one query for both), so the feed and the home page show the same fields.
 */
export function listLatestCompletionFilings(db: Db, take: number): Promise<LatestCompletionFiling[]> {
  return createLatestRepository(db).latestCompletionFilings(take)
}
