// Field-level encryption of personal data (ID numbers, phone numbers, objection contact details)
// with AES-256-GCM, and the keyed hash that stands in for the plain value wherever the database
// must find or de-duplicate one.
//
// Stored form: `v1:<keyId>:<base64url(iv | ciphertext | tag)>`: a 96-bit random IV per value,
// the 128-bit tag last. The key id says which key of the ring opens it, so keys rotate without
// a flag day (old values open with their own key until `npm run pii:rekey` re-encrypts them).
// The field's name is authenticated too (AAD), so a ciphertext copied from one column into
// another (a phone into an ID number) fails to open instead of showing the wrong thing.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

export const CIPHER_VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
const STORED_PATTERN = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+)$/

/** The columns that hold encrypted values; the name is bound into each value's tag. */
export type PersonalDataField = 'person.idNumber' | 'person.phone' | 'objection.contactPhone' | 'objection.email'
/** What a keyed hash stands for: separate domains, so an ID number's hash never equals a phone's. */
export type LookupKind = 'idNumber' | 'phone'

export interface PersonalDataKeyRing {
  /** the key new values are encrypted with */
  readonly activeKeyId: string
  /** every key that may still open stored values, by id (the active one included) */
  readonly keys: ReadonlyMap<string, Buffer>
  /** the HMAC-SHA-256 key of the look-up hashes: one at a time (changing it means pii:rekey) */
  readonly hmacKey: Buffer
}

export class PersonalDataCipherError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PersonalDataCipherError'
  }
}

/** Whether a stored value has the encrypted form (anything else is a value written before encryption). */
export function isEncrypted(stored: string): boolean {
  return STORED_PATTERN.test(stored)
}

/** The id of the key a stored value was encrypted with, or null when it is not encrypted. */
export function keyIdOf(stored: string): string | null {
  return STORED_PATTERN.exec(stored)?.[1] ?? null
}

function aad(field: PersonalDataField, keyId: string): Buffer {
  return Buffer.from(`${CIPHER_VERSION}:${keyId}:${field}`, 'utf8')
}

export function encryptField(ring: PersonalDataKeyRing, field: PersonalDataField, plain: string): string {
  const key = ring.keys.get(ring.activeKeyId)
  if (!key) throw new PersonalDataCipherError(`the active personal-data key ${ring.activeKeyId} is not in the key ring`)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad(field, ring.activeKeyId))
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `${CIPHER_VERSION}:${ring.activeKeyId}:${body.toString('base64url')}`
}

export function decryptField(ring: PersonalDataKeyRing, field: PersonalDataField, stored: string): string {
  const match = STORED_PATTERN.exec(stored)
  if (!match) throw new PersonalDataCipherError(`${field}: not an encrypted value`)
  const [, keyId, encoded] = match
  const key = ring.keys.get(keyId)
  if (!key) throw new PersonalDataCipherError(`${field}: encrypted with key ${keyId}, which the key ring does not hold`)
  const body = Buffer.from(encoded, 'base64url')
  if (body.length < IV_BYTES + TAG_BYTES) throw new PersonalDataCipherError(`${field}: encrypted value is truncated`)
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(aad(field, keyId))
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    // GCM says only "unable to authenticate": a changed value, a wrong key under the right id, or the wrong column
    throw new PersonalDataCipherError(`${field}: encrypted value fails authentication (altered, or not made with key ${keyId})`)
  }
}

/** The keyed hash of an already normalised value: equal plain values, equal hashes; no key, no guessing. */
export function lookupHash(ring: PersonalDataKeyRing, kind: LookupKind, normalized: string): string {
  return createHmac('sha256', ring.hmacKey).update(`${kind}\u0000${normalized}`, 'utf8').digest('base64url')
}
