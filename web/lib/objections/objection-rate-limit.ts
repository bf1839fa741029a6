// Submissions of objections and credit-repair requests per client: enough for an enterprise that
// files a few requests, too few to flood the staff's queue (OBJECTION_RATE_LIMIT_PER_HOUR, default
// 20, counted per hour for the form and POST /api/v1/objections together). One limiter per
// process, kept on globalThis so that dev reloads do not open a Redis connection each time; it
// counts in Redis when REDIS_URL is set, as the verification limit does.
import { ApiError } from '../api/api-error'
import { env } from '../env'
import { clientKeyOf } from '../rate-limit/client-key'
import { createMemoryStore, createRateLimiter, type RateLimitDecision, type RateLimiter } from '../rate-limit/rate-limiter'
import { createRedisStore } from '../rate-limit/redis-store'

const globalForLimiter = globalThis as typeof globalThis & { __objectionRateLimiter?: RateLimiter }

function createObjectionRateLimiter(): RateLimiter {
  let warned = false
  return createRateLimiter({
    name: 'objection',
    limit: env.OBJECTION_RATE_LIMIT_PER_HOUR,
    windowMs: 3_600_000,
    store: env.REDIS_URL ? createRedisStore({ url: env.REDIS_URL, keyPrefix: `${env.REDIS_KEY_PREFIX}ratelimit:` }) : createMemoryStore(),
    onStoreError(error) {
      if (warned) return
      warned = true
      console.warn(`rate limit: Redis unavailable, counting per process until it is back (${error instanceof Error ? error.message : String(error)})`)
    },
  })
}

/** Counts one submission of the client the headers name. */
export function countObjectionSubmission(headers: Headers): Promise<RateLimitDecision> {
  globalForLimiter.__objectionRateLimiter ??= createObjectionRateLimiter()
  return globalForLimiter.__objectionRateLimiter.check(clientKeyOf(headers, env.TRUSTED_PROXY_COUNT))
}

export function rateLimitedMessage(decision: RateLimitDecision): string {
  const minutes = Math.ceil(decision.retryAfterSeconds / 60)
  return `提交过于频繁，请 ${minutes} 分钟后再试`
}

/** Throws a 429 ApiError with Retry-After when this client has used up its submissions. */
export async function enforceObjectionRateLimit(request: Request): Promise<void> {
  const decision = await countObjectionSubmission(request.headers)
  if (!decision.allowed) {
    throw new ApiError('rate_limited', 429, rateLimitedMessage(decision), [], {
      'Retry-After': String(decision.retryAfterSeconds),
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': '0',
    })
  }
}
