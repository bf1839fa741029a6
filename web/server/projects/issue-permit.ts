// 施工许可 (stage 4): refused until 合同备案, 施工图审查 and 质量安全报监 are on record, and while the
// project holds an ACTIVE permit. The contractor and supervisor are the project's participants in
// those roles (from its contract filings); the 项目经理 and 总监理工程师 hold a practising
// registration with that very enterprise, valid today. The permit number is the national 18-digit
// layout (next free sequence of the region and day); its certificate is issued and signed in the
// same transaction, with the audit entry.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { issuePermitSchema, type IssuePermitInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { issueCertificate } from '@web/server/certificates/issue-certificate'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { ensureKeyPerson, findEnterpriseByUscc, findRegistration, nextDatedNumber, storedDate, type ProjectForWrite } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

const MANAGER_REGISTRATIONS = ['CONSTRUCTOR_1', 'CONSTRUCTOR_2'] as const
const CHIEF_SUPERVISOR_REGISTRATIONS = ['SUPERVISION_ENGINEER'] as const

/** The project's participant in `role` with this USCC, or an InputError on `field`. */
async function participant(tx: Tx, project: ProjectForWrite, uscc: string, role: 'CONTRACTOR' | 'SUPERVISOR', field: string) {
  const label = role === 'CONTRACTOR' ? '施工' : '监理'
  const enterprise = await findEnterpriseByUscc(tx, uscc)
  if (!enterprise) throw new InputError({ [field]: '企业库中没有该统一社会信用代码的企业' })
  if (!project.participants.some((p) => p.role === role && p.enterpriseId === enterprise.id)) {
    throw new InputError({ [field]: `${enterprise.name}不是本项目已备案${label}合同的${label}单位` })
  }
  return enterprise
}

async function registeredPerson(tx: Tx, personId: string, enterprise: { id: string; name: string }, types: readonly string[], on: Date, field: string, label: string) {
  const registration = await findRegistration(tx, personId, enterprise.id, types, on)
  if (!registration) throw new InputError({ [field]: `所选${label}没有注册在${enterprise.name}的有效执业注册，请从该企业的注册人员中选择` })
  return registration
}

export async function issuePermit(db: Db, actor: Actor, keyRing: KeyRing, input: IssuePermitInput, now = new Date()): Promise<{ id: string; permitNumber: string; serial: string }> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const values = parseInput(issuePermitSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  const today = chinaDateOf(now)
  const on = storedDate(today)
  return withAuditRetry(db, async (tx) => {
    const project = await projectInRegion(tx, actor, values.projectCode)
    const active = project.permits.find((p) => p.status === 'ACTIVE')
    if (active) throw new ConflictError(`项目 ${project.projectCode} 已有有效的施工许可证 ${active.permitNumber}，不能重复核发；如需更正请换发或先撤销`)
    assertStageAllowed(project, 'CONSTRUCTION_PERMIT', today, 'issuedOn')

    const contractor = await participant(tx, project, values.contractorUscc, 'CONTRACTOR', 'contractorUscc')
    const supervisor = values.supervisorUscc ? await participant(tx, project, values.supervisorUscc, 'SUPERVISOR', 'supervisorUscc') : null
    const manager = await registeredPerson(tx, values.projectManagerId, contractor, MANAGER_REGISTRATIONS, on, 'projectManagerId', '项目经理')
    const chief =
      supervisor && values.chiefSupervisorId
        ? await registeredPerson(tx, values.chiefSupervisorId, supervisor, CHIEF_SUPERVISOR_REGISTRATIONS, on, 'chiefSupervisorId', '总监理工程师')
        : null

    const permitNumber = await nextDatedNumber(tx, 'CONSTRUCTION_PERMIT', project.regionCode, today, project.category)
    const permit = await tx.constructionPermit.create({
      data: {
        projectId: project.id,
        permitNumber,
        regionCode: project.regionCode,
        authorityId,
        issuedOn: on,
        scale: values.scale,
        floorArea: values.floorArea ?? null,
        contractPrice: values.contractPrice.toFixed(2),
        plannedStartOn: storedDate(values.plannedStartOn),
        plannedEndOn: storedDate(values.plannedEndOn),
        contractorId: contractor.id,
        supervisorId: supervisor?.id ?? null,
        projectManagerId: manager.person.id,
        chiefSupervisorId: chief?.person.id ?? null,
      },
      select: { id: true },
    })
    await ensureKeyPerson(tx, project.id, manager.person.id, 'PROJECT_MANAGER')
    if (chief) await ensureKeyPerson(tx, project.id, chief.person.id, 'CHIEF_SUPERVISOR')
    const certificate = await issueCertificate(tx, keyRing, {
      type: 'CONSTRUCTION_PERMIT',
      link: { permitId: permit.id },
      regionCode: project.regionCode,
      projectCode: project.projectCode,
      holderUscc: project.owner.uscc,
      issuedOn: today,
    })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'permit.issue',
      entity: 'ConstructionPermit',
      entityId: permit.id,
      changes: {
        before: null,
        after: {
          permitNumber,
          issuedOn: today,
          ...values,
          projectManager: manager.number,
          chiefSupervisor: chief?.number ?? null,
          certificate: { serial: certificate.serial, keyId: certificate.keyId },
        },
      },
      at: now,
    })
    return { id: permit.id, permitNumber, serial: certificate.serial }
  })
}
