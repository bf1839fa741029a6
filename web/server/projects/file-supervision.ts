// 质量安全报监 (stage 3): the quality-and-safety supervision station takes the project on; needs
// the drawing review on record and is not dated before it. The filing number is the platform's
// JD{region}{year}{seq} (the seed's format).
import type { Db } from '@db/client'
import { fileSupervisionSchema, type FileSupervisionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

export async function fileSupervision(db: Db, actor: Actor, input: FileSupervisionInput, now = new Date()): Promise<{ id: string; filingNumber: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(fileSupervisionSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  return withAuditRetry(db, async (tx) => {
    const project = await projectInRegion(tx, actor, values.projectCode)
    assertStageAllowed(project, 'SUPERVISION_FILING', values.filedOn, 'filedOn')
    const stages = createProjectStagesRepository(tx)
    const filingNumber = await stages.nextYearlyNumber('JD', project.regionCode, Number(values.filedOn.slice(0, 4)))
    const filing = await stages.createSupervisionFiling({
      projectId: project.id,
      filingNumber,
      supervisionStation: values.supervisionStation,
      filedOn: storedDate(values.filedOn),
      authorityId,
    })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'supervision.file',
      entity: 'SupervisionFiling',
      entityId: filing.id,
      changes: { before: null, after: { filingNumber, ...values } },
      at: now,
    })
    return { id: filing.id, filingNumber }
  })
}
