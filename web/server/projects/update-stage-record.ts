// Editing a 合同备案, 施工图审查 or 质量安全报监 record: allowed while the project's permit
// certificate does not exist (afterwards the change is a re-issue with a reason, see
// change-project-certificate.ts). The same checks as on filing, before and after in the audit entry.
import type { Db } from '@db/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import {
  CONTRACT_PARTY_LABELS,
  updateContractSchema,
  updateDrawingReviewSchema,
  updateSupervisionSchema,
  type UpdateContractInput,
  type UpdateDrawingReviewInput,
  type UpdateSupervisionInput,
} from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { ensureParticipant, findEnterpriseByUscc, findProjectIdentity, storedDate, type ProjectForWrite } from './project-stages-repository'
import { assertEarlierStageEditable } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

async function editableProject(tx: Tx, actor: Actor, where: Parameters<typeof findProjectIdentity>[1]): Promise<ProjectForWrite> {
  const identity = await findProjectIdentity(tx, where)
  if (!identity) throw new NotFoundError('办理记录')
  const project = await projectInRegion(tx, actor, identity.projectCode)
  assertEarlierStageEditable(project)
  return project
}

export async function updateContract(db: Db, actor: Actor, input: UpdateContractInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateContractSchema, input)
  await withAuditRetry(db, async (tx) => {
    const project = await editableProject(tx, actor, { contractFilingId: id })
    const party = await findEnterpriseByUscc(tx, values.partyUscc)
    if (!party) throw new InputError({ partyUscc: '企业库中没有该统一社会信用代码的企业' })
    if (party.type !== values.partyRole) {
      throw new InputError({ partyUscc: `该企业是${ENTERPRISE_TYPE_LABELS[party.type]}，不是${CONTRACT_PARTY_LABELS[values.partyRole]}单位` })
    }
    const before = await tx.contractFiling.findUniqueOrThrow({ where: { id }, select: { partyRole: true, partyId: true, contractPrice: true, signedOn: true, filedOn: true } })
    await tx.contractFiling.update({
      where: { id },
      data: { partyRole: values.partyRole, partyId: party.id, contractPrice: values.contractPrice.toFixed(2), signedOn: storedDate(values.signedOn), filedOn: storedDate(values.filedOn) },
    })
    if (before.partyId !== party.id || before.partyRole !== values.partyRole) {
      // the old party stays a participant only while another active contract of that role names it
      const still = await tx.contractFiling.count({ where: { projectId: project.id, partyId: before.partyId, partyRole: before.partyRole, status: 'ACTIVE' } })
      if (still === 0) await tx.projectParticipant.deleteMany({ where: { projectId: project.id, enterpriseId: before.partyId, role: before.partyRole } })
      await ensureParticipant(tx, project.id, party.id, values.partyRole)
    }
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'contract.update',
      entity: 'ContractFiling',
      entityId: id,
      changes: {
        before: { ...before, contractPrice: before.contractPrice.toString(), signedOn: isoDate(before.signedOn), filedOn: isoDate(before.filedOn) },
        after: { ...values, partyId: party.id },
      },
      at: now,
    })
  })
}

export async function updateDrawingReview(db: Db, actor: Actor, input: UpdateDrawingReviewInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateDrawingReviewSchema, input)
  await withAuditRetry(db, async (tx) => {
    await editableProject(tx, actor, { drawingReviewId: id })
    const clash = await tx.drawingReview.findUnique({ where: { certificateNumber: values.certificateNumber }, select: { id: true } })
    if (clash && clash.id !== id) throw new InputError({ certificateNumber: '该审查合格书编号已登记' })
    const before = await tx.drawingReview.findUniqueOrThrow({ where: { id }, select: { reviewAgency: true, result: true, issueCount: true, certificateNumber: true, passedOn: true } })
    await tx.drawingReview.update({ where: { id }, data: { ...values, passedOn: storedDate(values.passedOn) } })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'drawing-review.update',
      entity: 'DrawingReview',
      entityId: id,
      changes: { before: { ...before, passedOn: isoDate(before.passedOn) }, after: values },
      at: now,
    })
  })
}

export async function updateSupervision(db: Db, actor: Actor, input: UpdateSupervisionInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateSupervisionSchema, input)
  await withAuditRetry(db, async (tx) => {
    await editableProject(tx, actor, { supervisionFilingId: id })
    const before = await tx.supervisionFiling.findUniqueOrThrow({ where: { id }, select: { supervisionStation: true, filedOn: true } })
    await tx.supervisionFiling.update({ where: { id }, data: { supervisionStation: values.supervisionStation, filedOn: storedDate(values.filedOn) } })
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
