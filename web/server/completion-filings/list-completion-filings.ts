import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { CompletionFilingListQuery } from './completion-filing-queries'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingListItem } from './completion-filings-schemas'

/** One page of the public completion-filing list, newest filing date first. */
export function listCompletionFilings(db: Db, query: CompletionFilingListQuery): Promise<Page<CompletionFilingListItem>> {
  return createCompletionFilingsRepository(db).listCompletionFilings(query)
}
