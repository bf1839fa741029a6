// 新增执业注册 by staff, registered with the practitioner's employer. The body (addRegistrationIn)
// is what the bulk import runs for a row with a new registration number.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { registrationFormSchema, type RegistrationForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { personInRegion } from './practitioner-region-checks'
import { assertRegistrationNumberFree } from './practitioner-unique-numbers'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { registrationAuditFields, registrationData } from './registration-fields'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function addRegistration(db: Db, actor: Actor, personId: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(registrationFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const { id } = await addRegistrationIn(tx, actor, personId, form, now, audit)
    await appendAuditEntries(tx, audit)
    return { id }
  })
}

export interface AddRegistrationLookups extends PractitionerLookups {
  /** the person's employer, as read in this transaction within the actor's regions */
  person?: { employerId: string | null }
}

/**
 * Adds the registration of a parsed form to a person of the actor's regions in `tx`, for an actor
 * already authorized: the number check, the write (with the person's employer), and its audit
 * entry pushed onto `audit`. Returns the row as written.
 */
export async function addRegistrationIn(
  tx: Tx,
  actor: Actor,
  personId: string,
  form: RegistrationForm,
  now: Date,
  audit: AuditEntryInput[],
  lookups: AddRegistrationLookups = {},
) {
  const people = createStaffPractitionersRepository(tx)
  const person = lookups.person ?? (await personInRegion(people, actor, personId))
  await assertRegistrationNumberFree(people, form.number, undefined, lookups)
  const created = await people.createRegistration({ ...registrationData(form), personId, employerId: person.employerId })
  lookups.registrationNumberHolders?.set(created.number, created.id)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'registration.create',
    entity: 'Registration',
    entityId: created.id,
    changes: { person: personId, before: null, after: registrationAuditFields(created) },
    at: now,
  })
  return created
}
