import { connection } from 'next/server'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { listLatestCompletionFilings } from '@web/server/completion-filings/list-latest-completion-filings'
import { buildRss, completionFilingFeedItem, FEED_SIZE, FEEDS, rssResponse } from '../build-feed'

export async function GET() {
  await connection()
  const filings = await listLatestCompletionFilings(getDb(), FEED_SIZE)
  return rssResponse(
    buildRss(FEEDS.completionFilings, filings.map((f) => completionFilingFeedItem(f, env.PORTAL_ORIGIN)), env.PORTAL_ORIGIN, new Date()),
  )
}
