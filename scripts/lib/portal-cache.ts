// A command that changes public data (a certificate's status, the stored grades) announces it to
// the portals' shared cache in Redis, as the portal's own writes do (web/server/cache): with
// REDIS_URL (and REDIS_KEY_PREFIX) set as on the portals, their cached public pages end with the
// command's commit; without, they end within their lifetime (CACHE_TTL_SECONDS, docs/caching.md).
import { closeAppCache, installAppCache } from '../../web/server/cache/installed-cache.ts'

/** The portals' default prefix (web/lib/env.ts), for a shell that sets REDIS_URL only. */
const DEFAULT_PREFIX = 'hn-portal:'

/** Installs the announcement when REDIS_URL is set; returns what closes it before the command exits. */
export function announceToPortals(env: Record<string, string | undefined>): () => Promise<void> {
  const redisUrl = env.REDIS_URL?.trim()
  if (!redisUrl) return async () => {}
  // the lifetime only matters to reads, which a command does not cache for anyone
  installAppCache({ redisUrl, redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || DEFAULT_PREFIX, ttlSeconds: 1 })
  return closeAppCache
}
