// 新增执业注册 by staff, registered with the practitioner's employer.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { registrationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { parseStaffInput } from '@web/server/records/staff-input'
import { personInRegion } from './practitioner-region-checks'
import { assertRegistrationNumberFree } from './practitioner-unique-numbers'
import { registrationAuditFields, registrationData } from './registration-fields'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function addRegistration(db: Db, actor: Actor, personId: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(registrationFormSchema, input)
  return withAuditRetry(db, async (tx) => {
    const people = createStaffPractitionersRepository(tx)
    const person = await personInRegion(people, actor, personId)
    await assertRegistrationNumberFree(people, form.number)
    const created = await people.createRegistration({ ...registrationData(form), personId, employerId: person.employerId })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'registration.create',
      entity: 'Registration',
      entityId: created.id,
      changes: { person: personId, before: null, after: registrationAuditFields(created) },
      at: now,
    })
    return { id: created.id }
  })
}
