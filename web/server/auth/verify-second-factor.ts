// The second step of every later sign-in: a TOTP code (current step ±1, never a step at or before
// the last one accepted) or one of the recovery codes (each once). The step is recorded with a
// conditional update, so two requests with the same code cannot both pass.
import type { Db } from '@db/client'
import { decodeTotpSecret, verifyTotp } from '@shared/staff/totp'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes'
import { auditSignInFailure } from './sign-in'
import { countSecondFactorAttempt } from './sign-in-throttle'
import { createStaffCredentialsRepository } from './staff-credentials-repository'
import { advanceSession, type ResolvedSession } from './staff-sessions'
import type { SecondFactorContext } from './totp-enrolment'

export const WRONG_SECOND_FACTOR = '动态口令或恢复码不正确，或已使用过'

export async function verifySecondFactor(
  db: Db,
  session: ResolvedSession,
  code: string,
  context: SecondFactorContext,
): Promise<{ token: string; usedRecoveryCode: boolean; recoveryCodesLeft?: number }> {
  const now = context.now ?? new Date()
  if (session.stage !== 'TOTP') throw new ConflictError('当前无需输入动态口令')
  await countSecondFactorAttempt(session.user.id, context.throttle, now)
  const user = await createStaffCredentialsRepository(db).secondFactorOf(session.user.id)
  const fail = async (reason: string): Promise<never> => {
    await auditSignInFailure(db, { clientIp: context.clientIp, now }, { userId: session.user.id, username: session.user.username, step: 'totp', reason })
    throw new InputError({ code: WRONG_SECOND_FACTOR })
  }
  const activate = async (tx: Tx, factor: string) => {
    const token = await advanceSession(tx, session.sessionId, 'TOTP', 'ACTIVE', now)
    if (!token) throw new ConflictError('登录状态已变化，请重新登录')
    await createStaffCredentialsRepository(tx).recordSignIn(session.user.id, now)
    await appendAuditEntry(tx, {
      userId: session.user.id,
      clientIp: context.clientIp,
      action: 'staff.sign-in',
      entity: 'StaffSession',
      entityId: session.sessionId,
      changes: { after: { stage: 'ACTIVE', factor } },
      at: now,
    })
    return token
  }

  if (looksLikeRecoveryCode(code)) {
    const hash = hashRecoveryCode(code)
    const found = await createStaffCredentialsRepository(db).findUnusedRecoveryCode(session.user.id, hash)
    if (!found) return fail('WRONG_RECOVERY_CODE')
    return withAuditRetry(db, async (tx) => {
      const credentials = createStaffCredentialsRepository(tx)
      if (!(await credentials.spendRecoveryCode(found.id, now))) throw new InputError({ code: WRONG_SECOND_FACTOR })
      const left = await credentials.countUnusedRecoveryCodes(session.user.id)
      await appendAuditEntry(tx, {
        userId: session.user.id,
        clientIp: context.clientIp,
        action: 'staff.recovery-code-use',
        entity: 'RecoveryCode',
        entityId: found.id,
        changes: { after: { usedAt: now.toISOString(), left } },
        at: now,
      })
      const token = await activate(tx, 'recovery-code')
      return { token, usedRecoveryCode: true, recoveryCodesLeft: left }
    })
  }

  if (!user.totpSecret) return fail('NOT_ENROLLED')
  const step = verifyTotp(decodeTotpSecret(user.totpSecret), code, now, user.totpLastStep)
  if (step === null) return fail('WRONG_TOTP')
  return withAuditRetry(db, async (tx) => {
    if (!(await createStaffCredentialsRepository(tx).recordTotpStep(session.user.id, step))) throw new InputError({ code: WRONG_SECOND_FACTOR })
    const token = await activate(tx, 'totp')
    return { token, usedRecoveryCode: false }
  })
}
