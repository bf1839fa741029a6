// 企业信息变更 by staff. The enterprise must be of the actor's regions before the change (else it
// answers as not found) and after it (a region it moves to must be the actor's too).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertUsccFree, checkEnterpriseRegion, enterpriseAuditFields, enterpriseAuditSelect, enterpriseData } from './enterprise-changes'

export async function updateEnterprise(db: Db, actor: Actor, enterpriseId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(enterpriseFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const current = await tx.enterprise.findUnique({ where: { id: enterpriseId }, select: enterpriseAuditSelect })
    if (!current) throw new NotFoundError('企业')
    assertRegion(actor, current.regionCode, '企业')
    const inProvince = await checkEnterpriseRegion(tx, actor, form.regionCode)
    await assertUsccFree(tx, form.uscc, enterpriseId)
    const updated = await tx.enterprise.update({
      where: { id: enterpriseId },
      data: { ...enterpriseData(form, inProvince), updatedAt: now },
      select: enterpriseAuditSelect,
    })
    const change = changedFields(enterpriseAuditFields(current), enterpriseAuditFields(updated))
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'enterprise.update',
      entity: 'Enterprise',
      entityId: enterpriseId,
      changes: change,
      at: now,
    })
  })
}
