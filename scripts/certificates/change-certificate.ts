// Staff command until the back office has its forms: revoke or re-issue a certificate.
//
//   npm run cert:revoke  -- --serial P2024460100000123X --reason "以欺骗手段取得施工许可"
//   npm run cert:reissue -- --serial C2024460100000045X --reason "建设单位名称变更"
//
// Reads only what it needs, not the web server's whole environment (web/lib/env.ts would reject
// a shell without PORTAL_ORIGIN or REDIS settings it has no use for): DATABASE_URL, and for a
// re-issue the key file (CERTIFICATE_KEYS_FILE, default keys/certificate-keys.json) and
// CERTIFICATE_SIGNING_KEY_HEX, the same variables as the portal, and the transparency log's key
// (LOG_KEY_FILE, LOG_SIGNING_KEY_HEX); REDIS_URL and REDIS_KEY_PREFIX to end the portals' cached pages
// at once (scripts/lib/portal-cache.ts). Every change is written with its audit entry and log entry, and verification answers differently from the next request on. A certificate that
// someone else changed meanwhile is refused (证书状态已被他人更改), never changed twice.
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError } from '../../prisma/database-url.ts'
import { reissueCertificate, revokeCertificate } from '../../web/server/certificates/change-certificate-status.ts'
import { KeyFileError, KeyRingUnavailableError, NoSigningKeyError, readKeyRing } from '../../web/server/certificates/signing-keys.ts'
import { CertificateChangeError } from '../../web/server/certificates/certificate-changes-repository.ts'
import { LogKeyError } from '../../web/server/transparency-log/log-key.ts'
import { logKeyFromEnvironment } from '../log/log-key-from-environment.ts'
import { announceToPortals } from '../lib/portal-cache.ts'

const USAGE = 'usage: change-certificate.ts revoke|reissue --serial <证书流水号> --reason <原因> [--user <userId>]'

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv
  if (command !== 'revoke' && command !== 'reissue') {
    console.error(USAGE)
    return 2
  }
  let values
  try {
    ;({ values } = parseArgs({ args: rest, options: { serial: { type: 'string' }, reason: { type: 'string' }, user: { type: 'string' } }, strict: true }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const input = { serial: values.serial ?? '', reason: values.reason ?? '', userId: values.user ?? null }
  let db
  try {
    db = createDb(env.DATABASE_URL || undefined)
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error
    console.error(error.message)
    return 2
  }
  const closeAnnouncement = announceToPortals(env)
  try {
    // the change and its transparency-log entry are one transaction (LOG_KEY_FILE / LOG_SIGNING_KEY_HEX)
    logKeyFromEnvironment(env)
    if (command === 'revoke') {
      await revokeCertificate(db, input)
      console.log(`已撤销证书 ${input.serial}`)
    } else {
      // one command, one read: no process cache to keep
      const keyRing = readKeyRing({ keysFile: env.CERTIFICATE_KEYS_FILE, signingKeyHex: env.CERTIFICATE_SIGNING_KEY_HEX })
      const serial = await reissueCertificate(db, keyRing, input)
      console.log(`已重新签发：${input.serial} → ${serial}（原证书状态为“已替换”）`)
    }
    return 0
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
      return 1
    }
    if (
      error instanceof CertificateChangeError ||
      error instanceof KeyRingUnavailableError ||
      error instanceof KeyFileError ||
      error instanceof NoSigningKeyError ||
      error instanceof LogKeyError
    ) {
      console.error(error.message)
      return 1
    }
    throw error
  } finally {
    await closeAnnouncement()
    await db.$disconnect()
  }
}

process.exitCode = await main(process.argv.slice(2))
