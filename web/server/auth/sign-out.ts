// Signing out ends the session row (every instance sees it on the next request) and is audited.
import type { Db } from '@db/client'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import type { ResolvedSession } from './staff-sessions'
import { createStaffSessionsRepository } from './staff-sessions-repository'

export async function signOut(db: Db, session: ResolvedSession, clientIp: string | null, now = new Date()): Promise<void> {
  await withAuditRetry(db, async (tx) => {
    if (!(await createStaffSessionsRepository(tx).end(session.sessionId, 'SIGN_OUT', now))) return
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
