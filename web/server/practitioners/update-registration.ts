// 执业注册变更 by staff; the registration's region is its practitioner's (the employer's).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { registrationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertRegistrationNumberFree } from './practitioner-unique-numbers'
import { registrationAuditFields, registrationData } from './registration-fields'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function updateRegistration(db: Db, actor: Actor, registrationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(registrationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const people = createStaffPractitionersRepository(tx)
    const current = await people.findRegistrationInRegion(actor, registrationId)
    if (!current) throw new NotFoundError('执业注册')
    await assertRegistrationNumberFree(people, form.number, registrationId)
    const updated = await people.updateRegistration(registrationId, registrationData(form))
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'registration.update',
      entity: 'Registration',
      entityId: registrationId,
      changes: { person: current.personId, ...changedFields(registrationAuditFields(current), registrationAuditFields(updated)) },
      at: now,
    })
  })
}
