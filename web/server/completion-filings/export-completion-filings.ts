import type { Db } from '@db/client'
import type { CompletionFilingFilters } from './completion-filing-queries'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingListItem } from './completion-filings-schemas'

/** The whole filtered completion-filing list in the list's order, in keyset batches (constant memory). */
export function exportCompletionFilings(db: Db, filters: CompletionFilingFilters, batchSize?: number): AsyncGenerator<CompletionFilingListItem[]> {
  return createCompletionFilingsRepository(db).exportCompletionFilings(filters, batchSize)
}
