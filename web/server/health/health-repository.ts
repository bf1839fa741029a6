// Liveness of the database for /api/health.
import { dbProvider, getDb, type Db } from '@web/lib/db'

type Provider = 'sqlite' | 'postgresql'

export type DatabaseHealth =
  | {
      reachable: true
      provider: Provider
      /** round trip of `select 1`, milliseconds */
      latencyMs: number
      /** migrations recorded as applied; 0 when the database has never been migrated */
      migrations: number
    }
  | { reachable: false; provider: Provider; error: unknown }

export function createHealthRepository(db: Db, provider: Provider) {
  return {
    async checkDatabase(): Promise<DatabaseHealth> {
      try {
        const started = performance.now()
        await db.$queryRaw`select 1`
        const latencyMs = Math.round((performance.now() - started) * 10) / 10
        return { reachable: true, provider, latencyMs, migrations: await countAppliedMigrations(db) }
      } catch (error) {
        return { reachable: false, provider, error }
      }
    },
  }
}

async function countAppliedMigrations(db: Db): Promise<number> {
  try {
    const rows = await db.$queryRaw<{ applied: number | bigint }[]>`
      select count(*) as applied from _prisma_migrations where finished_at is not null and rolled_back_at is null`
    return Number(rows[0]?.applied ?? 0)
  } catch {
    // no _prisma_migrations table: nothing was ever applied
    return 0
  }
}

export function checkDatabase(): Promise<DatabaseHealth> {
  return createHealthRepository(getDb(), dbProvider).checkDatabase()
}
