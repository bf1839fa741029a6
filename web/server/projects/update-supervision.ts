// Editing a 质量安全报监 record: allowed while the project's permit certificate does not exist
// (afterwards the change is a re-issue with a reason, see change-project-certificate.ts); before
// and after in the audit entry.
import type { Db } from '@db/client'
import { updateSupervisionSchema, type UpdateSupervisionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import type { FileSupervisionValues } from './file-supervision'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { forgetProject, type ProjectWriteLookups } from './project-write-lookups'
import { editableProject, inAuditedTransaction, parseInput } from './staff-project-access'

export type SupervisionChange = Omit<FileSupervisionValues, 'projectCode'>

export async function updateSupervision(db: Db, actor: Actor, input: UpdateSupervisionInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateSupervisionSchema, input)
  await inAuditedTransaction(db, (tx, audit) => updateSupervisionIn(tx, actor, id, values, now, audit))
}

/**
 * Changes the supervision filing `id` to parsed values in `tx` for an actor already authorized:
 * its project in the actor's regions and still editable, the write, and the audit entry pushed
 * onto `audit`.
 */
export async function updateSupervisionIn(
  tx: Tx,
  actor: Actor,
  id: string,
  values: SupervisionChange,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<void> {
  const stages = createProjectStagesRepository(tx)
  const project = await editableProject(tx, actor, { supervisionFilingId: id }, lookups)
  const before = await stages.findSupervisionFiling(id)
  await stages.updateSupervisionFiling(id, { supervisionStation: values.supervisionStation, filedOn: storedDate(values.filedOn) })
  forgetProject(lookups, project.projectCode)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'supervision.update',
    entity: 'SupervisionFiling',
    entityId: id,
    changes: { before: { ...before, filedOn: isoDate(before.filedOn) }, after: values },
    at: now,
  })
}
