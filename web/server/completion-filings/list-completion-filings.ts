import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { CompletionFilingListQuery } from './completion-filing-queries'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingListItem } from './completion-filings-schemas'

/** One page of the public completion-filing list, newest filing date first. */
export function listCompletionFilings(db: Db, query: CompletionFilingListQuery): Promise<KeysetPage<CompletionFilingListItem>> {
  return createCompletionFilingsRepository(db).listCompletionFilings(query)
}
