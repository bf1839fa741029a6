// The binary QR payload, version 1 (docs/certificate-format.md is the byte-by-byte reference).
//
//   offset len  field
//        0   1  version                 0x01
//        1   2  key id                  uint16 big-endian, 0-65535 (0 = public test key only)
//        3   1  certificate type        0x01 construction permit (serial P…), 0x02 completion filing (C…)
//        4   8  serial digits           the 17 digits after the P/C letter, as a big-endian integer
//       12   8  project code            the 17 digits, as a big-endian integer
//       20  12  holder USCC             18 characters as base-31 digits (USCC_ALPHABET order),
//                                       big-endian integer
//       32   2  issue date              days since 1970-01-01, uint16 big-endian
//       34  16  facts digest            certificateFactsDigest(facts)
//       50  64  Ed25519 signature       over bytes 0-49 exactly
//   total 114 bytes = 152 base64url characters (114 is a multiple of 3: no partial characters)
//
// Encoding validates its input strictly (a programming error throws RangeError). Decoding a
// body is only ever done after its signature has verified (verify.ts), so it checks structure
// (ranges, alphabet) but not business rules such as the region list, which may change over
// time without making old certificates less genuine.

import { CODE_YEAR_MAX, CODE_YEAR_MIN, isValidCertificateSerial, isValidProjectCode, CERTIFICATE_SERIAL_LETTERS } from '../validators/codes'
import { USCC_ALPHABET, usccProblem } from '../validators/uscc'
import { isRealDate } from '../dates/calendar-date'
import type { CertificateType } from '../domain/enums'
import { FACTS_DIGEST_LENGTH } from './facts-digest'

export const PAYLOAD_VERSION = 1
export const KEY_ID_OFFSET = 1
export const BODY_LENGTH = 50
export const SIGNATURE_LENGTH = 64
export const PAYLOAD_LENGTH = BODY_LENGTH + SIGNATURE_LENGTH
export const MAX_KEY_ID = 0xffff

export const CERTIFICATE_TYPE_BYTES: Record<CertificateType, number> = {
  CONSTRUCTION_PERMIT: 0x01,
  COMPLETION_FILING: 0x02,
}

/** What a certificate QR code states (besides the key id and the signature). */
export interface CertificateFields {
  type: CertificateType
  /** 18-character certificate serial, P/C + 17 digits (shared/validators/codes.ts) */
  serial: string
  /** 17-digit project code */
  projectCode: string
  /** 18-character unified social credit code of the holder (the owner / 建设单位) */
  holderUscc: string
  /** 'YYYY-MM-DD', the issue date printed on the certificate */
  issuedOn: string
  /** 16 bytes, certificateFactsDigest(facts) */
  factsDigest: Uint8Array
}

const DAY_MS = 86_400_000

// ---------------------------------------------------------------- integer packing

/** Digits (most significant first) in the given base → fixed-length big-endian bytes. */
function packDigits(digits: readonly number[], base: number, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength)
  for (const digit of digits) {
    let carry = digit
    for (let i = byteLength - 1; i >= 0; i--) {
      const v = out[i] * base + carry
      out[i] = v & 0xff
      carry = v >>> 8
    }
    if (carry !== 0) throw new RangeError('value does not fit')
  }
  return out
}

/** Big-endian bytes → exactly `count` digits in base; null if the value needs more digits. */
function unpackDigits(bytes: Uint8Array, base: number, count: number): number[] | null {
  const work = Uint8Array.from(bytes)
  const digits = new Array<number>(count)
  for (let d = count - 1; d >= 0; d--) {
    let rem = 0
    for (let i = 0; i < work.length; i++) {
      const v = rem * 256 + work[i]
      work[i] = Math.floor(v / base)
      rem = v % base
    }
    digits[d] = rem
  }
  return work.every((b) => b === 0) ? digits : null
}

const decimalDigits = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0) - 48)

// ---------------------------------------------------------------- dates

function daysSinceEpoch(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof iso === 'string' ? iso : '')
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isRealDate(y, mo, d)) return null
  return Date.UTC(y, mo - 1, d) / DAY_MS
}

function dateOfDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------- encode

/**
 * The unsigned 50-byte body for fields under keyId. Throws RangeError on invalid fields: a
 * valid serial whose letter matches type, a valid project code, a USCC with a correct GB 32100
 * check character (the legacy GB 11714 check at position 17 is not required), an issue date
 * in CODE_YEAR_MIN..CODE_YEAR_MAX and a 16-byte facts digest. Values must already be canonical.
 */
