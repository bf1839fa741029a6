// Creates the personal-data key file (AES-256-GCM keys and the look-up HMAC key), or adds a key.
//
//   npx tsx scripts/personal-data/generate-demo-keys.ts            create keys/personal-data-keys.json
//                                                                 with key k1 if absent
//   npx tsx scripts/personal-data/generate-demo-keys.ts --add-key  add a key (next id) and make it the
//                                                                 active one; then npm run pii:rekey
//
// The path is PERSONAL_DATA_KEYS_FILE (default keys/personal-data-keys.json, git-ignored). The file
// holds secret keys: written with mode 0600, never overwritten without --add-key; losing it loses
// every encrypted ID number and phone number, so production keeps a copy offline.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { addKeyToFile, createKeyFile, DEFAULT_PERSONAL_DATA_KEYS_FILE } from '../../web/server/personal-data/key-ring.ts'
import { writeSecretJsonFile } from '../lib/write-secret-json-file.ts'

export function main(argv: string[], env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const add = argv.includes('--add-key')
  const unknown = argv.filter((a) => a !== '--add-key')
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(' ')} (usage: generate-demo-keys.ts [--add-key])`)
  const file = path.resolve(process.cwd(), env.PERSONAL_DATA_KEYS_FILE || DEFAULT_PERSONAL_DATA_KEYS_FILE)
  const exists = fs.existsSync(file)
  if (!add) {
    if (exists) return `个人信息密钥文件已存在，未作改动 / personal-data key file exists, left unchanged: ${file}`
    writeSecretJsonFile(file, createKeyFile(now), true)
    return `已生成个人信息加密密钥 / generated personal-data keys: active key k1 -> ${file} (mode 0600)`
  }
  if (!exists) throw new Error(`no key file to add a key to: ${file} (run without --add-key first)`)
  const { file: next, newKeyId } = addKeyToFile(JSON.parse(fs.readFileSync(file, 'utf8')), now)
  writeSecretJsonFile(file, next, false)
  return `已添加个人信息加密密钥 / added personal-data key ${newKeyId}, now the active one -> ${file}\n  re-encrypt the stored values with: npm run pii:rekey`
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(main(process.argv.slice(2)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
