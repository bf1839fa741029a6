import type { Db } from '@db/client'
import { createLatestRepository, type LatestPermit } from '@web/server/home/latest-repository'

/**
 * The newest `take` permits for the RSS feed. The lean select lives with the home page's latest
 * lists (one query for both), so the feed and the home page show the same fields.
 */
export function listLatestPermits(db: Db, take: number): Promise<LatestPermit[]> {
  return createLatestRepository(db).latestPermits(take)
}
