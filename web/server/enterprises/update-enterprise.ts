// 企业信息变更 by staff. The enterprise must be of the actor's regions before the change (else it
// answers as not found) and after it (a region it moves to must be the actor's too). The body
// (updateEnterpriseIn) is what the bulk import runs for a row that changes an enterprise.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseFormSchema, type EnterpriseForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { checkEnterpriseRegion } from './check-enterprise-region'
import { enterpriseAuditFields, enterpriseData } from './enterprise-fields'
import { assertUsccFree } from './enterprise-unique-numbers'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { createStaffEnterprisesRepository, type EnterpriseAuditRow } from './staff-enterprises-repository'

export async function updateEnterprise(db: Db, actor: Actor, enterpriseId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(enterpriseFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    await updateEnterpriseIn(tx, actor, enterpriseId, form, now, audit)
    await appendAuditEntries(tx, audit)
  })
}

export interface UpdateEnterpriseLookups extends EnterpriseLookups {
  /** the enterprise's audited fields as read in this transaction within the actor's regions */
  current?: EnterpriseAuditRow
}

/**
 * Writes a parsed form over an enterprise of the actor's regions in `tx`, for an actor already
 * authorized: the region and USCC checks, the write, and its audit entry (the fields that changed)
 * pushed onto `audit`. Returns the audited fields as written.
 */
export async function updateEnterpriseIn(
  tx: Tx,
  actor: Actor,
  enterpriseId: string,
  form: EnterpriseForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: UpdateEnterpriseLookups = {},
): Promise<EnterpriseAuditRow> {
  const enterprises = createStaffEnterprisesRepository(tx)
  const current = lookups.current ?? (await enterprises.findAuditFieldsInRegion(actor, enterpriseId))
  if (!current) throw new NotFoundError('企业')
  const inProvince = await checkEnterpriseRegion(enterprises, actor, form.regionCode, lookups)
  await assertUsccFree(enterprises, form.uscc, enterpriseId, lookups)
  const updated = await enterprises.update(enterpriseId, { ...enterpriseData(form, inProvince), updatedAt: now })
  if (updated.uscc !== current.uscc) {
    lookups.usccHolders?.set(current.uscc, null)
    lookups.usccHolders?.set(updated.uscc, enterpriseId)
  }
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'enterprise.update',
    entity: 'Enterprise',
    entityId: enterpriseId,
    changes: changedFields(enterpriseAuditFields(current), enterpriseAuditFields(updated)),
    at: now,
  })
  return updated
}
