// 企业登记 by staff: the enterprise and its audit entry in one transaction. The body
// (createEnterpriseIn) is what the bulk import runs per row, in the import's transaction.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseFormSchema, type EnterpriseForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { checkEnterpriseRegion } from './check-enterprise-region'
import { enterpriseAuditFields, enterpriseData } from './enterprise-fields'
import { assertUsccFree } from './enterprise-unique-numbers'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { createStaffEnterprisesRepository, type StaffEnterprisesRepository } from './staff-enterprises-repository'

export async function createEnterprise(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; uscc: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(enterpriseFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const { id, uscc } = await createEnterpriseIn(tx, actor, form, now, audit)
    await appendAuditEntries(tx, audit)
    return { id, uscc }
  })
}

/**
 * Registers the enterprise of a parsed form in `tx` for an actor already authorized: the region
 * and USCC checks, the write, and its audit entry pushed onto `audit`. Returns the row as written.
 * A bulk import passes its own repository, which defers the write to one INSERT per batch.
 */
export async function createEnterpriseIn(
  tx: Tx,
  actor: Actor,
  form: EnterpriseForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: EnterpriseLookups = {},
  enterprises: StaffEnterprisesRepository = createStaffEnterprisesRepository(tx),
) {
  const inProvince = await checkEnterpriseRegion(enterprises, actor, form.regionCode, lookups)
  await assertUsccFree(enterprises, form.uscc, undefined, lookups)
  const created = await enterprises.create({ ...enterpriseData(form, inProvince), createdAt: now, updatedAt: now })
  lookups.usccHolders?.set(created.uscc, created.id)
  const { id, ...fields } = created
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'enterprise.create',
    entity: 'Enterprise',
    entityId: id,
    changes: { before: null, after: enterpriseAuditFields(fields) },
    at: now,
  })
  return created
}
