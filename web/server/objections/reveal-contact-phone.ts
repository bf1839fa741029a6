// 显示完整联系电话: a reviewer sees an applicant's full contact phone only on this explicit action,
// and the view is appended to the audit log in the same transaction as the read, so no full
// number leaves the database unrecorded (as practitioners/reveal-personal-data.ts for officers).
// The same authorization as reading the request: a reviewer of the request's region; another
// region's request answers as not found, and nothing is written.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createStaffObjectionsRepository } from './staff-objections-repository'

export async function revealContactPhone(db: Db, actor: Actor, trackingNumber: string, now = new Date()): Promise<{ contactPhone: string }> {
  authorize(actor, 'objections.review')
  return withAuditRetry(db, async (tx) => {
    const objection = await createStaffObjectionsRepository(tx).findContactPhone(actor, trackingNumber)
    if (!objection) throw new NotFoundError('该受理编号的申请')
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'objection.view-personal-data',
      entity: 'Objection',
      entityId: objection.id,
      // what was seen, never the value itself
      changes: { trackingNumber, viewed: ['contactPhone'] },
      at: now,
    })
    return { contactPhone: objection.contactPhone }
  })
}
