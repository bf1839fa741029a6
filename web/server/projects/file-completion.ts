// 竣工验收备案 (stage 5): refused before an ACTIVE permit and while an ACTIVE completion filing
// exists; the filing number is 'JB' + the permit layout with the filing day; its certificate is
// issued and signed in the same transaction, with the audit entry.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { fileCompletionSchema, type FileCompletionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { issueCertificate } from '@web/server/certificates/issue-certificate'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import { assertAcceptedAfterPermit, assertAcceptedBy, completionColumns } from './completion-content'
import { storedDate } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

export async function fileCompletion(db: Db, actor: Actor, keyRing: KeyRing, input: FileCompletionInput, now = new Date()): Promise<{ id: string; filingNumber: string; serial: string }> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const values = parseInput(fileCompletionSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  const today = chinaDateOf(now)
  assertAcceptedBy(values.acceptedOn, today)
  return withAuditRetry(db, async (tx) => {
    const certified = createCertifiedStagesRepository(tx)
    const project = await projectInRegion(tx, actor, values.projectCode)
    if (!project.permits.some((p) => p.status === 'ACTIVE')) {
      throw new ConflictError(`项目 ${project.projectCode} 没有有效的施工许可证，不能办理竣工验收备案`)
    }
    const filed = project.completionFilings.find((c) => c.status === 'ACTIVE')
    if (filed) throw new ConflictError(`项目 ${project.projectCode} 已办理竣工验收备案 ${filed.filingNumber}，不能重复备案`)
    assertStageAllowed(project, 'COMPLETION_FILING', today, 'filedOn')
    assertAcceptedAfterPermit(project, values.acceptedOn)

    const filingNumber = await certified.nextDatedNumber('COMPLETION_FILING', project.regionCode, today, project.category)
    const filing = await certified.createCompletionFiling({
      projectId: project.id,
      filingNumber,
      regionCode: project.regionCode,
      authorityId,
      filedOn: storedDate(today),
      ...completionColumns(values),
    })
    const certificate = await issueCertificate(tx, keyRing, {
      type: 'COMPLETION_FILING',
      link: { completionFilingId: filing.id },
      regionCode: project.regionCode,
      projectCode: project.projectCode,
      holderUscc: project.owner.uscc,
      issuedOn: today,
    })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'completion.file',
      entity: 'CompletionFiling',
      entityId: filing.id,
      changes: { before: null, after: { filingNumber, filedOn: today, ...values, certificate: { serial: certificate.serial, keyId: certificate.keyId } } },
      at: now,
    })
    return { id: filing.id, filingNumber, serial: certificate.serial }
  })
}
