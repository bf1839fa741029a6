// Rebuilds the substring-search index in bulk, after a load that wrote rows with the index's
// triggers disabled (scripts/seed/national writes through COPY with session_replication_role =
// replica). First version by the national-seed work (H1); the search-index design owns it.
//
// PostgreSQL: every token table that the migrations created is emptied and refilled from its
// table with the same token function the triggers use (one INSERT … SELECT each). The gram arrays
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

export async function rebuildSearchIndex(db: Db): Promise<RebuildSummary> {
  const rows: Record<string, number> = {}
  if (!isPostgres(db)) return { rows }
  for (const t of TOKEN_TABLES) {
    const [{ present }] = await db.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('"${t.tokens}"') IS NOT NULL AS present`)
    if (!present) continue
    const select = t.columns.map((c) => `SELECT "search_tokens"(r."${c}"), r."id" FROM "${t.table}" AS r`).join(' UNION ')
    rows[t.tokens] = await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "${t.tokens}"`)
        return tx.$executeRawUnsafe(`INSERT INTO "${t.tokens}" ("token", "${t.key}") ${select}`)
      },
      { timeout: 6 * 3600_000, maxWait: 60_000 },
    )
  }
  await db.$executeRawUnsafe(`ANALYZE ${SEARCHED_TABLES.map((t) => `"${t}"`).join(', ')}`)
  return { rows }
}
