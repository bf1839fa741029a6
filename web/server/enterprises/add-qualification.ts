// 新增企业资质 by staff, for an enterprise of the actor's regions. The body (addQualificationIn) is
// what the bulk import runs for a row with a new certificate number.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { qualificationFormSchema, type QualificationForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { parseStaffInput } from '@web/server/records/staff-input'
import { assertCertificateNumberFree } from './enterprise-unique-numbers'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { qualificationAuditFields, qualificationData } from './qualification-fields'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function addQualification(db: Db, actor: Actor, enterpriseId: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(qualificationFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const { id } = await addQualificationIn(tx, actor, enterpriseId, form, now, audit)
    await appendAuditEntries(tx, audit)
    return { id }
  })
}

export interface AddQualificationLookups extends EnterpriseLookups {
  /** the enterprise's USCC as read in this transaction within the actor's regions */
  enterprise?: { uscc: string }
}

/**
 * Adds the qualification of a parsed form to an enterprise of the actor's regions in `tx`, for an
 * actor already authorized: the certificate number check, the write, and its audit entry pushed
 * onto `audit`. Returns the row as written.
 */
export async function addQualificationIn(
  tx: Tx,
  actor: Actor,
  enterpriseId: string,
  form: QualificationForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: AddQualificationLookups = {},
) {
  const enterprises = createStaffEnterprisesRepository(tx)
  const enterprise = lookups.enterprise ?? (await enterprises.findAuditFieldsInRegion(actor, enterpriseId))
  if (!enterprise) throw new NotFoundError('企业')
  await assertCertificateNumberFree(enterprises, form.certificateNumber, undefined, lookups)
  const created = await enterprises.createQualification({ ...qualificationData(form), enterpriseId })
  lookups.certificateNumberHolders?.set(created.certificateNumber, created.id)
  const { id, ...fields } = created
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'qualification.create',
    entity: 'Qualification',
    entityId: id,
    changes: { enterprise: enterprise.uscc, before: null, after: qualificationAuditFields(fields) },
    at: now,
  })
  return created
}
