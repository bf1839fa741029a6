// 执业注册变更 by staff; the registration's region is its practitioner's (the employer's).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { registrationFormSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { NotFoundError } from '@web/server/lib/errors'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { assertPersonRegion, assertRegistrationNumberFree, registrationAuditFields, registrationData } from './practitioner-changes'

const fields = { type: true, number: true, specialty: true, issuedOn: true, validUntil: true } as const

export async function updateRegistration(db: Db, actor: Actor, registrationId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(registrationFormSchema, input)
  await withAuditRetry(db, async (tx) => {
    const current = await tx.registration.findUnique({
      where: { id: registrationId },
      select: { ...fields, personId: true, person: { select: { employer: { select: { regionCode: true } } } } },
    })
    if (!current) throw new NotFoundError('执业注册')
    assertPersonRegion(actor, current.person.employer?.regionCode, '执业注册')
    await assertRegistrationNumberFree(tx, form.number, registrationId)
    const updated = await tx.registration.update({ where: { id: registrationId }, data: registrationData(form), select: fields })
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
