// The portal's rate limiters as configured: counted in Redis when a Redis URL is given (all
// instances share the count), per process otherwise, one limiter per name and process (kept on
// globalThis so that dev reloads do not open a Redis connection each time). Refusals are 429
// RateLimitedErrors, which the API layer answers with 429 and Retry-After. The settings come from the caller (the portal reads REDIS_URL
// and REDIS_KEY_PREFIX), so this layer never reads the environment itself. The client is the one
// the portal's server named in x-portal-client-ip (client-key.ts).
import { clientKeyOf } from './client-key'
import { createMemoryStore, createRateLimiter, type RateLimitDecision, type RateLimiter } from './rate-limiter'
import { createRedisStore } from './redis-store'

export interface RateLimitSettings {
  /** redis:// or rediss:// URL of the shared count; absent: count per process */
  redisUrl?: string | null
  /** prefix of the Redis keys */
  redisKeyPrefix: string
}

/** The settings from the portal's validated environment variables (REDIS_URL, REDIS_KEY_PREFIX). */
export function rateLimitSettingsFrom(vars: { REDIS_URL?: string; REDIS_KEY_PREFIX: string }): RateLimitSettings {
  return { redisUrl: vars.REDIS_URL ?? null, redisKeyPrefix: vars.REDIS_KEY_PREFIX }
}

interface ConfiguredLimiter {
  limiter: RateLimiter
  close(): Promise<void>
}

const globalForLimiters = globalThis as typeof globalThis & { __rateLimiters?: Map<string, ConfiguredLimiter> }

function createConfiguredLimiter(name: string, limit: number, windowMs: number, settings: RateLimitSettings): ConfiguredLimiter {
  let warned = false
  const redis = settings.redisUrl ? createRedisStore({ url: settings.redisUrl, keyPrefix: `${settings.redisKeyPrefix}ratelimit:` }) : null
  const limiter = createRateLimiter({
    name,
    limit,
    windowMs,
    store: redis ?? createMemoryStore(),
    onStoreError(error) {
      if (warned) return
      warned = true
      console.warn(`rate limit ${name}: Redis unavailable, counting per process until it is back (${error instanceof Error ? error.message : String(error)})`)
    },
  })
  return { limiter, close: async () => redis?.close() }
}

/**
 * Counts one request of the client the headers name against the limiter `name`. The limiter is
 * made on the first call with that call's limit and settings (they are the process's
 * configuration, the same on every call).
 */
export function countRequest(name: string, limit: number, windowMs: number, headers: Headers, settings: RateLimitSettings): Promise<RateLimitDecision> {
  return countKey(name, limit, windowMs, clientKeyOf(headers), settings)
}

/**
 * Counts one hit of an explicit key (a staff account's name, an address the caller already
 * derived) against the limiter `name`, made as countRequest makes it. `now` (ms) is for tests.
 */
export function countKey(name: string, limit: number, windowMs: number, key: string, settings: RateLimitSettings, now?: number): Promise<RateLimitDecision> {
  const limiters = (globalForLimiters.__rateLimiters ??= new Map())
  let configured = limiters.get(name)
  if (!configured) {
    configured = createConfiguredLimiter(name, limit, windowMs, settings)
    limiters.set(name, configured)
  }
  return configured.limiter.check(key, now)
}

/**
 * Forgets every limiter of this process (their memory counts, their Redis connections), so that
 * the next countRequest builds them afresh from its settings. For tests: each starts with an
 * unused budget and settings of its own instead of dodging the count with made-up client
 * addresses. Counts already in Redis stay; use a fresh key prefix there.
 */
export async function resetRateLimitersForTesting(): Promise<void> {
  const limiters = globalForLimiters.__rateLimiters
  if (!limiters) return
  const closing = [...limiters.values()].map((l) => l.close())
  limiters.clear()
  await Promise.all(closing)
}

/** A request refused by a limiter: the API layer answers 429 with Retry-After (web/lib/api/api-error.ts). */
export class RateLimitedError extends Error {
  constructor(
    readonly decision: RateLimitDecision,
    message: string,
  ) {
    super(message)
    this.name = 'RateLimitedError'
  }

  /** The headers of the refusal: when to retry, and the limit. */
  get headers(): Record<string, string> {
    return {
      'Retry-After': String(this.decision.retryAfterSeconds),
      'X-RateLimit-Limit': String(this.decision.limit),
      'X-RateLimit-Remaining': '0',
    }
  }
}

export function rateLimitedError(decision: RateLimitDecision, message: string): RateLimitedError {
  return new RateLimitedError(decision, message)
}
