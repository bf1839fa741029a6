// Signing out ends the session row (every instance sees it on the next request) and is audited.
import type { Db } from '@db/client'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import type { ResolvedSession } from './staff-sessions'

export async function signOut(db: Db, session: ResolvedSession, clientIp: string | null, now = new Date()): Promise<void> {
  await withAuditRetry(db, async (tx) => {
    const ended = await tx.staffSession.updateMany({ where: { id: session.sessionId, endedAt: null }, data: { endedAt: now, endReason: 'SIGN_OUT' } })
    if (ended.count !== 1) return
    await appendAuditEntry(tx, {
      userId: session.user.id,
      clientIp,
      action: 'staff.sign-out',
      entity: 'StaffSession',
      entityId: session.sessionId,
      changes: { before: { stage: session.stage }, after: { endReason: 'SIGN_OUT' } },
      at: now,
    })
  })
}
