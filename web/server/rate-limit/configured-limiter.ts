// The portal's rate limiters as configured: counted in Redis when REDIS_URL is set (all instances
// share the count), per process otherwise, one limiter per name and process (kept on globalThis so
// that dev reloads do not open a Redis connection each time). Refusals are 429 ApiErrors with
// Retry-After.
import { ApiError } from '@web/lib/api/api-error'
import { env } from '@web/lib/env'
import { clientKeyOf } from './client-key'
import { createMemoryStore, createRateLimiter, type RateLimitDecision, type RateLimiter } from './rate-limiter'
import { createRedisStore } from './redis-store'

const globalForLimiters = globalThis as typeof globalThis & { __rateLimiters?: Map<string, RateLimiter> }

function createConfiguredLimiter(name: string, limit: number, windowMs: number): RateLimiter {
  let warned = false
  return createRateLimiter({
    name,
    limit,
    windowMs,
    store: env.REDIS_URL ? createRedisStore({ url: env.REDIS_URL, keyPrefix: `${env.REDIS_KEY_PREFIX}ratelimit:` }) : createMemoryStore(),
    onStoreError(error) {
      if (warned) return
      warned = true
      console.warn(`rate limit ${name}: Redis unavailable, counting per process until it is back (${error instanceof Error ? error.message : String(error)})`)
    },
  })
}

/** Counts one request of the client the headers name against the limiter `name`. */
export function countRequest(name: string, limit: number, windowMs: number, headers: Headers): Promise<RateLimitDecision> {
  const limiters = (globalForLimiters.__rateLimiters ??= new Map())
  let limiter = limiters.get(name)
  if (!limiter) {
    limiter = createConfiguredLimiter(name, limit, windowMs)
    limiters.set(name, limiter)
  }
  return limiter.check(clientKeyOf(headers, env.TRUSTED_PROXY_COUNT))
}

/** The 429 answer for a refused decision. */
export function rateLimitedError(decision: RateLimitDecision, message: string): ApiError {
  return new ApiError('rate_limited', 429, message, [], {
    'Retry-After': String(decision.retryAfterSeconds),
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': '0',
  })
}
