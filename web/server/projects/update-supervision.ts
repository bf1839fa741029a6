// Editing a 质量安全报监 record: allowed while the project's permit certificate does not exist
// (afterwards the change is a re-issue with a reason, see change-project-certificate.ts); before
// and after in the audit entry.
import type { Db } from '@db/client'
import { updateSupervisionSchema, type UpdateSupervisionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { editableProject, parseInput } from './staff-project-access'

export async function updateSupervision(db: Db, actor: Actor, input: UpdateSupervisionInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateSupervisionSchema, input)
  await withAuditRetry(db, async (tx) => {
    const stages = createProjectStagesRepository(tx)
    await editableProject(tx, actor, { supervisionFilingId: id })
    const before = await stages.findSupervisionFiling(id)
    await stages.updateSupervisionFiling(id, { supervisionStation: values.supervisionStation, filedOn: storedDate(values.filedOn) })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'supervision.update',
      entity: 'SupervisionFiling',
      entityId: id,
      changes: { before: { ...before, filedOn: isoDate(before.filedOn) }, after: values },
      at: now,
    })
  })
}
