import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'
import type { SubjectRecordsQuery } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'

/** The practitioner's integrity records public on the China date of `asOf`, newest decision first; null for an unknown id. */
export function listPractitionerRecords(db: Db, id: string, query: SubjectRecordsQuery, asOf = new Date()): Promise<Page<IntegrityRecordItem> | null> {
  return createPractitionersRepository(db).listPractitionerRecords(id, query, asOf)
}
