// 资质信息变更 by staff; the qualification's region is its enterprise's.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { qualificationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertCertificateNumberFree, qualificationAuditFields, qualificationData } from './enterprise-changes'

const fields = { category: true, grade: true, certificateNumber: true, issuedBy: true, issuedOn: true, validUntil: true } as const

export async function updateQualification(db: Db, actor: Actor, qualificationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(qualificationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const current = await tx.qualification.findUnique({
      where: { id: qualificationId },
      select: { ...fields, enterprise: { select: { regionCode: true, uscc: true } } },
    })
    if (!current) throw new NotFoundError('资质')
    assertRegion(actor, current.enterprise.regionCode, '资质')
    await assertCertificateNumberFree(tx, form.certificateNumber, qualificationId)
    const updated = await tx.qualification.update({ where: { id: qualificationId }, data: qualificationData(form), select: fields })
    const { enterprise, ...before } = current
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'qualification.update',
      entity: 'Qualification',
      entityId: qualificationId,
      changes: { enterprise: enterprise.uscc, ...changedFields(qualificationAuditFields(before), qualificationAuditFields(updated)) },
      at: now,
    })
  })
}
