// 从业人员信息变更 by staff. The person must be of the actor's regions now, and a new employer too.
// The ID number is not changed here (it is the person's key); an empty phone keeps the stored one.
// The body (updatePractitionerIn) is what the bulk import runs for a row that changes a person.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { practitionerEditSchema, type PractitionerEdit } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { personAuditFields } from './person-fields'
import { employerIdFor, personInRegion } from './practitioner-region-checks'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { createStaffPractitionersRepository, type PersonAuditRow } from './staff-practitioners-repository'

export async function updatePractitioner(db: Db, actor: Actor, personId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(practitionerEditSchema, input)
  await withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    await updatePractitionerIn(tx, actor, personId, form, now, audit)
    await appendAuditEntries(tx, audit)
  })
}

export interface UpdatePractitionerLookups extends PractitionerLookups {
  /** the person's audited fields and employer's id, as read in this transaction within the actor's regions */
  current?: PersonAuditRow & { employerId: string | null }
}

/**
 * Writes a parsed edit over a person of the actor's regions in `tx`, for an actor already
 * authorized: the region and employer checks, the write (the person's registrations follow a new
 * employer), and its audit entry pushed onto `audit`. Returns the row as written, with the
 * employer's id.
 */
export async function updatePractitionerIn(
  tx: Tx,
  actor: Actor,
  personId: string,
  form: PractitionerEdit,
  now: Date,
  audit: AuditEntryInput[],
  lookups: UpdatePractitionerLookups = {},
): Promise<PersonAuditRow & { employerId: string }> {
  const people = createStaffPractitionersRepository(tx)
  const current = lookups.current ?? (await personInRegion(people, actor, personId))
  const employerId = await employerIdFor(people, actor, form.employerUscc, lookups)
  const updated = await people.update(personId, { name: form.name, gender: form.gender, employerId, updatedAt: now, ...(form.phone !== undefined ? { phone: form.phone } : {}) })
  // the person's registrations that followed the old employer follow the new one
  if (current.employerId !== employerId) await people.moveRegistrations(personId, current.employerId, employerId)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'person.update',
    entity: 'Person',
    entityId: personId,
    changes: changedFields(personAuditFields(current), personAuditFields(updated)),
    at: now,
  })
  return { ...updated, employerId }
}
