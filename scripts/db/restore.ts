// Restores a backup made by `npm run db:backup` into the database DATABASE_URL names (README
// "Backups"). Stop the portal first. An empty database (a new SQLite path, or a new PostgreSQL
// database made with createdb) is required unless --force, which replaces what the database holds.
//
//   npm run db:restore -- --from backups/portal-2026-12-04.dump [--force]
//
// Exit 0 with the row count of each table; 1 when the restore failed; 2 on bad usage.
import { parseArgs } from 'node:util'
import { BackupError, restoreDatabase } from './backup-restore.ts'
import { tableDigests } from './table-digests.ts'

const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } } })
if (!values.from) {
  console.error('usage: npm run db:restore -- --from <file> [--force]')
  process.exit(2)
}
const url = process.env.DATABASE_URL || 'file:./data/portal.db'
try {
  await restoreDatabase(url, values.from, { force: values.force })
  const tables = await tableDigests(url)
  console.log(`restored ${values.from}: ${tables.length} tables`)
  for (const t of tables) console.log(`  ${t.table.padEnd(32)} ${String(t.rows).padStart(9)} rows`)
} catch (error) {
  console.error(error instanceof BackupError ? `restore failed: ${error.message}` : error)
  process.exit(1)
}
