// Submissions of objections and credit-repair requests per client: enough for an enterprise that
// files a few requests, too few to flood the staff's queue (OBJECTION_RATE_LIMIT_PER_HOUR, default
// 20, counted per hour for the form and POST /api/v1/objections together), in Redis when
// REDIS_URL is set (rate-limit/configured-limiter.ts).
import { env } from '@web/lib/env'
import { countRequest, rateLimitedError, rateLimitSettingsFrom } from '@web/server/rate-limit/configured-limiter'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

/** Counts one submission of the client the headers name. */
export function countObjectionSubmission(headers: Headers): Promise<RateLimitDecision> {
  return countRequest('objection', env.OBJECTION_RATE_LIMIT_PER_HOUR, 3_600_000, headers, rateLimitSettingsFrom(env))
}

export function rateLimitedMessage(decision: RateLimitDecision): string {
  const minutes = Math.ceil(decision.retryAfterSeconds / 60)
  return `提交过于频繁，请 ${minutes} 分钟后再试`
}

/** Throws a 429 ApiError with Retry-After when this client has used up its submissions. */
export async function enforceObjectionRateLimit(request: Request): Promise<void> {
  const decision = await countObjectionSubmission(request.headers)
  if (!decision.allowed) throw rateLimitedError(decision, rateLimitedMessage(decision))
}
