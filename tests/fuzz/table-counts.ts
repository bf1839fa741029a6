// Row counts of every table of the schema, to prove that a refused request wrote nothing. The
// table list comes from the generated client, so a new table is counted without touching this;
// one query for all of them, because the fuzz tests count before and after every request.
import type { Db } from '@db/client'
import { Prisma } from '@db/generated/sqlite/client'

export type TableCounts = Record<string, number>

// no model is @@map-ped: the tables are named after the models on both databases
const COUNT_ALL = Object.values(Prisma.ModelName)
  .map((model) => `SELECT '${model}' AS "table", COUNT(*) AS "rows" FROM "${model}"`)
  .join(' UNION ALL ')

export async function allTableCounts(db: Db): Promise<TableCounts> {
  const rows = await db.$queryRawUnsafe<{ table: string; rows: number | bigint }[]>(COUNT_ALL)
  const counts: TableCounts = {}
  for (const row of rows) counts[row.table] = Number(row.rows)
  if (Object.keys(counts).length !== Object.keys(Prisma.ModelName).length) throw new Error('a table was not counted')
  return counts
}

/** The tables whose counts differ, as { table: [before, after] } (empty when nothing was written). */
export function changedTables(before: TableCounts, after: TableCounts): Record<string, [number, number]> {
  const changed: Record<string, [number, number]> = {}
  for (const table of Object.keys(before)) if (before[table] !== after[table]) changed[table] = [before[table], after[table]]
  return changed
}
