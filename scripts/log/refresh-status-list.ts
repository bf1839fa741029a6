// Operator command: re-sign the revocation status list now, with a new validity (7 days), its groups
// rebuilt from the certificates. The staff instance does this by itself once a day; run it from
// cron where no staff instance runs, or after restoring a backup.
//
//   npm run log:refresh-status-list            (re-signs now)
//   npm run log:refresh-status-list -- --if-due   (only when the list is a day old or missing)
//
// Reads DATABASE_URL and the log key (LOG_KEY_FILE, default keys/log-key.json, or
// LOG_SIGNING_KEY_HEX; PORTAL_ROLE=public has no signing key and is refused), as the portal does.
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError } from '../../prisma/database-url.ts'
import { LogKeyError } from '../../web/server/transparency-log/log-key.ts'
import { logKeyFromEnvironment } from './log-key-from-environment.ts'
import { refreshStatusList, refreshStatusListIfDue } from '../../web/server/status-list/refresh-status-list.ts'

const USAGE = 'usage: refresh-status-list.ts [--if-due]'

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { 'if-due': { type: 'boolean' } }, strict: true }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  let db
  try {
    logKeyFromEnvironment(env)
    db = createDb(env.DATABASE_URL || undefined)
  } catch (error) {
    if (!(error instanceof DatabaseUrlError || error instanceof LogKeyError)) throw error
    console.error(error.message)
    return 2
  }
  try {
    const refreshed = values['if-due'] ? await refreshStatusListIfDue(db) : await refreshStatusList(db)
    if (!refreshed) {
      console.log('撤销状态列表签发未满一天，无需重新签名 / status list is less than a day old: not re-signed')
      return 0
    }
    console.log(
      `已重新签名撤销状态列表 / status list re-signed: ${refreshed.revoked} revoked in ${refreshed.groups} group(s), ` +
        `issued ${refreshed.issuedAt.toISOString()}, valid until ${refreshed.validUntil.toISOString()}`,
    )
    return 0
  } catch (error) {
    if (error instanceof LogKeyError) {
      console.error(error.message)
      return 1
    }
    throw error
  } finally {
    await db.$disconnect()
  }
}

process.exitCode = await main(process.argv.slice(2))
