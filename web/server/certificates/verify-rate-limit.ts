// The verification endpoint's per-client limit: enough for an inspector walking a site, too few
// to sweep the service (VERIFY_RATE_LIMIT_PER_MINUTE, default 60).
import { env } from '@web/lib/env'
import { countRequest, rateLimitedError } from '@web/server/rate-limit/configured-limiter'

/** Throws a 429 ApiError with Retry-After when this client has used up its verifications. */
export async function enforceVerifyRateLimit(request: Request): Promise<void> {
  const decision = await countRequest('verify', env.VERIFY_RATE_LIMIT_PER_MINUTE, 60_000, request.headers)
  if (!decision.allowed) throw rateLimitedError(decision, `核验请求过于频繁，请 ${decision.retryAfterSeconds} 秒后再试`)
}
