// The personal-data key ring: from a key file (several keys and the active one, for rotation), or
// from secrets passed in by the caller (environment), or both — a secret given directly becomes
// the active key and the file's keys still open older values. The callers (web/lib/db.ts, the
// operator commands) read the settings; this module reads only the file it is told to.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { KEY_BYTES, KEY_ID_PATTERN, type PersonalDataKeyRing } from './field-cipher'

export const DEFAULT_PERSONAL_DATA_KEYS_FILE = 'keys/personal-data-keys.json'

/** A 32-byte secret written as 64 hex characters or as base64 / base64url. */
export function decodeSecret(text: string): Buffer | null {
  const s = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex')
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) return null
  const bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return bytes.length === KEY_BYTES ? bytes : null
}

const secret = z.string().refine((s) => decodeSecret(s) !== null, { error: 'must be 32 bytes as 64 hex characters or base64' })
const keyId = z.string().regex(KEY_ID_PATTERN, { error: 'must be 1–32 characters A-Z a-z 0-9 _ -' })

export const keyFileSchema = z
  .object({
    activeKeyId: keyId,
    keys: z.array(z.object({ keyId, key: secret, createdAt: z.string().optional() })).min(1),
    hmacKey: secret,
  })
  .superRefine((file, ctx) => {
    const ids = file.keys.map((k) => k.keyId)
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['keys'], message: 'key ids must be unique' })
    if (!ids.includes(file.activeKeyId)) ctx.addIssue({ code: 'custom', path: ['activeKeyId'], message: 'must be the id of one of the keys' })
  })
export type PersonalDataKeyFile = z.infer<typeof keyFileSchema>

export class PersonalDataKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PersonalDataKeyError'
  }
}

export function keyRingFromFile(content: unknown, source = 'the personal-data key file'): PersonalDataKeyRing {
  const parsed = keyFileSchema.safeParse(content)
  if (!parsed.success) {
    throw new PersonalDataKeyError(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`)
  }
  const f = parsed.data
  return {
    activeKeyId: f.activeKeyId,
    keys: new Map(f.keys.map((k) => [k.keyId, decodeSecret(k.key)!])),
    hmacKey: decodeSecret(f.hmacKey)!,
  }
}

export interface PersonalDataKeySettings {
  /** the key file; when not given, DEFAULT_PERSONAL_DATA_KEYS_FILE is read if it exists */
  file?: string
  /** the active key's secret, kept out of the file */
  key?: string
  /** its id (default "env") */
  keyId?: string
  hmacKey?: string
}

/** The ring from the settings, relative paths from `cwd`; throws naming what is missing or wrong. */
export function loadPersonalDataKeyRing(settings: PersonalDataKeySettings, cwd = process.cwd()): PersonalDataKeyRing {
  const file = path.resolve(cwd, settings.file || DEFAULT_PERSONAL_DATA_KEYS_FILE)
  let fromFile: PersonalDataKeyRing | null = null
  if (fs.existsSync(file)) {
    fromFile = keyRingFromFile(JSON.parse(fs.readFileSync(file, 'utf8')), file)
  } else if (settings.file) {
    throw new PersonalDataKeyError(`PERSONAL_DATA_KEYS_FILE ${file} does not exist`)
  }
  if (!settings.key) {
    if (!fromFile) {
      throw new PersonalDataKeyError(
        `no personal-data key: set PERSONAL_DATA_KEYS_FILE (or create ${DEFAULT_PERSONAL_DATA_KEYS_FILE} with npx tsx scripts/personal-data/generate-demo-keys.ts) or PERSONAL_DATA_KEY and PERSONAL_DATA_HMAC_KEY`,
      )
    }
    if (settings.hmacKey) return { ...fromFile, hmacKey: secretOrThrow(settings.hmacKey, 'PERSONAL_DATA_HMAC_KEY') }
    return fromFile
  }
  const id = settings.keyId || 'env'
  if (!KEY_ID_PATTERN.test(id)) throw new PersonalDataKeyError('PERSONAL_DATA_KEY_ID must be 1–32 characters A-Z a-z 0-9 _ -')
  const hmacKey = settings.hmacKey ? secretOrThrow(settings.hmacKey, 'PERSONAL_DATA_HMAC_KEY') : fromFile?.hmacKey
  if (!hmacKey) throw new PersonalDataKeyError('PERSONAL_DATA_KEY is set but PERSONAL_DATA_HMAC_KEY is not (and no key file gives one)')
  const keys = new Map(fromFile?.keys ?? [])
  keys.set(id, secretOrThrow(settings.key, 'PERSONAL_DATA_KEY'))
  return { activeKeyId: id, keys, hmacKey }
}

function secretOrThrow(text: string, name: string): Buffer {
  const bytes = decodeSecret(text)
  if (!bytes) throw new PersonalDataKeyError(`${name} must be 32 bytes as 64 hex characters or base64`)
  return bytes
}

/** A new key file with one random key and a random HMAC key. */
export function createKeyFile(now = new Date()): PersonalDataKeyFile {
  return {
    activeKeyId: 'k1',
    keys: [{ keyId: 'k1', key: randomBytes(KEY_BYTES).toString('base64'), createdAt: now.toISOString() }],
    hmacKey: randomBytes(KEY_BYTES).toString('base64'),
  }
}

/** Adds a random key with the next id and makes it the active one; the old keys stay to open old values. */
export function addKeyToFile(content: unknown, now = new Date()): { file: PersonalDataKeyFile; newKeyId: string } {
  const current = keyFileSchema.parse(content)
  const numbers = current.keys.map((k) => /^k(\d+)$/.exec(k.keyId)?.[1]).filter((n): n is string => n !== undefined).map(Number)
  const newKeyId = `k${Math.max(0, ...numbers) + 1}`
  return {
    newKeyId,
    file: {
      ...current,
      activeKeyId: newKeyId,
      keys: [...current.keys, { keyId: newKeyId, key: randomBytes(KEY_BYTES).toString('base64'), createdAt: now.toISOString() }],
    },
  }
}
