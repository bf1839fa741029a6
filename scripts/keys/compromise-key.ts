// Marks a certificate key compromised from a date, in the private key file:
//
//   npm run keys:compromise -- --kid 1 --from 2026-03-01
//
// From then on the JWKS carries "compromised_from" for the key, certificates it signed with issue
// dates on or after --from verify as not genuine (KEY_COMPROMISED, in the portal and offline in
// the mini-program), and the key signs nothing more. If it was the active key, rotate at once
// (generate-demo-keys.ts --rotate on the staff side) and re-issue the affected certificates; then
// re-export the public key file (npm run keys:export-public) for the public instances and
// restart every instance (keys are read once per process).
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { DEFAULT_KEY_FILE } from '../../shared/certificates/key-file.ts'
import { markKeyCompromised } from '../../shared/certificates/key-ring-file.ts'
import { writeSecretJsonFile } from '../lib/write-secret-json-file.ts'

const USAGE = 'usage: npm run keys:compromise -- --kid <key id> --from <YYYY-MM-DD>'

const argsSchema = z.object({
  kid: z.coerce.number({ error: '--kid must be a key id' }).int('--kid must be a key id').min(1, '--kid must be a key id'),
  from: z.string({ error: '--from is required' }),
})

function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]
    if ((name !== '--kid' && name !== '--from') || argv[i + 1] === undefined) throw new Error(USAGE)
    values[name.slice(2)] = argv[i + 1]
  }
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`)
  return parsed.data
}

export function main(argv: string[], env: Record<string, string | undefined> = process.env): string {
  const { kid, from } = readArgs(argv)
  const file = path.resolve(process.cwd(), env.CERTIFICATE_KEYS_FILE || DEFAULT_KEY_FILE)
  const { file: next, wasActive } = markKeyCompromised(JSON.parse(fs.readFileSync(file, 'utf8')), kid, from)
  writeSecretJsonFile(file, next, false)
  return [
    `已将密钥 ${kid} 标记为自 ${from} 起泄露 / key ${kid} marked compromised from ${from} -> ${file}`,
    wasActive ? '  这是当前签名密钥：请立即轮换（generate-demo-keys.ts --rotate） / it is the active key: rotate now' : '',
    '  然后导出公钥文件并重启所有实例 / then npm run keys:export-public and restart every instance',
  ]
    .filter(Boolean)
    .join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(main(process.argv.slice(2)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
