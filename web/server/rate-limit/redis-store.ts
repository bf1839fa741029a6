// The shared rate-limit counter in Redis: one key per client and window, incremented and given
// its expiry in one atomic script, so concurrent instances never lose a hit or leave a key
// without a TTL.
import { createFailFastRedis } from '@web/server/lib/fail-fast-redis'
import type { RateLimitStore } from './rate-limiter'

// KEYS[1] = counter key; ARGV[1] = TTL in ms. Returns the count after this hit.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`

export interface RedisStoreOptions {
  url: string
  /** prefix of every key, so several portals (or test runs) can share one Redis */
  keyPrefix: string
  /** how long one command may take before the limiter falls back to memory */
  commandTimeoutMs?: number
}

export interface RedisRateLimitStore extends RateLimitStore {
  close(): Promise<void>
}

export function createRedisStore(options: RedisStoreOptions): RedisRateLimitStore {
  const { redis, ready: ensureConnected } = createFailFastRedis(options.url, options.commandTimeoutMs)
  return {
    name: 'redis',
    async hit(key, windowMs, now) {
      await ensureConnected()
      const window = Math.floor(now / windowMs)
      const resetAt = (window + 1) * windowMs
      // the TTL runs a little past the window's end so that clock skew between instances
      // cannot delete a counter that another instance still counts in
      const count = Number(await redis.eval(HIT_SCRIPT, 1, `${options.keyPrefix}${key}:${window}`, String(resetAt - now + 1000)))
      return { count, resetAt }
    },
    async close() {
      redis.disconnect()
    },
  }
}
