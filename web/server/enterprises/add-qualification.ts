// 新增企业资质 by staff, for an enterprise of the actor's regions.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { qualificationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { parseStaffInput } from '@web/server/records/staff-input'
import { assertCertificateNumberFree } from './enterprise-unique-numbers'
import { qualificationAuditFields, qualificationData } from './qualification-fields'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function addQualification(db: Db, actor: Actor, enterpriseId: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(qualificationFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const enterprises = createStaffEnterprisesRepository(tx)
    const enterprise = await enterprises.findAuditFieldsInRegion(actor, enterpriseId)
    if (!enterprise) throw new NotFoundError('企业')
    await assertCertificateNumberFree(enterprises, form.certificateNumber)
    const { id, ...fields } = await enterprises.createQualification({ ...qualificationData(form), enterpriseId })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'qualification.create',
      entity: 'Qualification',
      entityId: id,
      changes: { enterprise: enterprise.uscc, before: null, after: qualificationAuditFields(fields) },
      at: now,
    })
    return { id }
  })
}
