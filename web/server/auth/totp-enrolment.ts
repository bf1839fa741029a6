// Enrolling the second factor on the first sign-in. The secret is drawn when the enrolment page is
// first shown and kept (User.totpSecret with totpEnrolledAt still null) so that a reload shows the
// same QR code; it only counts once a code from the app proves the app has it. Then ten recovery
// codes are drawn, stored hashed and handed back once, and the session becomes ACTIVE.
import { randomBytes } from 'node:crypto'
import type { Db } from '@db/client'
import { decodeTotpSecret, encodeTotpSecret, totpUri, verifyTotp } from '@shared/staff/totp'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes'
import { auditSignInFailure } from './sign-in'
import { countSecondFactorAttempt, type SignInThrottleSettings } from './sign-in-throttle'
import { createStaffCredentialsRepository } from './staff-credentials-repository'
import { advanceSession, type ResolvedSession } from './staff-sessions'

export const TOTP_ISSUER = '海南省建筑市场监管平台'

/** The pending secret of a session at TOTP_ENROLMENT (drawn on first call) and its otpauth:// URI. */
export async function startTotpEnrolment(db: Db, session: ResolvedSession): Promise<{ secret: string; uri: string }> {
  if (session.stage !== 'TOTP_ENROLMENT') throw new ConflictError('当前无需绑定动态口令')
  const credentials = createStaffCredentialsRepository(db)
  const user = await credentials.secondFactorOf(session.user.id)
  let secret = user.totpEnrolledAt === null ? user.totpSecret : null
  if (!secret) {
    secret = encodeTotpSecret(randomBytes(20))
    // only while still unenrolled: two tabs drawing at once keep the first secret
    secret = (await credentials.keepPendingTotpSecret(session.user.id, secret)) ?? secret
  }
  return { secret, uri: totpUri(TOTP_ISSUER, session.user.username, secret) }
}

export interface SecondFactorContext {
  clientIp: string | null
  throttle: SignInThrottleSettings
  now?: Date
}

/** Confirms the enrolment with a code from the app; the new token and the recovery codes (shown once). */
export async function confirmTotpEnrolment(
  db: Db,
  session: ResolvedSession,
  code: string,
  context: SecondFactorContext,
): Promise<{ token: string; recoveryCodes: string[] }> {
  const now = context.now ?? new Date()
  if (session.stage !== 'TOTP_ENROLMENT') throw new ConflictError('当前无需绑定动态口令')
  await countSecondFactorAttempt(session.user.id, context.throttle, now)
  const user = await createStaffCredentialsRepository(db).secondFactorOf(session.user.id)
  if (!user.totpSecret || user.totpEnrolledAt) throw new ConflictError('请刷新页面后重新扫码')
  const step = verifyTotp(decodeTotpSecret(user.totpSecret), code, now, null)
  if (step === null) {
    await auditSignInFailure(db, { clientIp: context.clientIp, now }, { userId: session.user.id, username: session.user.username, step: 'totp', reason: 'WRONG_ENROLMENT_CODE' })
    throw new InputError({ code: '动态口令不正确，请核对手机时间后输入应用中当前显示的 6 位数字' })
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  const secret = user.totpSecret
  const token = await withAuditRetry(db, async (tx) => {
    const credentials = createStaffCredentialsRepository(tx)
    if (!(await credentials.confirmTotpEnrolment(session.user.id, secret, step, now))) throw new ConflictError('动态口令已绑定，请重新登录')
    await credentials.replaceRecoveryCodes(session.user.id, recoveryCodes.map(hashRecoveryCode))
    const next = await advanceSession(tx, session.sessionId, 'TOTP_ENROLMENT', 'ACTIVE', now)
    if (!next) throw new ConflictError('登录状态已变化，请重新登录')
    await appendAuditEntry(tx, {
      userId: session.user.id,
      clientIp: context.clientIp,
      action: 'staff.totp-enrol',
      entity: 'User',
      entityId: session.user.id,
      changes: { before: { totpEnrolled: false }, after: { totpEnrolled: true, recoveryCodes: RECOVERY_CODE_COUNT } },
      at: now,
    })
    await appendAuditEntry(tx, {
      userId: session.user.id,
      clientIp: context.clientIp,
      action: 'staff.sign-in',
      entity: 'StaffSession',
      entityId: session.sessionId,
      changes: { after: { stage: 'ACTIVE', factor: 'totp-enrolment' } },
      at: now,
    })
    return next
  })
  return { token, recoveryCodes }
}
