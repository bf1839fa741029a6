// The auditor's filter choices: the actions and entity types present in the log ('audit.read').
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createAuditEntriesRepository } from './audit-entries-repository'

export async function listAuditFilterChoices(db: Db, actor: Actor): Promise<{ actions: string[]; entities: string[] }> {
  authorize(actor, 'audit.read')
  return createAuditEntriesRepository(db).filterChoices()
}
