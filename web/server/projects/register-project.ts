// 项目登记: a project of the actor's region (any region for the province's officers) receives its
// unified project code ({region}{year}{month}{seq}, shared/validators/codes.ts), the next free
// sequence of its region and month, taken inside the transaction. The owner (建设单位) must be
// in the enterprise database. A historical project (bulk import) keeps the code it has.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { registerProjectSchema, type RegisterProjectInput, type RegisterProjectValues } from '@shared/staff-forms/projects'
import { actsFor, type Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { checkGivenProjectCode } from './historical-numbers'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { enterpriseByUscc, forgetProject, lookedUp, type ProjectWriteLookups } from './project-write-lookups'
import { inAuditedTransaction, parseInput } from './staff-project-access'

export async function registerProject(db: Db, actor: Actor, input: RegisterProjectInput, now = new Date()): Promise<{ projectCode: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(registerProjectSchema, input)
  return inAuditedTransaction(db, async (tx, audit) => {
    const { projectCode } = await registerProjectIn(tx, actor, values, {}, now, audit)
    return { projectCode }
  })
}

/**
 * Registers the project of parsed values in `tx` for an actor already authorized: the region and
 * owner checks, its code (the given one, checked and free, or the next), the write, and its audit
 * entry pushed onto `audit`.
 */
export async function registerProjectIn(
  tx: Tx,
  actor: Actor,
  values: RegisterProjectValues,
  history: { projectCode?: string },
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<{ id: string; projectCode: string }> {
  if (!actsFor(actor, values.regionCode)) throw new InputError({ regionCode: '只能登记本地区的项目' })
  const today = chinaDateOf(now)
  const stages = createProjectStagesRepository(tx)
  const owner = await enterpriseByUscc(stages, values.ownerUscc, lookups)
  if (!owner) throw new InputError({ ownerUscc: '企业库中没有该统一社会信用代码的企业，请先登记建设单位' })
  let projectCode: string
  if (history.projectCode === undefined) {
    projectCode = await stages.nextProjectCode(values.regionCode, Number(today.slice(0, 4)), Number(today.slice(5, 7)))
  } else {
    projectCode = checkGivenProjectCode(history.projectCode, values.regionCode, today)
    const code = projectCode
    if (await lookedUp(lookups.projects, code, () => stages.findProjectForWrite(code))) throw new InputError({ projectCode: '该项目编码已被使用' })
  }
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
  forgetProject(lookups, projectCode)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'project.register',
    entity: 'Project',
    entityId: project.id,
    changes: { before: null, after: { projectCode, ...values, registeredOn: today } },
    at: now,
  })
  return { id: project.id, projectCode }
}
