// The revocation status list, in the spirit of W3C Bitstring Status List v1.0. A certificate's
// place in it is derived from its serial alone ({P|C}{year 4}{region 6}{seq 6}{check 1}), which
// every QR code carries, so a phone that never saw a certificate online can still find its bit:
// the group is the serial's first 11 characters (type, year, region), the bit index its 6-digit
// sequence number. Each group is a bitstring of exactly 1,000,000 bits, 1 = revoked, packed most
// significant bit first, GZIP-compressed, base64url with the multibase prefix 'u'; only groups
// with a revoked certificate are listed. Every group having the same length (at least the W3C
// 131,072 bits) keeps a group from revealing how many certificates it holds. The list is
// published as a signed note (same log key, same verification) whose text is
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
export const STATUS_LIST_MARKER = 'bitstring-status-list v2'
/** Bits in every group's list: one per sequence number 000000..999999. */
export const STATUS_GROUP_BITS = 1_000_000
/** Most groups one list may hold (a signed list is a few hundred bytes per group). */
export const STATUS_LIST_MAX_GROUPS = 100_000

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

const SERIAL_SHAPE = /^[PC][0-9]{17}$/
const GROUP_SHAPE = /^[PC][0-9]{10}$/
const ENCODED_SHAPE = /^u[A-Za-z0-9_-]+$/

export interface StatusPosition {
  /** the serial's first 11 characters: type letter, year, region code */
  group: string
  /** the serial's 6-digit sequence number, 0..999,999 */
  index: number
}

/**
 * Where a certificate's bit is: derived from the serial's shape alone (the check digit and region
 * are the serial validator's business; any {P|C} + 17 digits has exactly one place). Throws
 * RangeError for anything else.
 */
export function statusPositionOf(serial: string): StatusPosition {
  if (typeof serial !== 'string' || !SERIAL_SHAPE.test(serial)) throw new RangeError(`not a certificate serial: ${String(serial)}`)
  return { group: serial.slice(0, 11), index: Number(serial.slice(11, 17)) }
}

export interface StatusListGroup {
  group: string
  /** encodeStatusBits() of the group's STATUS_GROUP_BITS bits */
  encodedList: string
}

/** The groups of a list in which exactly `revokedSerials` are revoked, sorted by group. */
export function statusGroupsOf(revokedSerials: Iterable<string>): StatusListGroup[] {
  const byGroup = new Map<string, Uint8Array>()
  for (const serial of revokedSerials) {
    const { group, index } = statusPositionOf(serial)
    let bits = byGroup.get(group)
    if (!bits) byGroup.set(group, (bits = newStatusBits(STATUS_GROUP_BITS)))
    setStatusBit(bits, index, true)
  }
  if (byGroup.size > STATUS_LIST_MAX_GROUPS) throw new RangeError(`a status list holds at most ${STATUS_LIST_MAX_GROUPS} groups; got ${byGroup.size}`)
  return [...byGroup.keys()].sort().map((group) => ({ group, encodedList: encodeStatusBits(byGroup.get(group)!) }))
}

/**
 * `groups` with `replacement`'s group replaced by it (or added), still ascending: what a revocation
 * changes, so the other groups' encodings are taken as they are rather than compressed again.
 */
export function withStatusGroup(groups: readonly StatusListGroup[], replacement: StatusListGroup): StatusListGroup[] {
  if (!GROUP_SHAPE.test(replacement.group) || !ENCODED_SHAPE.test(replacement.encodedList)) throw new RangeError('replacement must be statusGroupsOf() output')
  return [...groups.filter((g) => g.group !== replacement.group), replacement].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0))
}

