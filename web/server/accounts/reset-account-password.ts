// An administrator resets an account's password: a new one-time password (shown once), the change
// forced at the next sign-in, every session ended. With resetTotp the second factor and its
// recovery codes go too (a lost phone), so the next sign-in enrols again.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { hashPassword } from '@web/server/auth/passwords'
import { createStaffCredentialsRepository } from '@web/server/auth/staff-credentials-repository'
import { createStaffSessionsRepository } from '@web/server/auth/staff-sessions-repository'
import { authorize } from '@web/server/staff/authorize'
import { findAccount } from './account-target'
import { newOneTimePassword } from './one-time-password'

export async function resetAccountPassword(
  db: Db,
  actor: Actor,
  input: { userId: string; resetTotp?: boolean },
  now = new Date(),
): Promise<{ oneTimePassword: string }> {
  authorize(actor, 'accounts.manage')
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  await withAuditRetry(db, async (tx) => {
    const user = await findAccount(tx, input.userId)
    await createStaffCredentialsRepository(tx).resetPassword(user.id, passwordHash, input.resetTotp ?? false)
    const ended = await createStaffSessionsRepository(tx).endAllOf(user.id, 'PASSWORD_RESET', now)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'account.reset-password',
      entity: 'User',
      entityId: user.id,
      changes: {
        before: { mustChangePassword: user.mustChangePassword, totpEnrolled: user.totpEnrolledAt !== null },
        after: { mustChangePassword: true, totpEnrolled: input.resetTotp ? false : user.totpEnrolledAt !== null, sessionsEnded: ended },
      },
      at: now,
    })
  })
  return { oneTimePassword }
}
