// The platform's certificate keys, loaded from configuration once per process.
//
//   CERTIFICATE_KEYS_FILE        path of the JSON key file (default keys/certificate-keys.json,
//                                relative to the working directory; see shared/certificates/key-file.ts for the format)
//   CERTIFICATE_SIGNING_KEY_HEX  optional: the active key's secret, instead of keeping it in the file
//
// Only the active key signs, and a retired key (notAfter set) signs nothing new; every key in the
// file is published (JWKS) and used for verification. Create demo keys with
// `npx tsx scripts/keys/generate-demo-keys.ts`.
import fs from 'node:fs'
import path from 'node:path'
import { env } from '@web/lib/env'
import { DEFAULT_KEY_FILE, KeyFileError, parseKeyFile, selectSigningKey, type ActiveSigningKey, type KeyRing } from '@shared/certificates/key-file'

export { KeyFileError, NoSigningKeyError, type ActiveSigningKey, type KeyRing } from '@shared/certificates/key-file'

/** No key file is configured (the file does not exist): the server cannot sign or verify. */
export class KeyRingUnavailableError extends Error {
  constructor(readonly file: string) {
    super(`未配置证书签名密钥文件 / certificate key file not found: ${file} (run: npx tsx scripts/keys/generate-demo-keys.ts)`)
    this.name = 'KeyRingUnavailableError'
  }
}

export interface KeyRingConfig {
  keysFile?: string
  secretKeyHex?: string | null
}

export function keyFilePath(config: KeyRingConfig = {}): string {
  // a run-time path, not a file of the app: keep the build from tracing the whole project for it
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), config.keysFile ?? env.CERTIFICATE_KEYS_FILE ?? DEFAULT_KEY_FILE)
}

/** Reads and validates the key file; throws KeyRingUnavailableError or KeyFileError. Not cached. */
export function readKeyRing(config: KeyRingConfig = {}): KeyRing {
  const file = keyFilePath(config)
  let text: string
  try {
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new KeyRingUnavailableError(file)
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new KeyFileError([`不是有效的 JSON / not valid JSON: ${error instanceof Error ? error.message : String(error)}`], file)
  }
  const secretKeyHex = config.secretKeyHex === undefined ? env.CERTIFICATE_SIGNING_KEY_HEX : config.secretKeyHex
  return parseKeyFile(json, { secretKeyHex, source: file })
}

// Cached on globalThis so that dev hot reloads do not re-read the file on every request. Only a
// successful load is cached: a missing file is looked for again on the next call.
const globalForKeys = globalThis as typeof globalThis & { __certificateKeyRing?: KeyRing }

/** The key ring of this process (read once). Throws KeyRingUnavailableError / KeyFileError. */
export function loadKeyRing(): KeyRing {
  globalForKeys.__certificateKeyRing ??= readKeyRing()
  return globalForKeys.__certificateKeyRing
}

/** Tests only: forget the cached key ring (or replace it). */
export function setKeyRingForTesting(ring: KeyRing | undefined): void {
  globalForKeys.__certificateKeyRing = ring
}

/** The key that signs a certificate issued on issuedOn ('YYYY-MM-DD'); see selectSigningKey. */
export function signingKeyFor(issuedOn: string): ActiveSigningKey {
  return selectSigningKey(loadKeyRing(), issuedOn)
}
