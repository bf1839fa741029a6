// The log entry: one certificate event, version 1 binary encoding. docs/transparency-log.md
// ("Entry encoding") is the byte-by-byte reference; change both together.
//
//   offset   len  field
//        0     1  version              0x01
//        1     1  event                0x01 ISSUED, 0x02 SUPERSEDED, 0x03 REVOKED
//        2     1  certificate type     0x01 CONSTRUCTION_PERMIT, 0x02 COMPLETION_FILING (as in the QR payload)
//        3     8  occurredAt           ms since 1970-01-01T00:00:00Z, uint64 big-endian (< 2^53)
//       11    32  payloadSha256        SHA-256 of the certificate's 114-byte signed QR payload
//       43     1  serial length s      1-255
//       44     s  serial               ASCII, P/C + 17 digits
//     44+s     1  key id length k      1-255
//     45+s     k  key id               ASCII (the JWKS kid of the key that signed the payload)
//   total 45 + s + k bytes (64 for an 18-character serial and a 1-character key id)
//
// No personal data: the serial and the payload hash identify the certificate; what it says is
// on the certificate itself, and the hash binds it. Decoding is strict (exact length, known
// codes) and checks structure only, never business rules that may change (the region list),
// so an old entry always decodes.

import { sha256 } from '@noble/hashes/sha2.js'
import { z } from 'zod/mini'
import { CERTIFICATE_TYPES, LOG_EVENTS as LOG_EVENT_VALUES, type CertificateType, type LogEvent } from '../domain/enums'
import { CERTIFICATE_TYPE_BYTES } from '../certificates/payload'
import { CERTIFICATE_SERIAL_LETTERS } from '../validators/codes'

// the event enum lives with the other domain enums (it mirrors prisma's LogEvent)
export { LOG_EVENTS, LOG_EVENT_LABELS, type LogEvent } from '../domain/enums'

export const LOG_ENTRY_VERSION = 1

export const LOG_EVENT_BYTES: Record<LogEvent, number> = { ISSUED: 0x01, SUPERSEDED: 0x02, REVOKED: 0x03 }

const SERIAL_SHAPE = /^[PC][0-9]{17}$/
const KEY_ID_SHAPE = /^[\x21-\x7e]{1,255}$/

// zod/mini: the mini-program decodes entries to check inclusion proofs, and the classic API
// would add ~70 KB to its 400 KB main package (issue 15). The enum values are the domain's.
export const logEntrySchema = /*#__PURE__*/ z
  .strictObject({
    event: z.enum(LOG_EVENT_VALUES),
    certificateType: z.enum(CERTIFICATE_TYPES),
    serial: z.string().check(z.regex(SERIAL_SHAPE, 'serial must be P/C + 17 digits')),
    payloadSha256: z.instanceof(Uint8Array).check(z.refine((b) => b.length === 32, 'payloadSha256 must be 32 bytes')),
    keyId: z.string().check(z.regex(KEY_ID_SHAPE, 'keyId must be 1-255 printable ASCII characters')),
    occurredAt: z.int().check(z.minimum(0)),
  })
  .check(
    z.refine((e) => e.serial[0] === CERTIFICATE_SERIAL_LETTERS[e.certificateType], {
      message: 'serial letter does not match the certificate type',
      path: ['serial'],
    }),
  )

export type LogEntry = z.infer<typeof logEntrySchema>

/** The payloadSha256 of a certificate: SHA-256 of its signed QR payload bytes (body + signature). */
export function payloadDigest(payload: Uint8Array): Uint8Array {
  return sha256(payload)
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

function asciiString(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

/** Entry → version 1 bytes. Throws a ZodError for an invalid entry (a programming error). */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  const e = logEntrySchema.parse(entry)
  const serial = asciiBytes(e.serial)
  const keyId = asciiBytes(e.keyId)
  const out = new Uint8Array(45 + serial.length + keyId.length)
  out[0] = LOG_ENTRY_VERSION
  out[1] = LOG_EVENT_BYTES[e.event]
  out[2] = CERTIFICATE_TYPE_BYTES[e.certificateType]
  const high = Math.floor(e.occurredAt / 2 ** 32)
  const low = e.occurredAt % 2 ** 32
  for (let i = 0; i < 4; i++) {
    out[3 + i] = (high >>> (24 - 8 * i)) & 0xff
    out[7 + i] = (low >>> (24 - 8 * i)) & 0xff
  }
  out.set(e.payloadSha256, 11)
  out[43] = serial.length
  out.set(serial, 44)
  out[44 + serial.length] = keyId.length
  out.set(keyId, 45 + serial.length)
  return out
}

function codeOf<T extends string>(table: Record<T, number>, byte: number): T | null {
  for (const [k, v] of Object.entries(table) as [T, number][]) if (v === byte) return k
  return null
}

/** Bytes → entry; null unless a well-formed version 1 entry with nothing left over. Never throws. */
export function decodeLogEntry(bytes: Uint8Array): LogEntry | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < 45 || bytes[0] !== LOG_ENTRY_VERSION) return null
  const event = codeOf(LOG_EVENT_BYTES, bytes[1])
  const certificateType = codeOf<CertificateType>(CERTIFICATE_TYPE_BYTES, bytes[2])
  if (!event || !certificateType) return null
  let high = 0
  let low = 0
  for (let i = 0; i < 4; i++) {
    high = high * 256 + bytes[3 + i]
    low = low * 256 + bytes[7 + i]
  }
  if (high >= 2 ** 21) return null // beyond 2^53: not a time this encoder writes
  const occurredAt = high * 2 ** 32 + low
  const s = bytes[43]
  if (bytes.length < 45 + s) return null
  const k = bytes[44 + s]
  if (bytes.length !== 45 + s + k) return null
  const candidate = {
    event,
    certificateType,
    serial: asciiString(bytes.subarray(44, 44 + s)),
    payloadSha256: bytes.slice(11, 43),
    keyId: asciiString(bytes.subarray(45 + s, 45 + s + k)),
    occurredAt,
  }
  const parsed = logEntrySchema.safeParse(candidate)
  return parsed.success ? parsed.data : null
}
