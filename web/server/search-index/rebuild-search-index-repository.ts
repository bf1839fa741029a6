// Rebuilds the substring-search index in bulk, after a load that wrote rows with the index's
// triggers disabled (scripts/seed/national writes through COPY with session_replication_role =
// replica). First version by the national-seed work (H1); the search-index design owns it.
//
// PostgreSQL: every token table that the migrations created is emptied and refilled from its
// table with the same token function the triggers use (one INSERT … SELECT each, its keys and
// indexes built after, the tables side by side). The gram arrays
// ("searchGrams", generated columns) are written by the load itself, but the searched tables are
// then ANALYZEd: the planner's choice between the gram index and an ordered scan rests on the
// arrays' element statistics, which a fresh bulk load does not have yet. SQLite: bulk loads keep
// the triggers on, so the index is already whole and nothing is done.
import type { Db } from '@db/client'
import { isPostgres } from './postgres-search-repository'

/** Token table, the table it indexes, its key column there, and the indexed columns. */
const TOKEN_TABLES = [
  { tokens: 'EnterpriseSearchToken', table: 'Enterprise', key: 'enterpriseId', columns: ['name', 'uscc'] },
  { tokens: 'PersonSearchToken', table: 'Person', key: 'personId', columns: ['name'] },
  { tokens: 'ProjectSearchToken', table: 'Project', key: 'projectId', columns: ['name', 'projectCode'] },
] as const

export interface RebuildSummary {
  /** token rows written per token table (absent tables are left out) */
  rows: Record<string, number>
}

/** The tables the PostgreSQL search reads, whose statistics it needs. */
const SEARCHED_TABLES = ['Enterprise', 'Person', 'Project', 'ConstructionPermit', 'CompletionFiling', 'ProjectParticipant', 'Registration']

/**
 * Memory for the index builds of one rebuild (PostgreSQL's default, 64 MB, makes the national
 * tables' sorts spill to disk in many runs).
 */
const REBUILD_MAINTENANCE_WORK_MEM = '512MB'

interface Definition {
  name: string
  definition: string
}

/**
 * Refills one token table. Its keys, index and foreign key are dropped first and built again after
 * the INSERT, from their own definitions as the catalog holds them: building an index once, by a
 * sort, is far cheaper than inserting tens of millions of random keys into it, and validating the
 * foreign key once, by a join, cheaper than a lookup per token row (fraction 0.1: PersonSearchToken
 * 38 s -> 16 s). The table is locked (TRUNCATE) until the commit, as before.
 */
async function refill(db: Db, t: (typeof TOKEN_TABLES)[number]): Promise<number> {
  const select = t.columns.map((c) => `SELECT "search_tokens"(r."${c}"), r."id" FROM "${t.table}" AS r`).join(' UNION ')
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '${REBUILD_MAINTENANCE_WORK_MEM}'`)
      await tx.$executeRawUnsafe(`TRUNCATE "${t.tokens}"`)
      const constraints = await tx.$queryRawUnsafe<Definition[]>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = '"${t.tokens}"'::regclass AND contype IN ('p', 'f', 'u') ORDER BY contype DESC`,
      )
      const indexes = await tx.$queryRawUnsafe<Definition[]>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '"${t.tokens}"'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)`,
      )
      // read as unique, primary, foreign: added back in that order (a key before what leans on it)
      for (const c of [...constraints].reverse()) await tx.$executeRawUnsafe(`ALTER TABLE "${t.tokens}" DROP CONSTRAINT "${c.name}"`)
      for (const i of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${i.name}"`)
      const written = await tx.$executeRawUnsafe(`INSERT INTO "${t.tokens}" ("token", "${t.key}") ${select}`)
      for (const c of constraints) await tx.$executeRawUnsafe(`ALTER TABLE "${t.tokens}" ADD CONSTRAINT "${c.name}" ${c.definition}`)
      for (const i of indexes) await tx.$executeRawUnsafe(i.definition)
      return written
    },
    { timeout: 6 * 3600_000, maxWait: 60_000 },
  )
}

export async function rebuildSearchIndex(db: Db): Promise<RebuildSummary> {
  const rows: Record<string, number> = {}
  if (!isPostgres(db)) return { rows }
  // the three tables at once, each in its own transaction: the work is CPU-bound and per table
  await Promise.all(
    TOKEN_TABLES.map(async (t) => {
      const [{ present }] = await db.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('"${t.tokens}"') IS NOT NULL AS present`)
      if (present) rows[t.tokens] = await refill(db, t)
    }),
  )
  await db.$executeRawUnsafe(`ANALYZE ${SEARCHED_TABLES.map((t) => `"${t}"`).join(', ')}`)
  return { rows }
}
