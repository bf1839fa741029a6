// Creates the platform's demo certificate signing key, or rotates it.
//
//   npx tsx scripts/keys/generate-demo-keys.ts            create keys/certificate-keys.json with
//                                                        key 1 (valid from 2014-01-01) if absent
//   npx tsx scripts/keys/generate-demo-keys.ts --rotate   add a key (next id, valid from today),
//                                                        retire the active one (notAfter = yesterday)
//
// The file path is CERTIFICATE_KEYS_FILE (default keys/certificate-keys.json, git-ignored). The
// file holds secret keys: it is written with mode 0600 and never overwritten without --rotate.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chinaDateOf } from '../../shared/dates/calendar-date.ts'
import { createDemoKeyFile, DEFAULT_KEY_FILE, rotateKeyFile } from '../../shared/certificates/key-file.ts'
import { writeSecretJsonFile } from '../lib/write-secret-json-file.ts'

export function main(argv: string[], env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const rotate = argv.includes('--rotate')
  const unknown = argv.filter((a) => a !== '--rotate')
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(' ')} (usage: generate-demo-keys.ts [--rotate])`)
  const file = path.resolve(process.cwd(), env.CERTIFICATE_KEYS_FILE || DEFAULT_KEY_FILE)
  const exists = fs.existsSync(file)
  if (!rotate) {
    if (exists) return `密钥文件已存在，未作改动 / key file exists, left unchanged: ${file} (use --rotate to add a new key)`
    const content = createDemoKeyFile()
    writeSecretJsonFile(file, content, true)
    const key = content.keys[0]
    return `已生成演示密钥 / generated demo key: keyId ${key.keyId}, notBefore ${key.notBefore}, public key ${key.publicKeyHex}\n  -> ${file} (mode 0600)`
  }
  if (!exists) throw new Error(`no key file to rotate: ${file} (run without --rotate first)`)
  const current: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  const { file: next, retiredKeyId, newKeyId } = rotateKeyFile(current, chinaDateOf(now))
  writeSecretJsonFile(file, next, false)
  const added = next.keys.find((k) => k.keyId === newKeyId)!
  const retired = next.keys.find((k) => k.keyId === retiredKeyId)
  return [
    `已轮换签名密钥 / rotated: new active keyId ${newKeyId} (notBefore ${added.notBefore}, public key ${added.publicKeyHex})`,
    retired ? `  retired keyId ${retired.keyId}: notAfter ${retired.notAfter} (stays published in the JWKS)` : '  (there was no active key to retire)',
    `  -> ${file} (mode 0600)`,
  ].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(main(process.argv.slice(2)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
