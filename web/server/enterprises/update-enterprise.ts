// 企业信息变更 by staff. The enterprise must be of the actor's regions before the change (else it
// answers as not found) and after it (a region it moves to must be the actor's too).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { checkEnterpriseRegion } from './check-enterprise-region'
import { enterpriseAuditFields, enterpriseData } from './enterprise-fields'
import { assertUsccFree } from './enterprise-unique-numbers'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function updateEnterprise(db: Db, actor: Actor, enterpriseId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(enterpriseFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const enterprises = createStaffEnterprisesRepository(tx)
    const current = await enterprises.findAuditFieldsInRegion(actor, enterpriseId)
    if (!current) throw new NotFoundError('企业')
    const inProvince = await checkEnterpriseRegion(enterprises, actor, form.regionCode)
    await assertUsccFree(enterprises, form.uscc, enterpriseId)
    const updated = await enterprises.update(enterpriseId, { ...enterpriseData(form, inProvince), updatedAt: now })
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
