import { connection } from 'next/server'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { listLatestExposureEntries } from '@web/server/records/list-latest-exposure-entries'
import { buildRss, exposureFeedItem, FEED_SIZE, FEEDS, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const asOf = new Date()
  const entries = await listLatestExposureEntries(getDb(), FEED_SIZE, asOf)
  return rssResponse(buildRss(FEEDS.exposure, entries.map((e) => exposureFeedItem(e, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, asOf))
}
