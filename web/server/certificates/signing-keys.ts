// The platform's certificate keys, loaded once per process from the settings the caller passes:
//
//   keysFile        path of the JSON key file (default keys/certificate-keys.json, relative to the
//                   working directory; see shared/certificates/key-file.ts for the format)
//   signingKeyHex   optional: the active key's secret, instead of keeping it in the file
//   role            the instance's role (PORTAL_ROLE, default 'all'): a 'public' instance accepts
//                   only public keys (shared/certificates/key-ring-file.ts) and so can never sign
//
// The portal reads them from CERTIFICATE_KEYS_FILE / CERTIFICATE_SIGNING_KEY_HEX
// (web/lib/certificates/portal-certificates.ts); operator commands read the same two variables
// themselves, so that they do not need the web server's whole environment.
//
// Only the active key signs, and a retired key (notAfter set) signs nothing new; every key in the
// file is published (JWKS) and used for verification. Create demo keys with
// `npx tsx scripts/keys/generate-demo-keys.ts`.
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_KEY_FILE, KeyFileError, selectSigningKey, type ActiveSigningKey, type KeyRing } from '@shared/certificates/key-file'
import { parseKeyRingFile, type PortalRole } from '@shared/certificates/key-ring-file'

export { KeyFileError, NoSigningKeyError, type ActiveSigningKey, type KeyRing } from '@shared/certificates/key-file'

/** No key file is configured (the file does not exist): the server cannot sign or verify. */
export class KeyRingUnavailableError extends Error {
  constructor(readonly file: string) {
    super(`未配置证书签名密钥文件 / certificate key file not found: ${file} (run: npx tsx scripts/keys/generate-demo-keys.ts)`)
    this.name = 'KeyRingUnavailableError'
  }
}

export interface KeyRingSettings {
  /** the key file; DEFAULT_KEY_FILE when absent */
  keysFile?: string | null
  /** the active key's secret (64 hex characters), overriding the file's */
  signingKeyHex?: string | null
  /** PORTAL_ROLE; 'all' when absent */
  role?: PortalRole
}

export function keyFilePath(settings: KeyRingSettings): string {
  // a run-time path, not a file of the app: keep the build from tracing the whole project for it
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), settings.keysFile || DEFAULT_KEY_FILE)
}

/** Reads and validates the key file; throws KeyRingUnavailableError or KeyFileError. Not cached. */
export function readKeyRing(settings: KeyRingSettings): KeyRing {
  const file = keyFilePath(settings)
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
  return parseKeyRingFile(json, { role: settings.role ?? 'all', secretKeyHex: settings.signingKeyHex ?? null, source: file })
}

// Cached on globalThis so that dev hot reloads do not re-read the file on every request, together
// with the settings it was read with (other settings read again). Only a successful load is
// cached: a missing file is looked for again on the next call.
const TESTING = Symbol('testing')
const globalForKeys = globalThis as typeof globalThis & { __certificateKeyRing?: { settings: string | typeof TESTING; ring: KeyRing } }

/** The key ring for these settings, read once per process. Throws KeyRingUnavailableError / KeyFileError. */
export function loadKeyRing(settings: KeyRingSettings): KeyRing {
  const key = JSON.stringify([keyFilePath(settings), settings.signingKeyHex ?? null, settings.role ?? 'all'])
  const cached = globalForKeys.__certificateKeyRing
  if (cached && (cached.settings === key || cached.settings === TESTING)) return cached.ring
  const ring = readKeyRing(settings)
  globalForKeys.__certificateKeyRing = { settings: key, ring }
  return ring
}

/** Tests only: forget the cached key ring, or replace it whatever the settings. */
export function setKeyRingForTesting(ring: KeyRing | undefined): void {
  globalForKeys.__certificateKeyRing = ring ? { settings: TESTING, ring } : undefined
}

/** The key that signs a certificate issued on issuedOn ('YYYY-MM-DD'); see selectSigningKey. */
export function signingKeyFor(settings: KeyRingSettings, issuedOn: string): ActiveSigningKey {
  return selectSigningKey(loadKeyRing(settings), issuedOn)
}
