// The verification endpoint's per-client limit: enough for an inspector walking a site, too few
// to sweep the service (VERIFY_RATE_LIMIT_PER_MINUTE, default 60). One limiter per process, kept
// on globalThis so that dev reloads do not open a Redis connection each time.
import { ApiError } from '../api/api-error'
import { env } from '../env'
import { clientKeyOf } from '../rate-limit/client-key'
import { createMemoryStore, createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter'
import { createRedisStore } from '../rate-limit/redis-store'

const globalForLimiter = globalThis as typeof globalThis & { __verifyRateLimiter?: RateLimiter }

function createVerifyRateLimiter(): RateLimiter {
  let warned = false
  return createRateLimiter({
    name: 'verify',
    limit: env.VERIFY_RATE_LIMIT_PER_MINUTE,
    windowMs: 60_000,
    store: env.REDIS_URL ? createRedisStore({ url: env.REDIS_URL, keyPrefix: `${env.REDIS_KEY_PREFIX}ratelimit:` }) : createMemoryStore(),
    onStoreError(error) {
      if (warned) return
      warned = true
      console.warn(`rate limit: Redis unavailable, counting per process until it is back (${error instanceof Error ? error.message : String(error)})`)
    },
  })
}

/** Throws a 429 ApiError with Retry-After when this client has used up its verifications. */
export async function enforceVerifyRateLimit(request: Request): Promise<void> {
  globalForLimiter.__verifyRateLimiter ??= createVerifyRateLimiter()
  const decision = await globalForLimiter.__verifyRateLimiter.check(clientKeyOf(request.headers, env.TRUSTED_PROXY_COUNT))
  if (!decision.allowed) {
    throw new ApiError('rate_limited', 429, `核验请求过于频繁，请 ${decision.retryAfterSeconds} 秒后再试`, [], {
      'Retry-After': String(decision.retryAfterSeconds),
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': '0',
    })
  }
}
