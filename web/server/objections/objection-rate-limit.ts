// Submissions of objections and credit-repair requests per client: enough for an enterprise that
// files a few requests, too few to flood the staff's queue (the portal passes
// OBJECTION_RATE_LIMIT_PER_HOUR, default 20, counted per hour for the form and POST
// /api/v1/objections together), in Redis when a Redis URL is given (rate-limit/configured-limiter.ts).
import { countRequest, rateLimitedError, type RateLimitSettings } from '@web/server/rate-limit/configured-limiter'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

export interface ObjectionRateLimitSettings extends RateLimitSettings {
  /** submissions per client per hour */
  perHour: number
}

/** Counts one submission of the client the headers name. */
export function countObjectionSubmission(headers: Headers, settings: ObjectionRateLimitSettings): Promise<RateLimitDecision> {
  return countRequest('objection', settings.perHour, 3_600_000, headers, settings)
}

export function rateLimitedMessage(decision: RateLimitDecision): string {
  const minutes = Math.ceil(decision.retryAfterSeconds / 60)
  return `提交过于频繁，请 ${minutes} 分钟后再试`
}

/** Throws a RateLimitedError (the API answers 429 with Retry-After) when this client has used up its submissions. */
export async function enforceObjectionRateLimit(request: Request, settings: ObjectionRateLimitSettings): Promise<void> {
  const decision = await countObjectionSubmission(request.headers, settings)
  if (!decision.allowed) throw rateLimitedError(decision, rateLimitedMessage(decision))
}
