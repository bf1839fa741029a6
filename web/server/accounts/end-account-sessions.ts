// An administrator ends every session of an account (a lost laptop, a suspicion): the next request
// of each, on any instance, finds its row ended and goes back to the sign-in page.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { createStaffSessionsRepository } from '@web/server/auth/staff-sessions-repository'
import { authorize } from '@web/server/staff/authorize'
import { findAccount } from './account-target'

export async function endAccountSessions(db: Db, actor: Actor, userId: string, now = new Date()): Promise<number> {
  authorize(actor, 'accounts.manage')
  return withAuditRetry(db, async (tx) => {
    const user = await findAccount(tx, userId)
    const ended = await createStaffSessionsRepository(tx).endAllOf(user.id, 'ENDED_BY_ADMIN', now)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'account.end-sessions',
      entity: 'User',
      entityId: user.id,
      changes: { after: { sessionsEnded: ended } },
      at: now,
    })
    return ended
  })
}
