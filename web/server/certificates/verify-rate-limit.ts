// The verification endpoint's per-client limit: enough for an inspector walking a site, too few
// to sweep the service (the portal passes VERIFY_RATE_LIMIT_PER_MINUTE, default 60, per
// VERIFY_RATE_LIMIT_WINDOW_SECONDS, default 60).
import { countRequest, rateLimitedError, type RateLimitSettings } from '@web/server/rate-limit/configured-limiter'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

export interface VerifyRateLimitSettings extends RateLimitSettings {
  /** verifications per client per window */
  perMinute: number
  /** the window's length; one minute unless configured (tests lengthen it so a count cannot reset mid-test) */
  windowSeconds?: number
}

/**
 * Counts one verification of the client the headers name, by the API or the /v/ page alike: one
 * budget, so that scraping through the page buys nothing over the API.
 */
export function countVerification(headers: Headers, settings: VerifyRateLimitSettings): Promise<RateLimitDecision> {
  return countRequest('verify', settings.perMinute, (settings.windowSeconds ?? 60) * 1000, headers, settings)
}

export function verifyRateLimitedMessage(decision: RateLimitDecision): string {
  return `核验请求过于频繁，请 ${decision.retryAfterSeconds} 秒后再试`
}

/** Throws a RateLimitedError (the API answers 429 with Retry-After) when this client has used up its verifications. */
export async function enforceVerifyRateLimit(request: Request, settings: VerifyRateLimitSettings): Promise<void> {
  const decision = await countVerification(request.headers, settings)
  if (!decision.allowed) throw rateLimitedError(decision, verifyRateLimitedMessage(decision))
}