export function encodeCertificatePayload(fields: CertificateFields, keyId: number): Uint8Array {
  if (!Number.isInteger(keyId) || keyId < 0 || keyId > MAX_KEY_ID) {
    throw new RangeError(`keyId must be an integer 0-${MAX_KEY_ID}, got ${keyId}`)
  }
  const typeByte = CERTIFICATE_TYPE_BYTES[fields.type]
  if (!typeByte) throw new RangeError(`unknown certificate type "${fields.type}"`)
  const { serial, projectCode, holderUscc, issuedOn, factsDigest } = fields
  if (typeof serial !== 'string' || !/^[PC]\d{17}$/.test(serial) || !isValidCertificateSerial(serial)) {
    throw new RangeError(`invalid certificate serial "${serial}"`)
  }
  if (serial[0] !== CERTIFICATE_SERIAL_LETTERS[fields.type]) {
    throw new RangeError(`serial "${serial}" does not match certificate type ${fields.type}`)
  }
  if (typeof projectCode !== 'string' || !/^\d{17}$/.test(projectCode) || !isValidProjectCode(projectCode)) {
    throw new RangeError(`invalid project code "${projectCode}"`)
  }
  if (typeof holderUscc !== 'string' || usccProblem(holderUscc, { orgCodeCheck: false }) !== null) {
    throw new RangeError(`invalid holder USCC "${holderUscc}"`)
  }
  const days = daysSinceEpoch(issuedOn)
  const year = Number(String(issuedOn).slice(0, 4))
  if (days === null || year < CODE_YEAR_MIN || year > CODE_YEAR_MAX) {
    throw new RangeError(`invalid issue date "${issuedOn}"`)
  }
  if (!(factsDigest instanceof Uint8Array) || factsDigest.length !== FACTS_DIGEST_LENGTH) {
    throw new RangeError(`factsDigest must be ${FACTS_DIGEST_LENGTH} bytes`)
  }

  const body = new Uint8Array(BODY_LENGTH)
  body[0] = PAYLOAD_VERSION
  body[1] = keyId >> 8
  body[2] = keyId & 0xff
  body[3] = typeByte
  body.set(packDigits(decimalDigits(serial.slice(1)), 10, 8), 4)
  body.set(packDigits(decimalDigits(projectCode), 10, 8), 12)
  body.set(packDigits(Array.from(holderUscc, (c) => USCC_ALPHABET.indexOf(c)), 31, 12), 20)
  body[32] = days >> 8
  body[33] = days & 0xff
  body.set(factsDigest, 34)
  return body
}

// ---------------------------------------------------------------- decode (after verification only)

/** Version and key id, the only fields read before the signature is verified. */
export function readKeyId(payload: Uint8Array): number {
  return (payload[KEY_ID_OFFSET] << 8) | payload[KEY_ID_OFFSET + 1]
}

/**
 * Decodes a 50-byte version-1 body. UNVERIFIED: call only on a body whose signature has been
 * checked (verifyCertificateCode does). Returns null when the structure is invalid.
 */
export function decodeCertificateBody(body: Uint8Array): CertificateFields | null {
  if (!(body instanceof Uint8Array) || body.length < BODY_LENGTH || body[0] !== PAYLOAD_VERSION) return null
  const type = body[3] === 0x01 ? 'CONSTRUCTION_PERMIT' : body[3] === 0x02 ? 'COMPLETION_FILING' : null
  if (!type) return null
  const serialDigits = unpackDigits(body.subarray(4, 12), 10, 17)
  const projectDigits = unpackDigits(body.subarray(12, 20), 10, 17)
  const usccDigits = unpackDigits(body.subarray(20, 32), 31, 18)
  if (!serialDigits || !projectDigits || !usccDigits) return null
  return {
    type,
    serial: CERTIFICATE_SERIAL_LETTERS[type] + serialDigits.join(''),
    projectCode: projectDigits.join(''),
    holderUscc: usccDigits.map((d) => USCC_ALPHABET[d]).join(''),
    issuedOn: dateOfDays((body[32] << 8) | body[33]),
    factsDigest: body.slice(34, 34 + FACTS_DIGEST_LENGTH),
  }
}
