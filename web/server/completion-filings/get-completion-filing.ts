import type { Db } from '@db/client'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingDetail } from './completion-filings-schemas'

/** One completion filing with the fields of its certificate; null for an unknown number. */
export function getCompletionFiling(db: Db, filingNumber: string): Promise<CompletionFilingDetail | null> {
  return createCompletionFilingsRepository(db).findCompletionFiling(filingNumber)
}