export interface StatusListText {
  /** the log's origin (the same line as in its checkpoints) */
  origin: string
  /** ms since epoch */
  issuedAt: number
  /** ms since epoch; after this the list must be reported as stale */
  validUntil: number
  /** strictly ascending by group; only groups with at least one revoked certificate */
  groups: StatusListGroup[]
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

/** Groups well-formed and strictly ascending (so each group appears once and the text is canonical). */
function groupsInOrder(groups: readonly StatusListGroup[]): boolean {
  if (groups.length > STATUS_LIST_MAX_GROUPS) return false
  for (let i = 0; i < groups.length; i++) {
    const { group, encodedList } = groups[i]
    if (!GROUP_SHAPE.test(group) || !ENCODED_SHAPE.test(encodedList)) return false
    if (i > 0 && groups[i - 1].group >= group) return false
  }
  return true
}

/**
 * The note text of a status list:
 *   <origin>\n bitstring-status-list v2\n issued <ISO 8601 UTC>\n valid-until <ISO 8601 UTC>\n
 *   groups <N>\n then N lines <group> <encoded>\n, ascending by group.
 */
export function formatStatusListText({ origin, issuedAt, validUntil, groups }: StatusListText): string {
  if (!isLine(origin)) throw new RangeError('origin must be a non-empty line')
  if (validUntil <= issuedAt) throw new RangeError('validUntil must be after issuedAt')
  if (!groupsInOrder(groups)) throw new RangeError('groups must be statusGroupsOf() output: well-formed, ascending, each once')
  return [
    origin,
    STATUS_LIST_MARKER,
    `issued ${formatTimestamp(issuedAt)}`,
    `valid-until ${formatTimestamp(validUntil)}`,
    `groups ${groups.length}`,
    ...groups.map((g) => `${g.group} ${g.encodedList}`),
  ]
    .map((l) => `${l}\n`)
    .join('')
}

/** Status list note text → fields (no group is decoded); null if malformed. */
export function parseStatusListText(text: string): StatusListText | null {
  if (typeof text !== 'string' || !text.endsWith('\n')) return null
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 5 || !isLine(lines[0]) || lines[1] !== STATUS_LIST_MARKER) return null
  const field = (line: string, name: string) => (line.startsWith(`${name} `) ? line.slice(name.length + 1) : null)
  const issued = field(lines[2], 'issued')
  const until = field(lines[3], 'valid-until')
  const countText = field(lines[4], 'groups')
  if (issued === null || until === null || countText === null) return null
  const issuedAt = parseTimestamp(issued)
  const validUntil = parseTimestamp(until)
  const count = parseDecimal(countText, STATUS_LIST_MAX_GROUPS)
  if (issuedAt === null || validUntil === null || validUntil <= issuedAt) return null
  if (count === null || lines.length !== 5 + count) return null
  const groups: StatusListGroup[] = []
  for (let i = 5; i < lines.length; i++) {
    const parts = lines[i].split(' ')
    if (parts.length !== 2) return null
    groups.push({ group: parts[0], encodedList: parts[1] })
  }
  if (!groupsInOrder(groups)) return null
  return { origin: lines[0], issuedAt, validUntil, groups }
}

/**
 * A verified list. Its groups are inflated only when a serial of theirs is asked about, and kept
 * (a phone checks one certificate at a time and must not inflate every group of the province).
 */
export interface VerifiedStatusList {
  origin: string
  issuedAt: number
  validUntil: number
  /** group → encoded list, as signed */
  readonly groups: ReadonlyMap<string, string>
  /** group → inflated bits, filled by isSerialRevoked */
  readonly decoded: Map<string, Uint8Array>
}

/**
 * Whether the list marks `serial` revoked (as of the list's issue time). A serial whose group is
 * absent is not revoked. Throws RangeError for a malformed serial, or if the group's signed data
 * does not inflate to exactly STATUS_GROUP_BITS bits (a broken list: the caller must not read that
 * as "not revoked").
 */
export function isSerialRevoked(list: VerifiedStatusList, serial: string): boolean {
  const { group, index } = statusPositionOf(serial)
  let bits = list.decoded.get(group)
  if (!bits) {
    const encoded = list.groups.get(group)
    if (encoded === undefined) return false
    bits = decodeStatusBits(encoded)
    if (bits.length * 8 !== STATUS_GROUP_BITS) throw new RangeError(`status list group ${group} has ${bits.length * 8} bits, not ${STATUS_GROUP_BITS}`)
    list.decoded.set(group, bits)
  }
  return isRevoked(bits, index)
}

export type StatusListVerification =
  | {
      ok: true
      list: VerifiedStatusList
      /** now > validUntil: the list must not be trusted as current */
      stale: boolean
      /** now - issuedAt in ms (negative if the list claims to come from the future) */
      ageMs: number
    }
  | { ok: false; reason: string }

/**
 * A signed status list → its groups, if signed by a trusted (log) key, for the expected origin.
 * No group is inflated here (isSerialRevoked does, on demand). `now` is passed in (shared has no
 * clock).
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
  const list: VerifiedStatusList = {
    origin: text.origin,
    issuedAt: text.issuedAt,
    validUntil: text.validUntil,
    groups: new Map(text.groups.map((g) => [g.group, g.encodedList])),
    decoded: new Map(),
  }
  return { ok: true, list, stale: now > text.validUntil, ageMs: now - text.issuedAt }
}
