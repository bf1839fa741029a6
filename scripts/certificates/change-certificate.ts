// Staff command until the back office has its forms: revoke or re-issue a certificate.
//
//   npm run cert:revoke  -- --serial P2024460100000123X --reason "以欺骗手段取得施工许可"
//   npm run cert:reissue -- --serial C2024460100000045X --reason "建设单位名称变更"
//
// Uses DATABASE_URL and the key file (CERTIFICATE_KEYS_FILE) like the portal; every change is
// written with its audit entry, and verification answers differently from the next request on.
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { reissueCertificate, revokeCertificate } from '../../web/server/certificates/change-certificate-status.ts'
import { loadKeyRing } from '../../web/server/certificates/signing-keys.ts'
import { getDb } from '../../web/lib/db.ts'
import { CertificateChangeError } from '../../web/server/certificates/certificate-changes-repository.ts'

const USAGE = 'usage: change-certificate.ts revoke|reissue --serial <证书流水号> --reason <原因> [--user <userId>]'

export async function main(argv: string[]): Promise<number> {
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
  const db = getDb()
  try {
    if (command === 'revoke') {
      await revokeCertificate(db, input)
      console.log(`已撤销证书 ${input.serial}`)
    } else {
      const serial = await reissueCertificate(db, loadKeyRing(), input)
      console.log(`已重新签发：${input.serial} → ${serial}（原证书状态为“已替换”）`)
    }
    return 0
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
      return 1
    }
    if (error instanceof CertificateChangeError) {
      console.error(error.message)
      return 1
    }
    throw error
  } finally {
    await db.$disconnect()
  }
}

process.exitCode = await main(process.argv.slice(2))
