import type { Db } from '@db/client'
import { SEARCH_HITS_PER_KIND } from './search-queries'
import { createSearchRepository, type SiteSearchResults } from './search-repository'

/** The first `take` hits of each register for `q`, with each register's total. */
export function searchSite(db: Db, q: string, take = SEARCH_HITS_PER_KIND): Promise<SiteSearchResults> {
  return createSearchRepository(db).searchSite(q, take)
}
