// Verifies the audit log's hash chain: `npm run audit:verify`.
//
// Reads only DATABASE_URL. Prints the number of entries and "hash chain intact" (exit 0), or the
// first broken entry's seq, time, action and entity (exit 1): an entry edited in place breaks its
// own hash, a deleted or reordered one breaks the link of the entry after it. A database it cannot
// read exits 2. Removing the newest entries leaves a shorter chain that still holds, so the command
// prints the head (seq:hash of the newest entry): keep it outside the database (or publish it) and
// pass it back with `--head <seq>:<hash>` (or AUDIT_EXPECTED_HEAD): if that entry is gone or
// changed, the log was cut back or rewritten, and the check fails (exit 1).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError } from '../../prisma/database-url.ts'
import { checkAuditChain, parseAuditHead } from '../../web/server/audit/check-audit-chain.ts'

export async function main(env: Record<string, string | undefined> = process.env, out = console, args = process.argv.slice(2)): Promise<number> {
  const headArg = args.includes('--head') ? args[args.indexOf('--head') + 1] : env.AUDIT_EXPECTED_HEAD
  const expectedHead = headArg ? parseAuditHead(headArg) : undefined
  if (headArg && !expectedHead) {
    out.error(`--head must be <seq>:<64 hex characters>, as this command prints it; got "${headArg}"`)
    return 2
  }
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
      check = await checkAuditChain(db, new Date(), expectedHead ?? undefined)
    } catch (error) {
      // an unreachable or unmigrated database is not a broken chain: say so, exit 2
      const code = (error as { code?: string }).code
      out.error(code === 'P2021' ? 'the database has no audit log table: run npm run db:migrate first' : `cannot read the audit log: ${(error as Error).message}`)
      return 2
    }
    out.log(`audit log: ${check.entries} entries`)
    if (check.head) out.log(`head: ${check.head.seq}:${check.head.hash} (keep it; pass it with --head next time)`)
    if (check.expectedHeadFound === false) {
      out.error(`the recorded head ${expectedHead!.seq}:${expectedHead!.hash.slice(0, 12)}… is gone or changed: entries were removed or rewritten`)
      return 1
    }
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
