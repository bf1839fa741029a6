// 执业注册变更 by staff; the registration's region is its practitioner's (the employer's). The body
// (updateRegistrationIn) is what the bulk import runs for a row that changes a registration.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { registrationFormSchema, type RegistrationForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertRegistrationNumberFree } from './practitioner-unique-numbers'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { registrationAuditFields, registrationData } from './registration-fields'
import { createStaffPractitionersRepository, type RegistrationAuditRow } from './staff-practitioners-repository'

export async function updateRegistration(db: Db, actor: Actor, registrationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(registrationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    await updateRegistrationIn(tx, actor, registrationId, form, now, audit)
    await appendAuditEntries(tx, audit)
  })
}

export interface UpdateRegistrationLookups extends PractitionerLookups {
  /** the registration's audited fields and person, as read in this transaction within the actor's regions */
  current?: RegistrationAuditRow & { personId: string }
}

/**
 * Writes a parsed form over a registration of the actor's regions in `tx`, for an actor already
 * authorized: the number check, the write, and its audit entry (the fields that changed) pushed
 * onto `audit`. Returns the audited fields as written.
 */
export async function updateRegistrationIn(
  tx: Tx,
  actor: Actor,
  registrationId: string,
  form: RegistrationForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: UpdateRegistrationLookups = {},
): Promise<RegistrationAuditRow> {
  const people = createStaffPractitionersRepository(tx)
  const current = lookups.current ?? (await people.findRegistrationInRegion(actor, registrationId))
  if (!current) throw new NotFoundError('执业注册')
  await assertRegistrationNumberFree(people, form.number, registrationId, lookups)
  const updated = await people.updateRegistration(registrationId, registrationData(form))
  if (updated.number !== current.number) {
    lookups.registrationNumberHolders?.set(current.number, null)
    lookups.registrationNumberHolders?.set(updated.number, registrationId)
  }
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'registration.update',
    entity: 'Registration',
    entityId: registrationId,
    changes: { person: current.personId, ...changedFields(registrationAuditFields(current), registrationAuditFields(updated)) },
    at: now,
  })
  return updated
}
