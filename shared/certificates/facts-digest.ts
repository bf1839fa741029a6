// The digest of a certificate's key facts, carried in the QR payload.
//
// The payload itself only holds the serial, the project code, the holder and the issue date.
// The other printed facts (names, amounts, dates …) are bound to it by a 16-byte digest: the
// first 16 bytes of SHA-256 over a canonical UTF-8 text of the facts. A verifier that gets
// the facts from the portal's API (or anyone holding the database record) recomputes the
// digest and compares it with the signed one, so a record edited after signing, or an API
// answer from a look-alike server, is detected.
//
// Canonical text (docs/certificate-format.md has the same description and test vectors):
//   line 1       "HNCERT-FACTS/1"
//   line 2       "type=" + CONSTRUCTION_PERMIT | COMPLETION_FILING
//   then one     "<name>=<value>" line per field, in the fixed order of FACT_FIELDS[type]
//   lines are joined with "\n" (U+000A), no trailing newline, encoded as UTF-8.
// Values:
//   text     Unicode NFC; every run of white space (JS \s: spaces, tabs, line breaks,
//            U+3000 ideographic space, U+00A0 …) becomes one U+0020; trimmed. Required
//            text must not be empty; absent optional text (null, undefined, '') is ''.
//            No full-width/half-width folding: the text is what the database holds.
//   code     permit number (18 digits) or completion filing number ('JB' + 18 digits),
//            after half-width/trim/upper-case.
//   date     'YYYY-MM-DD' (a JS Date is read in China Standard Time).
//   decimal  plain decimal, no sign, no exponent, no grouping: integer part without leading
//            zeros ('0' if none), fraction without trailing zeros, no '.' when the fraction
//            is empty ('1234.50' → '1234.5', '0012' → '12', '0.0' → '0'). Absent optional → ''.
//            Money is in 万元 and areas in m², the database's units.
// Person names are deliberately not part of the facts: the public API masks them.

import { sha256 } from '@noble/hashes/sha2.js'
import { toIsoDate } from '../dates/calendar-date'
import type { CertificateType } from '../domain/enums'
import { normalizeCode } from '../validators/normalize'
import { bytesEqual } from './base64url'

export const FACTS_HEADER = 'HNCERT-FACTS/1'
export const FACTS_DIGEST_LENGTH = 16

/** A decimal as a JS number, a decimal string, or an object like Prisma's Decimal. */
export type DecimalLike = number | string | { toString(): string }
/** 'YYYY-MM-DD', 'YYYYMMDD' or a Date (read in China Standard Time). */
export type DateLike = string | Date

export interface PermitFacts {
  type: 'CONSTRUCTION_PERMIT'
  /** 施工许可证编号, 18 digits */
  permitNumber: string
  projectName: string
  projectAddress: string
  /** 建设单位 */
  ownerName: string
  /** 施工单位 */
  contractorName: string
  /** 监理单位 */
  supervisorName?: string | null
  /** 建设规模, as printed */
  scale?: string | null
  /** 建筑面积, m² */
  floorArea?: DecimalLike | null
  /** 合同价格, 万元 */
  contractPrice: DecimalLike
  /** 合同工期 */
  plannedStartOn: DateLike
  plannedEndOn: DateLike
}

export interface CompletionFacts {
  type: 'COMPLETION_FILING'
  /** 竣工验收备案编号, 'JB' + 18 digits */
  filingNumber: string
  projectName: string
  projectAddress: string
  ownerName: string
  contractorName: string
  supervisorName?: string | null
  /** 竣工验收日期 */
  acceptedOn: DateLike
  /** 备案日期 */
  filedOn: DateLike
  /** 实际造价, 万元 */
  actualCost: DecimalLike
  /** 实际建筑面积, m² */
  actualArea?: DecimalLike | null
}

export type CertificateFacts = PermitFacts | CompletionFacts

type FieldKind = 'text' | 'permitNumber' | 'filingNumber' | 'date' | 'decimal'
interface FieldSpec {
  name: string
  kind: FieldKind
  required: boolean
}

const f = (name: string, kind: FieldKind, required = true): FieldSpec => ({ name, kind, required })

