// Writes the public key file of a public instance (PORTAL_ROLE=public): the JWKS document of every
// key in the private key file — public parts, validity windows and compromise dates, no secret.
//
//   npm run keys:export-public -- --out keys/certificate-public-keys.json
//
// Reads CERTIFICATE_KEYS_FILE (default keys/certificate-keys.json) on the staff side. Run it again
// after every rotation or compromise and ship the file to the public instances, which read it as
// their CERTIFICATE_KEYS_FILE.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULT_KEY_FILE } from '../../shared/certificates/key-file.ts'
import { exportPublicKeyFile } from '../../shared/certificates/key-ring-file.ts'

const USAGE = 'usage: npm run keys:export-public -- --out <file>'

export function main(argv: string[], env: Record<string, string | undefined> = process.env): string {
  const outIndex = argv.indexOf('--out')
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined
  const rest = argv.filter((_, i) => i !== outIndex && i !== outIndex + 1)
  if (!out || out.startsWith('--') || rest.length) throw new Error(USAGE)
  const source = path.resolve(process.cwd(), env.CERTIFICATE_KEYS_FILE || DEFAULT_KEY_FILE)
  const target = path.resolve(process.cwd(), out)
  if (target === source) throw new Error(`--out must not be the private key file itself: ${source}`)
  const jwks = exportPublicKeyFile(JSON.parse(fs.readFileSync(source, 'utf8')))
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const tmp = `${target}.${process.pid}.tmp`
  // public, but still replaced atomically so that an instance never reads half a file
  fs.writeFileSync(tmp, JSON.stringify(jwks, null, 2) + '\n', { mode: 0o644, flag: 'wx' })
  fs.renameSync(tmp, target)
  const compromised = jwks.keys.filter((k) => k.compromised_from !== undefined).map((k) => k.kid)
  return [
    `已导出公钥文件 / exported ${jwks.keys.length} public key(s): ${jwks.keys.map((k) => k.kid).join(', ')} -> ${target}`,
    compromised.length ? `  compromised: ${compromised.join(', ')}` : '',
    '  公开实例设置 PORTAL_ROLE=public 与 CERTIFICATE_KEYS_FILE=<此文件> / on public instances set PORTAL_ROLE=public and CERTIFICATE_KEYS_FILE=<this file>',
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
