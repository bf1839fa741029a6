// 企业登记 by staff: the enterprise and its audit entry in one transaction.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { checkEnterpriseRegion } from './check-enterprise-region'
import { enterpriseAuditFields, enterpriseData } from './enterprise-fields'
import { assertUsccFree } from './enterprise-unique-numbers'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function createEnterprise(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; uscc: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(enterpriseFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const enterprises = createStaffEnterprisesRepository(tx)
    const inProvince = await checkEnterpriseRegion(enterprises, actor, form.regionCode)
    await assertUsccFree(enterprises, form.uscc)
    const created = await enterprises.create({ ...enterpriseData(form, inProvince), createdAt: now, updatedAt: now })
    const { id, ...fields } = created
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'enterprise.create',
      entity: 'Enterprise',
      entityId: id,
      changes: { before: null, after: enterpriseAuditFields(fields) },
      at: now,
    })
    return { id, uscc: created.uscc }
  })
}
