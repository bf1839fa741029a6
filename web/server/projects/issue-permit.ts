// 施工许可 (stage 4): refused until 合同备案, 施工图审查 and 质量安全报监 are on record, and while the
// project holds an ACTIVE permit. Whom it names is checked in permit-content.ts (participants of
// the project; 项目经理 and 总监理工程师 registered with that enterprise, valid today). The permit
// number is the national 18-digit layout (next free sequence of the region and day); its
// certificate is issued and signed in the same transaction, with the audit entry.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { issuePermitSchema, type IssuePermitInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { issueCertificate } from '@web/server/certificates/issue-certificate'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import { checkPermitParties, permitColumns } from './permit-content'
import { storedDate } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

export async function issuePermit(db: Db, actor: Actor, keyRing: KeyRing, input: IssuePermitInput, now = new Date()): Promise<{ id: string; permitNumber: string; serial: string }> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const values = parseInput(issuePermitSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  const today = chinaDateOf(now)
  const on = storedDate(today)
  return withAuditRetry(db, async (tx) => {
    const certified = createCertifiedStagesRepository(tx)
    const project = await projectInRegion(tx, actor, values.projectCode)
    const active = project.permits.find((p) => p.status === 'ACTIVE')
    if (active) throw new ConflictError(`项目 ${project.projectCode} 已有有效的施工许可证 ${active.permitNumber}，不能重复核发；如需更正请换发或先撤销`)
    assertStageAllowed(project, 'CONSTRUCTION_PERMIT', today, 'issuedOn')

    const parties = await checkPermitParties(tx, project, values, on)
    const permitNumber = await certified.nextDatedNumber('CONSTRUCTION_PERMIT', project.regionCode, today, project.category)
    const permit = await certified.createPermit({
      projectId: project.id,
      permitNumber,
      regionCode: project.regionCode,
      authorityId,
      issuedOn: on,
      ...permitColumns(values, parties),
    })
    await certified.ensureKeyPerson(project.id, parties.manager.person.id, 'PROJECT_MANAGER')
    if (parties.chief) await certified.ensureKeyPerson(project.id, parties.chief.person.id, 'CHIEF_SUPERVISOR')
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
          projectManager: parties.manager.number,
          chiefSupervisor: parties.chief?.number ?? null,
          certificate: { serial: certificate.serial, keyId: certificate.keyId },
        },
      },
      at: now,
    })
    return { id: permit.id, permitNumber, serial: certificate.serial }
  })
}
