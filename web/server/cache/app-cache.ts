// The application cache of public reads (docs/caching.md). An entry is stored under the version
// tokens its namespaces had BEFORE the database was read, and every committed staff write gives
// the namespaces it touched new tokens AFTER its commit (announce-writes.ts). So an entry read
// after a write's bump was loaded after its commit, and an entry loaded before the commit sits
// under tokens no reader asks for any more: no instance serves data older than the last write it
// could have seen. Changes that come with time, not with a write (a publication period ending, a
// grade changing at midnight), are bounded by the entry's lifetime: at most the configured TTL,
// and never past the next midnight China time, whose date is also part of every key.
//
// A store that fails (Redis down or slow) never fails the read and never serves what it cannot
// vouch for: the value is read from the database, and the failure is reported once per outage.
import { chinaDateOf } from '@shared/dates/calendar-date'
import type { CacheStore } from './cache-store'

const DAY_MS = 24 * 60 * 60 * 1000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** ms from `now` to the next midnight in China (UTC+8, no daylight saving). */
export function msToNextChinaMidnight(now: number): number {
  return DAY_MS - ((now + CHINA_OFFSET_MS) % DAY_MS)
}

export type KeyPart = string | number | boolean | null

export interface CachedReadSpec {
  /** the read's name, unique in the portal, e.g. 'home.headline-counts' */
  name: string
  /** what the read depends on: a committed write to any of them makes the entry unreachable */
  namespaces: readonly string[]
  /** the read's arguments (the China date is added) */
  key?: readonly KeyPart[]
}

export type CacheFailure = 'read' | 'store' | 'bump'

export interface AppCacheOptions {
  store: CacheStore
  /** longest life of an entry, ms */
  ttlMs: number
  /** called on a store failure; the cache has already fallen back to the database (or, for a bump, retried) */
  onStoreError?: (error: unknown, during: CacheFailure) => void
  /** ms since epoch, injected by tests */
  clock?: () => number
}

export interface AppCache {
  readonly storeName: string
  /** The value of `load`, from the cache when an entry stored under the namespaces' current versions lives. */
  read<T>(spec: CachedReadSpec, load: () => Promise<T>): Promise<T>
  /** New versions for the namespaces: after a write committed, before its answer is sent. */
  bump(namespaces: readonly string[]): Promise<void>
  close(): Promise<void>
}

// Values are stored as JSON; a Date is written as {"$date": ISO} and read back as a Date (a plain
// object with that one key does not occur in the portal's data)
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key]
    if (raw instanceof Date) return { $date: raw.toISOString() }
    if (typeof v === 'bigint') throw new TypeError('a bigint cannot be cached')
    // an instance of a class (a Decimal, a Map) would come back as a plain object or string: refused,
    // so the value is served from the load and never cached in a changed shape
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`a ${proto?.constructor?.name ?? 'class'} instance cannot be cached`)
    }
    return v
  })
}

function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      if (keys.length === 1 && keys[0] === '$date' && typeof (v as { $date: unknown }).$date === 'string') return new Date((v as { $date: string }).$date)
    }
    return v
  })
}

export function createAppCache(options: AppCacheOptions): AppCache {
  const clock = options.clock ?? Date.now
  const { store } = options
  const failed = (error: unknown, during: CacheFailure) => options.onStoreError?.(error, during)
  return {
    storeName: store.name,
    async read<T>(spec: CachedReadSpec, load: () => Promise<T>): Promise<T> {
      const now = clock()
      let entryKey: string
      try {
        const versions = await store.versions(spec.namespaces)
        entryKey = `${spec.name}:${versions.join('.')}:${chinaDateOf(new Date(now))}:${JSON.stringify(spec.key ?? [])}`
        const hit = await store.get(entryKey)
        if (hit !== null) return decode(hit) as T
      } catch (error) {
        failed(error, 'read')
        return load()
      }
      const value = await load()
      const ttlMs = Math.min(options.ttlMs, msToNextChinaMidnight(now))
      try {
        await store.set(entryKey, encode(value), ttlMs)
      } catch (error) {
        failed(error, 'store')
      }
      return value
    },
    async bump(namespaces) {
      if (namespaces.length === 0) return
      // a lost bump would leave other instances on entries older than this write until they
      // expire, so it is tried again before giving up
      for (let attempt = 1; ; attempt++) {
        try {
          await store.bump(namespaces)
          return
        } catch (error) {
          if (attempt >= 3) {
            failed(error, 'bump')
            return
          }
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
        }
      }
    },
    close: () => store.close(),
  }
}
