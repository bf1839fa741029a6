// 从业人员登记 by staff, employed by an enterprise of the actor's regions.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { practitionerFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { personAuditFields } from './person-fields'
import { employerIdFor } from './practitioner-region-checks'
import { assertIdNumberFree } from './practitioner-unique-numbers'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function createPractitioner(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(practitionerFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const people = createStaffPractitionersRepository(tx)
    const employerId = await employerIdFor(people, actor, form.employerUscc)
    await assertIdNumberFree(people, form.idNumber)
    const { id, ...created } = await people.create({ name: form.name, idNumber: form.idNumber, gender: form.gender, phone: form.phone, employerId, createdAt: now, updatedAt: now })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'person.create',
      entity: 'Person',
      entityId: id,
      changes: { before: null, after: personAuditFields(created) },
      at: now,
    })
    return { id }
  })
}
