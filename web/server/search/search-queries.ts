// The site search (/search?q=): one term looked up in permits, completion filings, projects,
// enterprises and practitioners.
import { z } from 'zod'
import { searchTermSchema } from '@web/server/lib/query-params'
import { COUNT_CAP } from '@web/server/lib/counts'

export const siteSearchQuerySchema = z.object({
  q: searchTermSchema,
})

export type SiteSearchQuery = z.output<typeof siteSearchQuerySchema>

/** How many hits of each kind the search page shows; "查看全部" leads to the kind's list. */
export const SEARCH_HITS_PER_KIND = 5

/**
 * Counts stop here: a one-character term such as 王 can match a tenth of a national register, and
 * counting all of it is the slowest part of a search. Above it the page says "10,000+". The lists'
 * cap (web/server/lib/counts.ts), so a search total and its list's total agree.
 */
export const SEARCH_COUNT_CAP = COUNT_CAP
