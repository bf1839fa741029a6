// The forced password change of a first sign-in (or after an administrator's reset): the new
// password must pass the policy and differ from the current one. The account's other sessions
// end, this one moves on to the second factor with a new token.
import type { Db } from '@db/client'
import { changePasswordSchema } from '@shared/staff/password-policy'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { hashPassword, verifyPassword } from './passwords'
import { createStaffCredentialsRepository } from './staff-credentials-repository'
import { advanceSession, type ResolvedSession } from './staff-sessions'
import { createStaffSessionsRepository } from './staff-sessions-repository'

export async function changeInitialPassword(
  db: Db,
  session: ResolvedSession,
  input: { password: string; confirm: string },
  context: { clientIp: string | null; now?: Date },
): Promise<{ token: string; stage: 'TOTP_ENROLMENT' | 'TOTP' }> {
  const now = context.now ?? new Date()
  if (session.stage !== 'PASSWORD_CHANGE') throw new ConflictError('当前无需修改密码')
  const { password } = changePasswordSchema(session.user.username).parse(input)
  const currentHash = await createStaffCredentialsRepository(db).passwordHashOf(session.user.id)
  if (await verifyPassword(currentHash, password)) throw new InputError({ password: '新密码不能与当前密码相同' })
  const passwordHash = await hashPassword(password)
  const next = session.user.totpEnrolled ? 'TOTP' : 'TOTP_ENROLMENT'
  return withAuditRetry(db, async (tx) => {
    await createStaffCredentialsRepository(tx).setChosenPassword(session.user.id, passwordHash, now)
    const token = await advanceSession(tx, session.sessionId, 'PASSWORD_CHANGE', next, now)
    if (!token) throw new ConflictError('登录状态已变化，请重新登录')
    await createStaffSessionsRepository(tx).endAllOf(session.user.id, 'PASSWORD_CHANGED', now, session.sessionId)
    await appendAuditEntry(tx, {
      userId: session.user.id,
      clientIp: context.clientIp,
      action: 'staff.password-change',
      entity: 'User',
      entityId: session.user.id,
      changes: { before: { mustChangePassword: true }, after: { mustChangePassword: false, passwordChangedAt: now.toISOString() } },
      at: now,
    })
    return { token, stage: next }
  })
}
