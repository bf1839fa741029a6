// The one Prisma client of this server process. Pages, route handlers and server actions pass it
// to web/server's use cases (which hand it to their repositories, the only code that queries it).
import { createDb, databaseProvider, type Db, type DbOptions } from '@db/client'
import { installAppCache } from '@web/server/cache/installed-cache'
import { logSlowQuery } from '@web/server/lib/logger'
import { loadPersonalDataKeyRing } from '@web/server/personal-data/key-ring'
import { hasPersonalDataKeys, usePersonalDataKeys } from '@web/server/personal-data/personal-data'
import { env } from './env'
import { installLogKey } from './transparency-log/portal-log'

const options: DbOptions = { slowQuery: { thresholdMs: env.SLOW_QUERY_MS, onSlowQuery: logSlowQuery } }

// Dev hot reloads re-evaluate this module; keeping the client on globalThis stops each reload
// from opening another SQLite handle or PostgreSQL pool.
const globalForDb = globalThis as typeof globalThis & { __portalDb?: Db }

/**
 * The repositories seal and open ID numbers and phones with the process's key ring: installed with
 * the first client, from the validated settings (a missing or bad key file fails here, by name).
 */
function installPersonalDataKeys(): void {
  if (hasPersonalDataKeys()) return
  usePersonalDataKeys(
    loadPersonalDataKeyRing({
      file: env.PERSONAL_DATA_KEYS_FILE,
      key: env.PERSONAL_DATA_KEY,
      keyId: env.PERSONAL_DATA_KEY_ID,
      hmacKey: env.PERSONAL_DATA_HMAC_KEY,
    }),
  )
}

/**
 * Public reads go through the application cache and every audited write announces itself to it:
 * installed before the first query, so that a write never happens in a process that announces to
 * no one while the other instances cache.
 */
function installCache(): void {
  installAppCache({ redisUrl: env.REDIS_URL ?? null, redisKeyPrefix: env.REDIS_KEY_PREFIX, ttlSeconds: env.CACHE_TTL_SECONDS })
}

/** Created on first use, so that importing a page at build time never opens a database. */
export function getDb(): Db {
  installPersonalDataKeys()
  installCache()
  // certificate writes append to the transparency log and sign its checkpoint with this key
  installLogKey()
  globalForDb.__portalDb ??= createDb(env.DATABASE_URL, options)
  return globalForDb.__portalDb
}

export const dbProvider = databaseProvider(env.DATABASE_URL)
export type { Db }

/**
 * A client of its own, for work that holds a long transaction (an import job): on SQLite the
 * client has one connection, and the pages must not wait behind the job. The caller disconnects it.
 */
export function createDedicatedDb(): Db {
  installPersonalDataKeys()
  installCache()
  installLogKey()
  return createDb(env.DATABASE_URL, options)
}
