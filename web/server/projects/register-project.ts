// 项目登记: a project of the actor's region (any region for the province's officers) receives its
// unified project code ({region}{year}{month}{seq}, shared/validators/codes.ts), the next free
// sequence of its region and month, taken inside the transaction. The owner (建设单位) must be
// in the enterprise database.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { registerProjectSchema, type RegisterProjectInput } from '@shared/staff-forms/projects'
import { actsFor, type Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { parseInput } from './staff-project-access'

export async function registerProject(db: Db, actor: Actor, input: RegisterProjectInput, now = new Date()): Promise<{ projectCode: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(registerProjectSchema, input)
  if (!actsFor(actor, values.regionCode)) throw new InputError({ regionCode: '只能登记本地区的项目' })
  const today = chinaDateOf(now)
  return withAuditRetry(db, async (tx) => {
    const stages = createProjectStagesRepository(tx)
    const owner = await stages.findEnterpriseByUscc(values.ownerUscc)
    if (!owner) throw new InputError({ ownerUscc: '企业库中没有该统一社会信用代码的企业，请先登记建设单位' })
    const projectCode = await stages.nextProjectCode(values.regionCode, Number(today.slice(0, 4)), Number(today.slice(5, 7)))
    const project = await stages.createProject({
      projectCode,
      name: values.name,
      address: values.address,
      regionCode: values.regionCode,
      category: values.category,
      floorArea: values.floorArea ?? null,
      investment: values.investment.toFixed(2),
      ownerId: owner.id,
      registeredOn: storedDate(today),
    })
    await stages.ensureParticipant(project.id, owner.id, 'OWNER')
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'project.register',
      entity: 'Project',
      entityId: project.id,
      changes: { before: null, after: { projectCode, ...values, registeredOn: today } },
      at: now,
    })
    return { projectCode }
  })
}
