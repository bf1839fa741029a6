import { connection } from 'next/server'
import { env } from '@web/lib/env'
import { latestExposureEntries } from '@web/server/home/latest-repository'
import { buildRss, exposureFeedItem, FEED_SIZE, FEEDS, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const asOf = new Date()
  const entries = await latestExposureEntries(FEED_SIZE, asOf)
  return rssResponse(buildRss(FEEDS.exposure, entries.map((e) => exposureFeedItem(e, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, asOf))
}
