// The site search (/search?q=): one term looked up in permits, completion filings, projects,
// enterprises and practitioners.
import { z } from 'zod'
import { searchTermSchema } from '@web/server/lib/query-params'

export const siteSearchQuerySchema = z.object({
  q: searchTermSchema,
})

export type SiteSearchQuery = z.output<typeof siteSearchQuerySchema>

/** How many hits of each kind the search page shows; "查看全部" leads to the kind's list. */
export const SEARCH_HITS_PER_KIND = 5
