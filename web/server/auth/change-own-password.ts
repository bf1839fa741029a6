// A signed-in staff member changes their own password (修改密码, any role). The current password is
// counted with the sign-in's password attempts of the same account and address: a session left
// open on a shared computer must not become a way to guess the password without the sign-in's
// limits. The new password passes the policy of every staff password and differs from the current
// one. Whoever else is signed in as this account (perhaps with the old password) is signed out;
// the session that made the change carries on under a new token.
import type { Db } from '@db/client'
import { passwordChangeSchema, type PasswordChangeInput } from '@shared/staff-forms/password-change'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { hashPassword, verifyPassword } from './passwords'
import { countPasswordAttempt, type SignInThrottleSettings } from './sign-in-throttle'
import { createStaffCredentialsRepository } from './staff-credentials-repository'
import { advanceSession } from './staff-sessions'
import { createStaffSessionsRepository } from './staff-sessions-repository'

export const WRONG_CURRENT_PASSWORD = '当前密码不正确'

export interface PasswordChangeContext {
  /** the actor's own ACTIVE session, the one the request came with: kept, under a new token */
  sessionId: string
  throttle: SignInThrottleSettings
}

/** Throws SignInRefusedError over the sign-in limits; the new token of the current session. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: PasswordChangeInput,
  context: PasswordChangeContext,
  now = new Date(),
): Promise<{ token: string; sessionsEnded: number }> {
  const { currentPassword, password } = passwordChangeSchema(actor.username).parse(input)
  await countPasswordAttempt(actor.username, actor.clientIp, context.throttle, now)
  const storedHash = await createStaffCredentialsRepository(db).passwordHashOf(actor.userId)
  if (!(await verifyPassword(storedHash, currentPassword))) throw new InputError({ currentPassword: WRONG_CURRENT_PASSWORD })
  if (password === currentPassword) throw new InputError({ password: '新密码不能与当前密码相同' })
  const passwordHash = await hashPassword(password)
  return withAuditRetry(db, async (tx) => {
    // the check above was of this hash: a change made meanwhile (another tab, an administrator's reset) wins
    if (!(await createStaffCredentialsRepository(tx).replaceChosenPassword(actor.userId, storedHash, passwordHash, now))) {
      throw new ConflictError('密码刚刚已被修改，请重新登录后再试')
    }
    const token = await advanceSession(tx, context.sessionId, 'ACTIVE', 'ACTIVE', now)
    if (!token) throw new ConflictError('登录状态已变化，请重新登录')
    const sessionsEnded = await createStaffSessionsRepository(tx).endAllOf(actor.userId, 'PASSWORD_CHANGED', now, context.sessionId)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'account.password-change',
      entity: 'User',
      entityId: actor.userId,
      changes: { after: { passwordChangedAt: now.toISOString(), sessionsEnded } },
      at: now,
    })
    return { token, sessionsEnded }
  })
}
