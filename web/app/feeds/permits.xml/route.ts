import { connection } from 'next/server'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { listLatestPermits } from '@web/server/permits/list-latest-permits'
import { buildRss, FEED_SIZE, FEEDS, permitFeedItem, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const permits = await listLatestPermits(getDb(), FEED_SIZE)
  return rssResponse(buildRss(FEEDS.permits, permits.map((p) => permitFeedItem(p, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, new Date()))
}
