// 从业人员登记 by staff, employed by an enterprise of the actor's regions. The body
// (createPractitionerIn) is what the bulk import runs for a row with a new ID number.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { practitionerFormSchema, type PractitionerForm } from '@shared/staff-forms/subjects'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { personAuditFields } from './person-fields'
import { employerIdFor } from './practitioner-region-checks'
import { assertIdNumberFree } from './practitioner-unique-numbers'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function createPractitioner(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(practitionerFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const { id } = await createPractitionerIn(tx, actor, form, now, audit)
    await appendAuditEntries(tx, audit)
    return { id }
  })
}

/**
 * Registers the practitioner of a parsed form in `tx` for an actor already authorized: the
 * employer and ID number checks, the write, and its audit entry pushed onto `audit`. Returns the
 * row as written, with the employer's id.
 */
export async function createPractitionerIn(tx: Tx, actor: Actor, form: PractitionerForm, now: Date, audit: AuditEntryInput[], lookups: PractitionerLookups = {}) {
  const people = createStaffPractitionersRepository(tx)
  const employerId = await employerIdFor(people, actor, form.employerUscc, lookups)
  await assertIdNumberFree(people, form.idNumber, lookups)
  const { id, ...created } = await people.create({ name: form.name, idNumber: form.idNumber, gender: form.gender, phone: form.phone, employerId, createdAt: now, updatedAt: now })
  lookups.idNumberHolders?.set(created.idNumber, id)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'person.create',
    entity: 'Person',
    entityId: id,
    changes: { before: null, after: personAuditFields(created) },
    at: now,
  })
  return { id, ...created, employerId }
}
