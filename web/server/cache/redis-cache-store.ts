// The application cache in Redis, shared by every instance of the portal: a version token per
// namespace and entries that expire on their own (PX). Commands fail fast instead of
// queueing while Redis is away, so that a reader falls back to the database at once.
import { createFailFastRedis } from '@web/server/lib/fail-fast-redis'
import { newVersionToken, type CacheStore } from './cache-store'

// A version key expires a day after it was set, so that the keys of a prefix no one uses any more
// (a test run, a renamed deployment) do not stay forever. An expired version comes back as a new
// token, which only costs the entries stored under the old one: never a stale read.
const VERSION_TTL_MS = 24 * 60 * 60 * 1000

export interface RedisCacheStoreOptions {
  url: string
  /** prefix of every key, so several portals (or test runs) can share one Redis */
  keyPrefix: string
  /** how long one command may take before the reader goes to the database instead */
  commandTimeoutMs?: number
}

export function createRedisCacheStore(options: RedisCacheStoreOptions): CacheStore {
  const { redis, ready } = createFailFastRedis(options.url, options.commandTimeoutMs)
  const versionKey = (ns: string) => `${options.keyPrefix}v:${ns}`
  const entryKey = (key: string) => `${options.keyPrefix}e:${key}`
  return {
    name: 'redis',
    async versions(namespaces) {
      await ready()
      const tokens = await redis.mget(...namespaces.map(versionKey))
      const missing = namespaces.filter((_, i) => tokens[i] === null)
      if (missing.length === 0) return tokens as string[]
      // another instance may set the same namespace meanwhile: SET NX keeps whichever came first
      // and GET reads it back, so every instance ends up on one token
      const pipeline = redis.pipeline()
      for (const ns of missing) pipeline.set(versionKey(ns), newVersionToken(), 'PX', VERSION_TTL_MS, 'NX').get(versionKey(ns))
      const results = await pipeline.exec()
      const created = new Map<string, string>()
      missing.forEach((ns, i) => {
        const [error, value] = results?.[i * 2 + 1] ?? [new Error('no reply')]
        if (error || typeof value !== 'string') throw error ?? new Error(`no version for ${ns}`)
        created.set(ns, value)
      })
      return namespaces.map((ns, i) => tokens[i] ?? (created.get(ns) as string))
    },
    async bump(namespaces) {
      await ready()
      const pipeline = redis.pipeline()
      for (const ns of namespaces) pipeline.set(versionKey(ns), newVersionToken(), 'PX', VERSION_TTL_MS)
      const results = await pipeline.exec()
      const failed = results?.find(([error]) => error)
      if (failed) throw failed[0]
    },
    async get(key) {
      await ready()
      return redis.get(entryKey(key))
    },
    async set(key, value, ttlMs) {
      await ready()
      await redis.set(entryKey(key), value, 'PX', Math.max(1, Math.round(ttlMs)))
    },
    async close() {
      redis.disconnect()
    },
  }
}
