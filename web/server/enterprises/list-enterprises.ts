import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { EnterpriseListQuery } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'
import type { EnterpriseListItem } from './enterprises-schemas'

/** One page of the enterprise list (企业库), by name, then id. */
export function listEnterprises(db: Db, query: EnterpriseListQuery): Promise<KeysetPage<EnterpriseListItem>> {
  return createEnterprisesRepository(db).listEnterprises(query)
}