/** The fields of each certificate type, in canonical order. */
export const FACT_FIELDS: Record<CertificateType, readonly FieldSpec[]> = {
  CONSTRUCTION_PERMIT: [
    f('permitNumber', 'permitNumber'),
    f('projectName', 'text'),
    f('projectAddress', 'text'),
    f('ownerName', 'text'),
    f('contractorName', 'text'),
    f('supervisorName', 'text', false),
    f('scale', 'text', false),
    f('floorArea', 'decimal', false),
    f('contractPrice', 'decimal'),
    f('plannedStartOn', 'date'),
    f('plannedEndOn', 'date'),
  ],
  COMPLETION_FILING: [
    f('filingNumber', 'filingNumber'),
    f('projectName', 'text'),
    f('projectAddress', 'text'),
    f('ownerName', 'text'),
    f('contractorName', 'text'),
    f('supervisorName', 'text', false),
    f('acceptedOn', 'date'),
    f('filedOn', 'date'),
    f('actualCost', 'decimal'),
    f('actualArea', 'decimal', false),
  ],
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}

function canonicalText(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new RangeError(`${name} must be a string`)
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** The canonical plain-decimal form described above; throws RangeError on anything else. */
export function canonicalDecimal(value: DecimalLike, name = 'value'): string {
  let s: string
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0`)
    s = String(value)
  } else if (typeof value === 'string') {
    s = value.trim()
  } else if (value !== null && typeof value === 'object' && typeof value.toString === 'function') {
    s = value.toString()
  } else {
    throw new RangeError(`${name} must be a number, a decimal string or a Decimal`)
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && !m[2])) throw new RangeError(`${name} is not a plain decimal: "${s}"`)
  const int = m[1].replace(/^0+/, '') || '0'
  const frac = (m[2] ?? '').replace(/0+$/, '')
  return frac ? `${int}.${frac}` : int
}

function canonicalValue(spec: FieldSpec, value: unknown): string {
  if (isAbsent(value)) {
    if (spec.required) throw new RangeError(`${spec.name} is required`)
    return ''
  }
  switch (spec.kind) {
    case 'text': {
      const text = canonicalText(value, spec.name)
      if (spec.required && text === '') throw new RangeError(`${spec.name} is required`)
      return text
    }
    case 'permitNumber': {
      const code = typeof value === 'string' ? normalizeCode(value) : ''
      if (!/^\d{18}$/.test(code)) throw new RangeError(`${spec.name} must be 18 digits`)
      return code
    }
    case 'filingNumber': {
      const code = typeof value === 'string' ? normalizeCode(value) : ''
      if (!/^JB\d{18}$/.test(code)) throw new RangeError(`${spec.name} must be JB + 18 digits`)
      return code
    }
    case 'date': {
      const iso = typeof value === 'string' || value instanceof Date ? toIsoDate(value) : null
      if (!iso) throw new RangeError(`${spec.name} must be a calendar date`)
      return iso
    }
    case 'decimal':
      return canonicalDecimal(value as DecimalLike, spec.name)
  }
}

/** The canonical facts text (see the header comment); throws RangeError on invalid facts. */
export function canonicalFactsString(facts: CertificateFacts): string {
  const specs = facts && FACT_FIELDS[facts.type as CertificateType]
  if (!specs) throw new RangeError('facts.type must be CONSTRUCTION_PERMIT or COMPLETION_FILING')
  const record = facts as unknown as Record<string, unknown>
  const lines = [FACTS_HEADER, `type=${facts.type}`]
  for (const spec of specs) lines.push(`${spec.name}=${canonicalValue(spec, record[spec.name])}`)
  return lines.join('\n')
}

/** UTF-8 encoding without TextEncoder (absent in some mini-program runtimes). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)
        i++
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd // lone surrogate, as TextEncoder does
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(out)
}

/** First 16 bytes of SHA-256 over the UTF-8 canonical facts text; throws RangeError on invalid facts. */
export function certificateFactsDigest(facts: CertificateFacts): Uint8Array {
  return sha256(utf8Encode(canonicalFactsString(facts))).slice(0, FACTS_DIGEST_LENGTH)
}

/** True when facts hash to digest (e.g. the one in a verified payload). Never throws. */
export function factsMatchDigest(digest: Uint8Array, facts: CertificateFacts): boolean {
  try {
    return digest instanceof Uint8Array && bytesEqual(digest, certificateFactsDigest(facts))
  } catch {
    return false
  }
}
