import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { createBlacklistRepository } from './blacklist-repository'
import type { BlacklistFilters } from './credit-queries'
import type { BlacklistEntry } from './credit-schemas'

/** The whole filtered blacklist in force on the China day of `asOf`, in the list's order, in keyset batches. */
export function exportBlacklist(db: Db, filters: BlacklistFilters, asOf: Date = new Date(), batchSize?: number): AsyncGenerator<BlacklistEntry[]> {
  return createBlacklistRepository(db).exportBlacklist(filters, chinaDateOf(asOf), batchSize)
}
