import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import { createBlacklistRepository } from './blacklist-repository'
import type { BlacklistListQuery } from './credit-queries'
import type { BlacklistEntry } from './credit-schemas'

/** One page of the blacklist in force on the China calendar day of `asOf`, latest listing first. */
export function listBlacklist(db: Db, query: BlacklistListQuery, asOf: Date = new Date()): Promise<KeysetPage<BlacklistEntry>> {
  return createBlacklistRepository(db).listBlacklist(query, chinaDateOf(asOf))
}
