// The process's application cache, installed once by whoever configures the process (the
// portal's getDb, a command that writes), kept on globalThis because the server entry and the
// code Next bundles are separate module instances that must share one cache and one Redis
// connection. Without one installed, reads go to the database and writes announce to no one
// (a unit or db test, a command without REDIS_URL).
import { createAppCache, type AppCache, type CachedReadSpec } from './app-cache'
import { createMemoryCacheStore } from './cache-store'
import { namespacesOfEntities } from './namespaces'
import { createRedisCacheStore } from './redis-cache-store'

const STATE = Symbol.for('hn-portal.app-cache')
const holder = globalThis as typeof globalThis & { [STATE]?: AppCache | null }

export interface CacheSettings {
  /** redis:// URL of the shared cache; absent: this process's memory */
  redisUrl?: string | null
  /** prefix of the Redis keys (the cache adds 'cache:') */
  redisKeyPrefix: string
  /** longest life of an entry in seconds; 0 turns the cache off */
  ttlSeconds: number
}

/** Builds the cache the settings describe (null when turned off), reporting store failures once per outage. */
export function createConfiguredCache(settings: CacheSettings, warn: (message: string) => void = console.warn): AppCache | null {
  if (settings.ttlSeconds <= 0) return null
  const store = settings.redisUrl ? createRedisCacheStore({ url: settings.redisUrl, keyPrefix: `${settings.redisKeyPrefix}cache:` }) : createMemoryCacheStore()
  let outage = false
  return createAppCache({
    store,
    ttlMs: settings.ttlSeconds * 1000,
    onStoreError(error, during) {
      const message = error instanceof Error ? error.message : String(error)
      // a lost bump is worth a line every time: entries may then live to their TTL
      if (during === 'bump') return warn(`cache: announcing a write to Redis failed; other instances may serve entries up to their TTL old (${message})`)
      if (outage) return
      outage = true
      warn(`cache: Redis unavailable, reading from the database until it is back (${message})`)
      // report again once the outage has had a chance to end
      setTimeout(() => (outage = false), 60_000).unref()
    },
  })
}

/** Installs the process's cache unless one is installed; the settings are the process's configuration. */
export function installAppCache(settings: CacheSettings): void {
  if (holder[STATE] !== undefined) return
  holder[STATE] = createConfiguredCache(settings)
}

/** Closes the process's cache (its Redis connection), so that a command can exit; reads then go to the database. */
export async function closeAppCache(): Promise<void> {
  const cache = holder[STATE]
  holder[STATE] = null
  await cache?.close()
}

/** Replaces the process's cache (tests); null: none. Closes the one it replaces. */
export async function replaceAppCacheForTesting(cache: AppCache | null | undefined): Promise<void> {
  const previous = holder[STATE]
  if (cache === undefined) delete holder[STATE]
  else holder[STATE] = cache
  await previous?.close()
}

/** A public read through the process's cache (the database directly when there is none). */
export function cachedRead<T>(spec: CachedReadSpec, load: () => Promise<T>): Promise<T> {
  const cache = holder[STATE]
  return cache ? cache.read(spec, load) : load()
}

/**
 * Called after a transaction that wrote audit entries of these entities committed: the
 * namespaces they touch get new versions on every instance (through Redis) before the write's
 * answer goes out.
 */
export async function announceCommittedWrites(entities: Iterable<string>): Promise<void> {
  const cache = holder[STATE]
  if (!cache) return
  await cache.bump(namespacesOfEntities(entities))
}
