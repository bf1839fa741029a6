// Liveness of the database for /api/health.
import type { Db } from '@db/client'
import { createHealthRepository } from './health-repository'

export type DatabaseProvider = 'sqlite' | 'postgresql'

export type DatabaseHealth =
  | {
      reachable: true
      provider: DatabaseProvider
      /** round trip of `select 1`, milliseconds */
      latencyMs: number
      /** migrations recorded as applied; 0 when the database has never been migrated */
      migrations: number
    }
  | { reachable: false; provider: DatabaseProvider; error: unknown }

/** Never throws: an unreachable database is an answer, which the route turns into a 503. */
export async function checkDatabase(db: Db, provider: DatabaseProvider): Promise<DatabaseHealth> {
  const repository = createHealthRepository(db)
  try {
    const latencyMs = await repository.roundTripMs()
    return { reachable: true, provider, latencyMs, migrations: await repository.appliedMigrations() }
  } catch (error) {
    return { reachable: false, provider, error }
  }
}
