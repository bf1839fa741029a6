// Step one of a staff sign-in: username and password. Success opens a session at the step the
// account still owes (a forced password change, the second factor's enrolment, or the second
// factor); failure answers 用户名或密码错误 whatever went wrong (unknown name, wrong password,
// disabled account, an exchange API token's service account), after the same Argon2id work, and is audited with the name as typed.
import type { Db } from '@db/client'
import type { SessionStage } from '@shared/domain/enums'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { verifyAgainstDummy, verifyPassword } from './passwords'
import { countPasswordAttempt, SignInRefusedError, WRONG_CREDENTIALS, type SignInThrottleSettings } from './sign-in-throttle'
import { createStaffCredentialsRepository } from './staff-credentials-repository'
import { openSession, stageAfterPassword, type SessionSettings } from './staff-sessions'

export interface SignInContext {
  clientIp: string | null
  userAgent: string | null
  session: SessionSettings
  throttle: SignInThrottleSettings
  /** production without ALLOW_DEMO_ACCOUNTS=true: no sign-in while an active demo account exists */
  refuseDemoAccounts: boolean
  now?: Date
}

export const DEMO_ACCOUNTS_REFUSED =
  '生产环境中存在启用的演示账号，已禁止所有工作人员登录。请先停用全部演示账号；仅供演示的部署可设置 ALLOW_DEMO_ACCOUNTS=true。'

export interface SignInInput {
  username: string
  password: string
}

/** Audits a failed step (no password, the username as typed), in a transaction of its own. */
export async function auditSignInFailure(db: Db, context: { clientIp: string | null; now: Date }, failure: { userId: string | null; username: string; step: 'password' | 'totp'; reason: string }) {
  await withAuditRetry(db, (tx) =>
    appendAuditEntry(tx, {
      userId: failure.userId,
      clientIp: context.clientIp,
      action: 'staff.sign-in.failure',
      entity: 'StaffSignIn',
      entityId: failure.username.slice(0, 100),
      changes: { after: { username: failure.username.slice(0, 100), step: failure.step, reason: failure.reason } },
      at: context.now,
    }),
  )
}

export async function signIn(db: Db, input: SignInInput, context: SignInContext): Promise<{ token: string; stage: SessionStage }> {
  const now = context.now ?? new Date()
  const typed = input.username
  const username = typed.trim().toLowerCase()
  await countPasswordAttempt(username, context.clientIp, context.throttle, now)
  const credentials = createStaffCredentialsRepository(db)
  if (context.refuseDemoAccounts && (await credentials.countActiveDemoAccounts()) > 0) {
    throw new SignInRefusedError(DEMO_ACCOUNTS_REFUSED)
  }
  const user = username ? await credentials.findForSignIn(username) : null
  // an exchange API token's service account never signs in: refused like a wrong password, after the same work
  const passwordOk = user && !user.isService ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !passwordOk || !user.active) {
    const reason = !user ? 'UNKNOWN_USER' : user.isService ? 'SERVICE_ACCOUNT' : !passwordOk ? 'WRONG_PASSWORD' : 'ACCOUNT_DISABLED'
    await auditSignInFailure(db, { clientIp: context.clientIp, now }, { userId: user?.id ?? null, username: typed, step: 'password', reason })
    throw new SignInRefusedError(WRONG_CREDENTIALS)
  }
  const stage = stageAfterPassword(user)
  return withAuditRetry(db, async (tx) => {
    const { token, sessionId } = await openSession(tx, user.id, stage, { now, settings: context.session, clientIp: context.clientIp, userAgent: context.userAgent })
    await appendAuditEntry(tx, {
      userId: user.id,
      clientIp: context.clientIp,
      action: 'staff.sign-in.password',
      entity: 'StaffSession',
      entityId: sessionId,
      changes: { after: { stage } },
      at: now,
    })
    return { token, stage }
  })
}
