// The revocation status list, in the spirit of W3C Bitstring Status List v1.0: one bit per
// certificate (its statusIndex), 1 = revoked, packed most significant bit first, GZIP-
// compressed, base64url with the multibase prefix 'u'. At least 131,072 bits (16 KB) so the
// list does not reveal how many certificates exist or which ones were just added (herd
// privacy). It is published as a signed note (same log key, same verification) whose text is
// formatStatusListText(); docs/transparency-log.md documents the lines.
//
// The text's second line is a fixed marker that is never a decimal number, so a status list
// can never be read as a checkpoint signed by the same key, nor a checkpoint as a status list.

import { gunzipSync, gzipSync } from 'fflate'
import { decodeBase64url, encodeBase64url } from '../certificates/base64url'
import { isWellFormedText, parseDecimal } from './bytes'
import { verifySignedNote, type VerifierKey } from './note'

/** Minimum list length in bits (W3C Bitstring Status List: 16 KB uncompressed). */
export const STATUS_LIST_MIN_BITS = 131_072
/** Largest list accepted (16,777,216 certificates, 2 MiB): bounds memory on a phone. */
export const STATUS_LIST_MAX_BITS = 2 ** 24
export const STATUS_LIST_MARKER = 'bitstring-status-list v1'

function requireLength(bits: number): void {
  if (!Number.isInteger(bits) || bits < STATUS_LIST_MIN_BITS || bits > STATUS_LIST_MAX_BITS || bits % 8 !== 0) {
    throw new RangeError(`a status list has ${STATUS_LIST_MIN_BITS}-${STATUS_LIST_MAX_BITS} bits, a multiple of 8; got ${bits}`)
  }
}

/** A zeroed (nothing revoked) packed list of the given number of bits. */
export function newStatusBits(lengthBits: number = STATUS_LIST_MIN_BITS): Uint8Array {
  requireLength(lengthBits)
  return new Uint8Array(lengthBits / 8)
}

/** The smallest valid list length holding `count` indices (grows in 16 KB steps). */
export function statusListLengthFor(count: number): number {
  const steps = Math.max(1, Math.ceil(count / STATUS_LIST_MIN_BITS))
  return steps * STATUS_LIST_MIN_BITS
}

function requireIndex(bits: Uint8Array, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new RangeError(`status index ${index} is outside a list of ${bits.length * 8} bits`)
  }
}

/** Bit `index` (index 0 = high bit of byte 0) is set: the certificate is revoked. */
export function isRevoked(bits: Uint8Array, index: number): boolean {
  requireIndex(bits, index)
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0
}

/** Sets or clears bit `index` in place. */
export function setStatusBit(bits: Uint8Array, index: number, revoked: boolean): void {
  requireIndex(bits, index)
  if (revoked) bits[index >> 3] |= 0x80 >> (index & 7)
  else bits[index >> 3] &= ~(0x80 >> (index & 7)) & 0xff
}

/** Packed bits → 'u' + base64url(GZIP(bits)). Deterministic (no time or name in the header). */
export function encodeStatusBits(bits: Uint8Array): string {
  requireLength(bits.length * 8)
  return `u${encodeBase64url(gzipSync(bits, { level: 9, mtime: 0 }))}`
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (ISO 3309), the gzip trailer's integrity check. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function readUint32LE(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0
}

/**
 * 'u' + base64url(GZIP(bits)) → packed bits. Throws RangeError if malformed, if the gzip
 * trailer (length, CRC-32) does not match, or if the list is shorter or longer than allowed.
 */
export function decodeStatusBits(encoded: string): Uint8Array {
  if (typeof encoded !== 'string' || encoded[0] !== 'u') throw new RangeError("status list must be multibase base64url ('u' prefix)")
  const gz = decodeBase64url(encoded.slice(1))
  if (!gz || gz.length < 18) throw new RangeError('status list is not base64url GZIP data')
  const declared = readUint32LE(gz, gz.length - 4)
  // checked before inflating, so a small hostile input cannot make us allocate a huge buffer
  requireLength(declared * 8)
  let bits: Uint8Array
  try {
    bits = gunzipSync(gz, { out: new Uint8Array(declared) })
  } catch {
    throw new RangeError('status list is not valid GZIP data')
  }
  if (bits.length !== declared || crc32(bits) !== readUint32LE(gz, gz.length - 8)) {
    throw new RangeError('status list GZIP trailer does not match its content')
  }
  return bits
}

