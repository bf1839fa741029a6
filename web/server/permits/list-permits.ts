import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { PermitListQuery } from './permit-queries'
import { createPermitsRepository } from './permits-repository'
import type { PermitListItem } from './permits-schemas'

/** One page of the public permit list, newest first. */
export function listPermits(db: Db, query: PermitListQuery): Promise<Page<PermitListItem>> {
  return createPermitsRepository(db).listPermits(query)
}
