// 从业人员信息变更 by staff. The person must be of the actor's regions now, and a new employer too.
// The ID number is not changed here (it is the person's key); an empty phone keeps the stored one.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { practitionerEditSchema } from '@shared/staff-forms/subjects'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { changedFields, parseStaffInput } from '@web/server/records/staff-input'
import { employerFor, personAuditFields, personAuditSelect, personInRegion } from './practitioner-changes'

export async function updatePractitioner(db: Db, actor: Actor, personId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'subjects.write')
  const form = parseStaffInput(practitionerEditSchema, input)
  await withAuditRetry(db, async (tx) => {
    const current = await personInRegion(tx, actor, personId)
    const employer = await employerFor(tx, actor, form.employerUscc)
    const updated = await tx.person.update({
      where: { id: personId },
      data: { name: form.name, gender: form.gender, employerId: employer.id, updatedAt: now, ...(form.phone !== undefined ? { phone: form.phone } : {}) },
      select: personAuditSelect,
    })
    // the person's registrations that followed the old employer follow the new one
    if (current.employerId !== employer.id) {
      await tx.registration.updateMany({ where: { personId, employerId: current.employerId }, data: { employerId: employer.id } })
    }
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
