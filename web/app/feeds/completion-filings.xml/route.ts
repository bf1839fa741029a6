import { connection } from 'next/server'
import { env } from '@web/lib/env'
import { latestCompletionFilings } from '@web/server/home/latest-repository'
import { buildRss, completionFilingFeedItem, FEED_SIZE, FEEDS, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const filings = await latestCompletionFilings(FEED_SIZE)
  return rssResponse(
    buildRss(FEEDS.completionFilings, filings.map((f) => completionFilingFeedItem(f, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, new Date()),
  )
}
