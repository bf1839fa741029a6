// "查看完整信息": an officer sees a practitioner's full ID number and phone only on this explicit
// action, and the view is appended to the audit log in the same transaction as the read, so no
// full number leaves the database unrecorded (issue 12, Audit).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { personInRegion } from './practitioner-region-checks'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export interface PersonalData {
  idNumber: string
  phone: string | null
}

export async function revealPersonalData(db: Db, actor: Actor, personId: string, now = new Date()): Promise<PersonalData> {
  authorize(actor, 'personal-data.view')
  return withAuditRetry(db, async (tx) => {
    const person = await personInRegion(createStaffPractitionersRepository(tx), actor, personId)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'person.view-personal-data',
      entity: 'Person',
      entityId: personId,
      // what was seen, never the values themselves
      changes: { viewed: person.phone ? ['idNumber', 'phone'] : ['idNumber'] },
      at: now,
    })
    return { idNumber: person.idNumber, phone: person.phone }
  })
}
