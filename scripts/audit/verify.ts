// Verifies the audit log's hash chain: `npm run audit:verify`.
//
// Reads only DATABASE_URL. Prints the number of entries and "hash chain intact" (exit 0), or the
// first broken entry's seq, time, action and entity (exit 1): an entry edited in place breaks its
// own hash, a deleted or reordered one breaks the link of the entry after it. (Removing the newest
// entries leaves a shorter chain that still holds; the count printed is the check for that.)
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
    const check = await checkAuditChain(db)
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
