// A backup of the database DATABASE_URL names, taken while the portal runs (README "Backups"):
//
//   npm run db:backup -- --out backups/portal-2026-12-04.db        (SQLite: a database file)
//   npm run db:backup -- --out backups/portal-2026-12-04.dump      (PostgreSQL: pg_dump custom format)
//
// Exit 0 with the file and its size; 1 when the backup failed (nothing left behind); 2 on bad usage.
import { parseArgs } from 'node:util'
import { BackupError, backupDatabase } from './backup-restore.ts'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
if (!values.out) {
  console.error('usage: npm run db:backup -- --out <file>')
  process.exit(2)
}
try {
  const started = Date.now()
  const result = await backupDatabase(process.env.DATABASE_URL || 'file:./data/portal.db', values.out)
  console.log(`${result.provider} backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`)
} catch (error) {
  console.error(error instanceof BackupError ? `backup failed: ${error.message}` : error)
  process.exit(1)
}
