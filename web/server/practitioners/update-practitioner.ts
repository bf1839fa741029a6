// 从业人员信息变更 by staff. The person must be of the actor's regions now, and a new employer too.
// The ID number is not changed here (it is the person's key); an empty phone keeps the stored one.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { practitionerEditSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { personAuditFields } from './person-fields'
import { employerIdFor, personInRegion } from './practitioner-region-checks'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function updatePractitioner(db: Db, actor: Actor, personId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(practitionerEditSchema, input)
  await withAuditRetry(db, async (tx) => {
    const people = createStaffPractitionersRepository(tx)
    const current = await personInRegion(people, actor, personId)
    const employerId = await employerIdFor(people, actor, form.employerUscc)
    const updated = await people.update(personId, { name: form.name, gender: form.gender, employerId, updatedAt: now, ...(form.phone !== undefined ? { phone: form.phone } : {}) })
    // the person's registrations that followed the old employer follow the new one
    if (current.employerId !== employerId) await people.moveRegistrations(personId, current.employerId, employerId)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'person.update',
      entity: 'Person',
      entityId: personId,
      changes: changedFields(personAuditFields(current), personAuditFields(updated)),
      at: now,
    })
  })
}
