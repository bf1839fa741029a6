import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'
import type { SubjectRecordsQuery } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'

/** The enterprise's integrity records public on the China date of `asOf`, newest decision first; null for an unknown USCC. */
export function listEnterpriseRecords(db: Db, uscc: string, query: SubjectRecordsQuery, asOf = new Date()): Promise<Page<IntegrityRecordItem> | null> {
  return createEnterprisesRepository(db).listEnterpriseRecords(uscc, query, asOf)
}
