// Verifies the audit log's hash chain: `npm run audit:verify`.
//
// Reads only DATABASE_URL. Prints the number of entries and "hash chain intact" (exit 0), or the
// first broken entry's seq, time, action and entity (exit 1): an entry edited in place breaks its
// own hash, a deleted or reordered one breaks the link of the entry after it. A database it cannot
// read exits 2. (Removing the newest entries leaves a shorter chain that still holds; the count
// printed is the check for that.)
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError } from '../../prisma/database-url.ts'
import { checkAuditChain } from '../../web/server/audit/check-audit-chain.ts'

export async function main(env: Record<string, string | undefined> = process.env, out = console): Promise<number> {
  let db
  try {
    db = createDb(env.DATABASE_URL || undefined)
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error
    out.error(error.message)
    return 2
  }
  try {
    let check
    try {
      check = await checkAuditChain(db)
    } catch (error) {
      // an unreachable or unmigrated database is not a broken chain: say so, exit 2
      const code = (error as { code?: string }).code
      out.error(code === 'P2021' ? 'the database has no audit log table: run npm run db:migrate first' : `cannot read the audit log: ${(error as Error).message}`)
      return 2
    }
    out.log(`audit log: ${check.entries} entries`)
    if (check.intact) {
      out.log('hash chain intact')
      return 0
    }
    const b = check.broken
    out.error(
      b
        ? `hash chain broken at seq ${b.seq} (${b.at}, action ${b.action}, ${b.entity} ${b.entityId})`
        : 'hash chain broken (the entry could not be read back)',
    )
    return 1
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main()
