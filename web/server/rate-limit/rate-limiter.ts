// Per-client request limits (fixed windows of a configured length, one minute for verification): Redis when REDIS_URL is configured, so
// that every instance of the portal counts together, or this process's memory otherwise. A Redis
// that stops answering must not take the verification service down with it: the limiter then
// counts in memory until Redis is back (a limit per instance instead of a shared one).

export interface WindowCount {
  /** hits in the current window, this one included */
  count: number
  /** when the window ends (ms since epoch) */
  resetAt: number
}

export interface RateLimitStore {
  readonly name: string
  /** Counts a hit for key in the window of windowMs that contains now. */
  hit(key: string, windowMs: number, now: number): Promise<WindowCount>
}

export interface RateLimitDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** whole seconds until the window resets (≥ 1), for Retry-After */
  retryAfterSeconds: number
  /** which store decided: 'redis' or 'memory' */
  store: string
}

export interface RateLimiterOptions {
  /** requests allowed per client per window */
  limit: number
  windowMs: number
  /** key prefix, e.g. 'verify' */
  name: string
  store: RateLimitStore
  /** used when `store` fails (Redis down); defaults to a memory store */
  fallback?: RateLimitStore
  onStoreError?: (error: unknown) => void
  /** ms since epoch; injected by tests so that window boundaries are exact, not wall-clock luck */
  clock?: () => number
}

export interface RateLimiter {
  /** `now` overrides the clock for this one check */
  check(clientKey: string, now?: number): Promise<RateLimitDecision>
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!(Number.isInteger(options.limit) && options.limit > 0)) throw new RangeError('limit must be a positive integer')
  if (!(options.windowMs > 0)) throw new RangeError('windowMs must be positive')
  const fallback = options.fallback ?? createMemoryStore()
  const clock = options.clock ?? Date.now
  return {
    async check(clientKey, now = clock()) {
      const key = `${options.name}:${clientKey}`
      let counted: WindowCount
      let store = options.store
      try {
        counted = await options.store.hit(key, options.windowMs, now)
      } catch (error) {
        options.onStoreError?.(error)
        store = fallback
        counted = await fallback.hit(key, options.windowMs, now)
      }
      const allowed = counted.count <= options.limit
      return {
        allowed,
        limit: options.limit,
        remaining: Math.max(0, options.limit - counted.count),
        retryAfterSeconds: Math.max(1, Math.ceil((counted.resetAt - now) / 1000)),
        store: store.name,
      }
    },
  }
}

/**
 * Counts in this process. Windows are aligned to multiples of windowMs; entries of past windows
 * are swept when the map grows, so memory stays bounded by the clients of about one window.
 */
export function createMemoryStore(maxKeys = 100_000): RateLimitStore {
  const windows = new Map<string, WindowCount>()
  return {
    name: 'memory',
    async hit(key, windowMs, now) {
      const resetAt = (Math.floor(now / windowMs) + 1) * windowMs
      let entry = windows.get(key)
      if (!entry || entry.resetAt !== resetAt) {
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k)
          // still full of live clients: forget the oldest rather than grow without bound
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string)
        }
        entry = { count: 0, resetAt }
        windows.set(key, entry)
      }
      entry.count++
      return { ...entry }
    },
  }
}
