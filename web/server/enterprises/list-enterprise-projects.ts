import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { EnterpriseProjectsQuery } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'
import type { TrackRecordItem } from './enterprises-schemas'

/** The track record (业绩): the enterprise's roles on platform projects, latest first; null for an unknown USCC. */
export function listEnterpriseProjects(db: Db, uscc: string, query: EnterpriseProjectsQuery): Promise<Page<TrackRecordItem> | null> {
  return createEnterprisesRepository(db).listEnterpriseProjects(uscc, query)
}
