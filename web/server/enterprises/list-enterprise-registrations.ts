import type { Db } from '@db/client'
import type { Page, Pagination } from '@web/server/lib/pagination'
import { createEnterprisesRepository } from './enterprises-repository'
import type { EnterpriseRegistrationItem } from './enterprises-schemas'

/** The practice registrations held at the enterprise (注册人员), by holder name; null for an unknown USCC. */
export function listEnterpriseRegistrations(db: Db, uscc: string, query: Pagination, asOf = new Date()): Promise<Page<EnterpriseRegistrationItem> | null> {
  return createEnterprisesRepository(db).listEnterpriseRegistrations(uscc, query, asOf)
}