export interface StatusListText {
  /** the log's origin (the same line as in its checkpoints) */
  origin: string
  /** ms since epoch */
  issuedAt: number
  /** ms since epoch; after this the list must be reported as stale */
  validUntil: number
  /** number of bits */
  length: number
  /** encodeStatusBits() output */
  encodedList: string
}

const TIMESTAMP_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/

function formatTimestamp(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > 253_402_300_799_999) throw new RangeError(`timestamp out of range: ${ms}`)
  return new Date(ms).toISOString()
}

function parseTimestamp(s: string): number | null {
  if (!TIMESTAMP_SHAPE.test(s)) return null
  const ms = Date.parse(s)
  return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : null
}

function isLine(s: string): boolean {
  return typeof s === 'string' && s.length > 0 && isWellFormedText(s) && !/[\u0000-\u001f]/.test(s)
}

/**
 * The note text of a status list:
 *   <origin>\n bitstring-status-list v1\n issued <ISO 8601 UTC>\n valid-until <ISO 8601 UTC>\n
 *   length <bits>\n list <encoded>\n
 */
export function formatStatusListText({ origin, issuedAt, validUntil, length, encodedList }: StatusListText): string {
  if (!isLine(origin)) throw new RangeError('origin must be a non-empty line')
  requireLength(length)
  if (validUntil <= issuedAt) throw new RangeError('validUntil must be after issuedAt')
  if (!/^u[A-Za-z0-9_-]+$/.test(encodedList)) throw new RangeError('encodedList must be encodeStatusBits() output')
  return [origin, STATUS_LIST_MARKER, `issued ${formatTimestamp(issuedAt)}`, `valid-until ${formatTimestamp(validUntil)}`, `length ${length}`, `list ${encodedList}`]
    .map((l) => `${l}\n`)
    .join('')
}

/** Status list note text → fields (the list is not decoded); null if malformed. */
export function parseStatusListText(text: string): StatusListText | null {
  if (typeof text !== 'string' || !text.endsWith('\n')) return null
  const lines = text.slice(0, -1).split('\n')
  if (lines.length !== 6 || !isLine(lines[0]) || lines[1] !== STATUS_LIST_MARKER) return null
  const field = (line: string, name: string) => (line.startsWith(`${name} `) ? line.slice(name.length + 1) : null)
  const issued = field(lines[2], 'issued')
  const until = field(lines[3], 'valid-until')
  const lengthText = field(lines[4], 'length')
  const encodedList = field(lines[5], 'list')
  if (issued === null || until === null || lengthText === null || encodedList === null) return null
  const issuedAt = parseTimestamp(issued)
  const validUntil = parseTimestamp(until)
  const length = parseDecimal(lengthText, STATUS_LIST_MAX_BITS)
  if (issuedAt === null || validUntil === null || validUntil <= issuedAt) return null
  if (length === null || length < STATUS_LIST_MIN_BITS || length % 8 !== 0) return null
  if (!/^u[A-Za-z0-9_-]+$/.test(encodedList)) return null
  return { origin: lines[0], issuedAt, validUntil, length, encodedList }
}

export type StatusListVerification =
  | {
      ok: true
      list: StatusListText & { bits: Uint8Array }
      /** now > validUntil: the list must not be trusted as current */
      stale: boolean
      /** now - issuedAt in ms (negative if the list claims to come from the future) */
      ageMs: number
    }
  | { ok: false; reason: string }

/**
 * A signed status list → its decoded bits, if signed by a trusted (log) key, for the expected
 * origin, and its list matches its declared length. `now` is passed in (shared has no clock).
 */
export function verifyStatusList(
  signedNote: string,
  { verifierKeys, origin, now }: { verifierKeys: readonly (string | VerifierKey)[]; origin?: string; now: number },
): StatusListVerification {
  const verified = verifySignedNote(signedNote, verifierKeys)
  if (!verified.ok) return verified
  const text = parseStatusListText(verified.text)
  if (!text) return { ok: false, reason: 'signed note is not a status list' }
  if (origin !== undefined && text.origin !== origin) return { ok: false, reason: `status list origin ${text.origin} is not ${origin}` }
  let bits: Uint8Array
  try {
    bits = decodeStatusBits(text.encodedList)
  } catch (e) {
    return { ok: false, reason: (e as Error).message }
  }
  if (bits.length * 8 !== text.length) return { ok: false, reason: 'status list length does not match its bits' }
  return { ok: true, list: { ...text, bits }, stale: now > text.validUntil, ageMs: now - text.issuedAt }
}
