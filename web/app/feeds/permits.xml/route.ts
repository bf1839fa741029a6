import { connection } from 'next/server'
import { env } from '@web/lib/env'
import { latestPermits } from '@web/server/home/latest-repository'
import { buildRss, FEED_SIZE, FEEDS, permitFeedItem, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const permits = await latestPermits(FEED_SIZE)
  return rssResponse(buildRss(FEEDS.permits, permits.map((p) => permitFeedItem(p, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, new Date()))
}
