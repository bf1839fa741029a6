// Sign-in throttling: password attempts are counted per account and per client address, second-
// factor attempts per account, each in fixed windows of the configured limiter (Redis when the
// portal has REDIS_URL, so every instance counts together). Every attempt counts, successful or
// not, so the limits are generous for people and still stop guessing: 10 password attempts per
// account and 50 per address in 15 minutes. An account under attack is slowed, never locked out
// for good (that would let anyone lock out any official by name).
import { countKey, type RateLimitSettings } from '@web/server/rate-limit/configured-limiter'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'
import { createHash } from 'node:crypto'

export interface SignInThrottleSettings extends RateLimitSettings {
  perAccount: number
  perAddress: number
  /** second-factor attempts per account */
  totpPerAccount: number
  windowMs: number
}

export const DEFAULT_SIGN_IN_LIMITS = { perAccount: 10, perAddress: 50, totpPerAccount: 10, windowMs: 15 * 60_000 } as const

export class SignInRefusedError extends Error {
  constructor(
    message: string,
    /** set when the refusal is a throttle: seconds until the next attempt may succeed */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'SignInRefusedError'
  }
}

/** The one answer to a wrong password, whether or not the username exists. */
export const WRONG_CREDENTIALS = '用户名或密码错误'

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return retryAfterSeconds < 60 ? `请稍后再试（${retryAfterSeconds} 秒后）` : `请稍后再试（约 ${minutes} 分钟后）`
}

// The key never holds the name itself, so a Redis dump does not list who tried to sign in.
function accountKey(username: string): string {
  return createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 32)
}

function refusal(decisions: RateLimitDecision[]): SignInRefusedError | null {
  const refused = decisions.filter((d) => !d.allowed)
  if (refused.length === 0) return null
  const wait = Math.max(...refused.map((d) => d.retryAfterSeconds))
  return new SignInRefusedError(throttledMessage(wait), wait)
}

/** Counts a password attempt; throws SignInRefusedError when the account or the address is over its limit. */
export async function countPasswordAttempt(username: string, clientIp: string | null, settings: SignInThrottleSettings, now: Date): Promise<void> {
  const decisions = await Promise.all([
    countKey('staff-sign-in-account', settings.perAccount, settings.windowMs, accountKey(username), settings, now.getTime()),
    countKey('staff-sign-in-address', settings.perAddress, settings.windowMs, clientIp ?? 'unknown', settings, now.getTime()),
  ])
  const refused = refusal(decisions)
  if (refused) throw refused
}

/** Counts a second-factor attempt of a user; throws SignInRefusedError over the limit. */
export async function countSecondFactorAttempt(userId: string, settings: SignInThrottleSettings, now: Date): Promise<void> {
  const decision = await countKey('staff-totp-account', settings.totpPerAccount, settings.windowMs, userId, settings, now.getTime())
  const refused = refusal([decision])
  if (refused) throw refused
}
