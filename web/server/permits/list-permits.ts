import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { PermitListQuery } from './permit-queries'
import { createPermitsRepository } from './permits-repository'
import type { PermitListItem } from './permits-schemas'

/** One page of the public permit list, newest first. */
export function listPermits(db: Db, query: PermitListQuery): Promise<KeysetPage<PermitListItem>> {
  return createPermitsRepository(db).listPermits(query)
}
