// The import jobs of the actor's authority (the province's: all), newest first.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createImportJobsRepository, type ImportJobRow } from './import-jobs-repository'

export function listImportJobs(db: Db, actor: Actor, take = 50): Promise<ImportJobRow[]> {
  authorize(actor, 'data.import')
  return createImportJobsRepository(db).listForActor(actor, take)
}
