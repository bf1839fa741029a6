import type { Db } from '@db/client'
import { hasControlCharacter } from '@web/server/lib/database-text'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingDetail } from './completion-filings-schemas'

/** One completion filing with the fields of its certificate; null for an unknown number. */
export async function getCompletionFiling(db: Db, filingNumber: string): Promise<CompletionFilingDetail | null> {
  // no number holds one, and PostgreSQL refuses to bind a NUL (database-text.ts)
  if (hasControlCharacter(filingNumber)) return null
  return createCompletionFilingsRepository(db).findCompletionFiling(filingNumber)
}
