// 资质信息变更 by staff; the qualification's region is its enterprise's.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { qualificationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertCertificateNumberFree } from './enterprise-unique-numbers'
import { qualificationAuditFields, qualificationData } from './qualification-fields'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function updateQualification(db: Db, actor: Actor, qualificationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(qualificationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const enterprises = createStaffEnterprisesRepository(tx)
    const current = await enterprises.findQualificationInRegion(actor, qualificationId)
    if (!current) throw new NotFoundError('资质')
    await assertCertificateNumberFree(enterprises, form.certificateNumber, qualificationId)
    const updated = await enterprises.updateQualification(qualificationId, qualificationData(form))
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
