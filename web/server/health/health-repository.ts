// The two questions /api/health asks the database: does it answer, and has it been migrated.
import type { Db } from '@db/client'

export function createHealthRepository(db: Db) {
  return {
    /** Round trip of `select 1`, milliseconds (one decimal); throws when the database does not answer. */
    async roundTripMs(): Promise<number> {
      const started = performance.now()
      await db.$queryRaw`select 1`
      return Math.round((performance.now() - started) * 10) / 10
    },

    /** Migrations recorded as applied; 0 when the database has never been migrated. */
    async appliedMigrations(): Promise<number> {
      try {
        const rows = await db.$queryRaw<{ applied: number | bigint }[]>`
          select count(*) as applied from _prisma_migrations where finished_at is not null and rolled_back_at is null`
        return Number(rows[0]?.applied ?? 0)
      } catch {
        // no _prisma_migrations table: nothing was ever applied
        return 0
      }
    },
  }
}
