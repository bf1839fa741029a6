// Where the application cache keeps its entries and its namespace versions: Redis (shared by every
// instance, redis-cache-store.ts) or this process's memory (below). A version is an opaque token,
// not a counter: a version key that Redis loses (eviction, restart) comes back as a new token, so
// entries stored under an old one can never match again.
import { randomBytes } from 'node:crypto'

export interface CacheStore {
  readonly name: string
  /** The current version token of each namespace, in order; a namespace never seen gets one now. */
  versions(namespaces: readonly string[]): Promise<string[]>
  /** Gives each namespace a new version token, so that nothing stored under the old ones is read again. */
  bump(namespaces: readonly string[]): Promise<void>
  get(key: string): Promise<string | null>
  set(key: string, value: string, ttlMs: number): Promise<void>
  close(): Promise<void>
}

export function newVersionToken(): string {
  return randomBytes(9).toString('base64url')
}

export interface MemoryCacheStoreOptions {
  /** entries kept at most; the oldest stored goes first */
  maxEntries?: number
  /** ms since epoch, injected by tests */
  clock?: () => number
}

export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 5_000
  const clock = options.clock ?? Date.now
  const versions = new Map<string, string>()
  const entries = new Map<string, { value: string; expiresAt: number }>()
  return {
    name: 'memory',
    async versions(namespaces) {
      return namespaces.map((ns) => {
        let token = versions.get(ns)
        if (!token) versions.set(ns, (token = newVersionToken()))
        return token
      })
    },
    async bump(namespaces) {
      for (const ns of namespaces) versions.set(ns, newVersionToken())
    },
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return null
      if (entry.expiresAt <= clock()) {
        entries.delete(key)
        return null
      }
      return entry.value
    },
    async set(key, value, ttlMs) {
      entries.delete(key)
      entries.set(key, { value, expiresAt: clock() + ttlMs })
      // a Map iterates in insertion order: the first key is the oldest stored
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
    async close() {
      entries.clear()
    },
  }
}
