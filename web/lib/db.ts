// The one Prisma client of this server process. Pages, route handlers and server actions pass it
// to web/server's use cases (which hand it to their repositories, the only code that queries it).
import { createDb, databaseProvider, type Db } from '@db/client'
import { env } from './env'

// Dev hot reloads re-evaluate this module; keeping the client on globalThis stops each reload
// from opening another SQLite handle or PostgreSQL pool.
const globalForDb = globalThis as typeof globalThis & { __portalDb?: Db }

/** Created on first use, so that importing a page at build time never opens a database. */
export function getDb(): Db {
  globalForDb.__portalDb ??= createDb(env.DATABASE_URL)
  return globalForDb.__portalDb
}

export const dbProvider = databaseProvider(env.DATABASE_URL)
export type { Db }

/**
 * A client of its own, for work that holds a long transaction (an import job): on SQLite the
 * client has one connection, and the pages must not wait behind the job. The caller disconnects it.
 */
export function createDedicatedDb(): Db {
  return createDb(env.DATABASE_URL)
}
