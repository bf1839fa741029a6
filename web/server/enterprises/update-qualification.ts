// 资质信息变更 by staff; the qualification's region is its enterprise's. The body
// (updateQualificationIn) is what the bulk import runs for a row that changes a qualification.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { qualificationFormSchema, type QualificationForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertCertificateNumberFree } from './enterprise-unique-numbers'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { qualificationAuditFields, qualificationData } from './qualification-fields'
import { createStaffEnterprisesRepository, type QualificationAuditRow } from './staff-enterprises-repository'

export async function updateQualification(db: Db, actor: Actor, qualificationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(qualificationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    await updateQualificationIn(tx, actor, qualificationId, form, now, audit)
    await appendAuditEntries(tx, audit)
  })
}

export interface UpdateQualificationLookups extends EnterpriseLookups {
  /** the qualification's audited fields and its enterprise's USCC, as read in this transaction within the actor's regions */
  current?: QualificationAuditRow & { enterprise: { uscc: string } }
}

/**
 * Writes a parsed form over a qualification of the actor's regions in `tx`, for an actor already
 * authorized: the certificate number check, the write, and its audit entry (the fields that
 * changed) pushed onto `audit`. Returns the audited fields as written.
 */
export async function updateQualificationIn(
  tx: Tx,
  actor: Actor,
  qualificationId: string,
  form: QualificationForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: UpdateQualificationLookups = {},
): Promise<QualificationAuditRow> {
  const enterprises = createStaffEnterprisesRepository(tx)
  const current = lookups.current ?? (await enterprises.findQualificationInRegion(actor, qualificationId))
  if (!current) throw new NotFoundError('资质')
  await assertCertificateNumberFree(enterprises, form.certificateNumber, qualificationId, lookups)
  const updated = await enterprises.updateQualification(qualificationId, qualificationData(form))
  if (updated.certificateNumber !== current.certificateNumber) {
    lookups.certificateNumberHolders?.set(current.certificateNumber, null)
    lookups.certificateNumberHolders?.set(updated.certificateNumber, qualificationId)
  }
  const { enterprise, ...before } = current
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'qualification.update',
    entity: 'Qualification',
    entityId: qualificationId,
    changes: { enterprise: enterprise.uscc, ...changedFields(qualificationAuditFields(before), qualificationAuditFields(updated)) },
    at: now,
  })
  return updated
}
