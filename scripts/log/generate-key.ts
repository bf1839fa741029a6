// Creates the transparency log's key file (an Ed25519 key of its own, not a certificate key).
//
//   npm run log:generate-key                 create keys/log-key.json if absent; the origin is
//                                            LOG_ORIGIN, else PORTAL_ORIGIN's host + /log
//   npm run log:generate-key -- --public OUT write OUT: the same without the secret, for the public
//                                            instances (PORTAL_ROLE=public, LOG_KEY_FILE=OUT)
//
// The path is LOG_KEY_FILE (default keys/log-key.json, git-ignored); written with mode 0600 and
// never overwritten: a log's key and origin are its identity, and changing them starts a new log
// that monitors will not accept as the continuation of the old one.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLogKeyFile, DEFAULT_LOG_KEY_FILE, demoLogOrigin, publicLogKeyFile, readLogKey } from '../../web/server/transparency-log/log-key.ts'
import { writeSecretJsonFile } from '../lib/write-secret-json-file.ts'

export function main(argv: string[], env: Record<string, string | undefined> = process.env): string {
  const file = path.resolve(process.cwd(), env.LOG_KEY_FILE || DEFAULT_LOG_KEY_FILE)
  if (argv[0] === '--public') {
    const out = argv[1]
    if (!out || argv.length !== 2) throw new Error('usage: generate-key.ts --public <output file>')
    const content = publicLogKeyFile(JSON.parse(fs.readFileSync(file, 'utf8')))
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
    fs.writeFileSync(out, JSON.stringify(content, null, 2) + '\n', { flag: 'wx' })
    return `已导出日志公钥文件 / wrote the public log key file -> ${path.resolve(out)}`
  }
  if (argv.length) throw new Error(`unknown argument(s): ${argv.join(' ')} (usage: generate-key.ts [--public <output file>])`)
  if (fs.existsSync(file)) {
    return `日志密钥文件已存在，未作改动 / log key file exists, left unchanged: ${file}\n  vkey: ${readLogKey({ file }).verifierKey}`
  }
  const origin = env.LOG_ORIGIN || demoLogOrigin(env.PORTAL_ORIGIN || 'http://localhost:3000')
  writeSecretJsonFile(file, createLogKeyFile(origin, new Uint8Array(randomBytes(32))), true)
  return `已生成透明日志密钥 / generated the transparency log key: origin ${origin}\n  vkey: ${readLogKey({ file }).verifierKey}\n  -> ${file} (mode 0600)`
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(main(process.argv.slice(2)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
