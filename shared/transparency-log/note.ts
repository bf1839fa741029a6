// C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, and verifier keys
// ("vkeys"). Verification only needs the public key, so it runs in the mini-program; the
// portal signs the exact note text with node:crypto and formats the line with
// noteSignatureLine().
//
// Rules followed from the spec: a note is valid UTF-8 with no control characters but
// newline; the text ends with a newline and is separated from the signature lines by the LAST
// blank line; signatures from unknown (name, key ID) pairs are ignored; a failing signature
// from a known key rejects the whole note; at least one known key must verify.

import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, decodeBase64, encodeBase64, isWellFormedText, utf8Encode } from './bytes'

/** Signature type byte of Ed25519 note signatures. */
export const ED25519_SIGNATURE_TYPE = 0x01
/** More signature lines than this make a note malformed (the spec requires accepting ≥ 16). */
export const MAX_NOTE_SIGNATURES = 100
const SIGNATURE_PREFIX = '\u2014 ' // em dash, space

/** A parsed Ed25519 verifier key. */
export interface VerifierKey {
  name: string
  /** uint32 key ID: first 4 bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ publicKey) */
  keyHash: number
  /** 32-byte Ed25519 public key */
  publicKey: Uint8Array
}

export interface NoteSignature {
  name: string
  keyHash: number
  /** the signature bytes after the 4-byte key ID (64 bytes for Ed25519) */
  signature: Uint8Array
}

export type NoteVerification =
  | { ok: true; text: string; verifiedBy: string[] }
  | { ok: false; reason: string }

/** Non-empty, no Unicode spaces, no '+', no control characters. */
export function isValidKeyName(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && isWellFormedText(name) && !/[\s+\u0000-\u001f\u007f]/u.test(name)
}

function requireKeyName(name: string): void {
  if (!isValidKeyName(name)) throw new RangeError(`invalid note key name ${JSON.stringify(name)}`)
}

function requirePublicKey(publicKey: Uint8Array): void {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes')
}

/** The key ID of an Ed25519 key: SHA-256(name ‖ "\n" ‖ 0x01 ‖ publicKey)[:4] as a uint32. */
export function keyHash(name: string, publicKey: Uint8Array): number {
  requireKeyName(name)
  requirePublicKey(publicKey)
  const h = sha256(concatBytes(utf8Encode(name), Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE), publicKey))
  return ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0')

/** `<name>+<hex key ID>+<base64(0x01 ‖ publicKey)>`. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const id = keyHash(name, publicKey)
  return `${name}+${hex8(id)}+${encodeBase64(concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), publicKey))}`
}

/**
 * A vkey string → key; null unless it is an Ed25519 vkey whose key ID matches its name and
 * key (a mismatched ID is a copy-paste error that would make every note fail).
 */
export function parseVerifierKey(s: string): VerifierKey | null {
  if (typeof s !== 'string') return null
  // split at the first two '+' only: a name has none, but base64 may
  const first = s.indexOf('+')
  const second = first < 0 ? -1 : s.indexOf('+', first + 1)
  if (second < 0) return null
  const name = s.slice(0, first)
  const idHex = s.slice(first + 1, second)
  const keyB64 = s.slice(second + 1)
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) return null
  const key = decodeBase64(keyB64)
  if (!key || key.length !== 33 || key[0] !== ED25519_SIGNATURE_TYPE) return null
  const publicKey = key.slice(1)
  const id = keyHash(name, publicKey)
  if (hex8(id) !== idHex) return null
  return { name, keyHash: id, publicKey }
}

/** The bytes a signature covers: the UTF-8 note text, final newline included. */
export function noteMessage(text: string): Uint8Array {
  requireNoteText(text)
  return utf8Encode(text)
}

function hasForbiddenControl(s: string): boolean {
  return /[\u0000-\u0009\u000b-\u001f]/.test(s)
}

function requireNoteText(text: string): void {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new RangeError('note text must end with a newline')
  if (!isWellFormedText(text) || hasForbiddenControl(text)) throw new RangeError('note text must be UTF-8 with no control characters but newline')
}

/** `— <name> <base64(keyID ‖ signature)>\n`. */
export function noteSignatureLine({ name, keyHash: id, signature }: NoteSignature): string {
  requireKeyName(name)
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError('key ID must be a uint32')
  const prefix = Uint8Array.of(id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff)
  return `${SIGNATURE_PREFIX}${name} ${encodeBase64(concatBytes(prefix, signature))}\n`
}

/** text (ending in a newline) + blank line + one line per signature. */
export function formatSignedNote(text: string, signatures: readonly NoteSignature[]): string {
  requireNoteText(text)
  if (signatures.length === 0) throw new RangeError('a signed note needs at least one signature')
  return `${text}\n${signatures.map(noteSignatureLine).join('')}`
}

/** Splits a signed note into its text and signature lines; null if malformed. Checks no signature. */
export function parseSignedNote(s: string): { text: string; signatures: NoteSignature[] } | null {
  if (typeof s !== 'string' || !isWellFormedText(s) || hasForbiddenControl(s)) return null
  const split = s.lastIndexOf('\n\n')
  if (split < 0) return null
  const text = s.slice(0, split + 1)
  const block = s.slice(split + 2)
  if (!block.endsWith('\n')) return null
  const lines = block.slice(0, -1).split('\n')
  if (lines.length > MAX_NOTE_SIGNATURES) return null
  const signatures: NoteSignature[] = []
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return null
    const rest = line.slice(SIGNATURE_PREFIX.length)
    const space = rest.indexOf(' ')
    if (space < 0) return null
    const name = rest.slice(0, space)
    const bytes = decodeBase64(rest.slice(space + 1))
    if (!isValidKeyName(name) || !bytes || bytes.length < 5) return null
    const id = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
    signatures.push({ name, keyHash: id, signature: bytes.slice(4) })
  }
  return { text, signatures }
}

/**
 * Verifies a signed note against trusted keys (vkey strings or parsed keys). Signatures by
 * other keys are ignored; any failing signature by a trusted key, or none verifying, rejects.
 * Throws only if a given vkey string is malformed (a configuration error).
 */
export function verifySignedNote(s: string, verifierKeys: readonly (string | VerifierKey)[]): NoteVerification {
  const keys = verifierKeys.map((k) => {
    if (typeof k !== 'string') return k
    const parsed = parseVerifierKey(k)
    if (!parsed) throw new RangeError(`malformed verifier key ${JSON.stringify(k)}`)
    return parsed
  })
  const note = parseSignedNote(s)
  if (!note) return { ok: false, reason: 'malformed signed note' }
  const message = utf8Encode(note.text)
  const verifiedBy: string[] = []
  for (const sig of note.signatures) {
    const key = keys.find((k) => k.name === sig.name && k.keyHash === sig.keyHash)
    if (!key) continue
    let valid = false
    try {
      valid = sig.signature.length === 64 && ed25519.verify(sig.signature, message, key.publicKey, { zip215: false })
    } catch {
      valid = false
    }
    if (!valid) return { ok: false, reason: `invalid signature by ${sig.name}` }
    if (!verifiedBy.includes(sig.name)) verifiedBy.push(sig.name)
  }
  if (verifiedBy.length === 0) return { ok: false, reason: 'no signature by a trusted key' }
  return { ok: true, text: note.text, verifiedBy }
}
