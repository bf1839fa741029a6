// Verifying a scanned certificate QR code, offline.
//
// Order (docs/certificate-format.md, "Verification"):
//   1. input: a string of at most MAX_SCANNED_LENGTH characters, trimmed        → MALFORMED
//   2. form: a bare base64url payload, or an http(s) URL                        → NOT_A_URL
//   3. URL host must be the expected origin's host (no user info)               → FOREIGN_HOST
//      URL path must be /v/<payload> (query and fragment are ignored)           → MALFORMED
//   4. strict base64url                                                          → MALFORMED
//   5. version byte                                                              → UNSUPPORTED_VERSION
//   6. length: shorter → TRUNCATED, longer → MALFORMED
//   7. key id → a published key                                                  → UNKNOWN_KEY
//   8. Ed25519 signature over bytes 0-49                                         → BAD_SIGNATURE
//   9. only now the fields are decoded                                           → MALFORMED
//  10. the key's validity window must contain the issue date                     → KEY_NOT_VALID_AT_ISSUE
//  11. the key must not be marked compromised on or before the issue date         → KEY_COMPROMISED
// Nothing but the version byte and the key id is read before step 8. A code that verifies
// is genuine as issued; whether it is still valid (revoked, superseded, expired) only the
// portal's status API can say. The function never throws.

import { decodeBase64url, encodeBase64url } from './base64url'
import { keyCompromisedOn, keyValidOn, type CertificatePublicKey } from './jwks'
import {
  BODY_LENGTH,
  decodeCertificateBody,
  PAYLOAD_LENGTH,
  PAYLOAD_VERSION,
  readKeyId,
  type CertificateFields,
} from './payload'
import { verifySignature } from './signing'

/** Longer scanned texts are rejected as MALFORMED before any parsing. */
export const MAX_SCANNED_LENGTH = 512

export type VerifyFailureReason =
  | 'NOT_A_URL'
  | 'FOREIGN_HOST'
  | 'MALFORMED'
  | 'TRUNCATED'
  | 'UNSUPPORTED_VERSION'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'KEY_NOT_VALID_AT_ISSUE'
  | 'KEY_COMPROMISED'

export const VERIFY_FAILURE_MESSAGES: Record<VerifyFailureReason, string> = {
  NOT_A_URL: '未识别为证书二维码：内容既不是网址，也不是证书核验码。',
  FOREIGN_HOST: '不是官方证书二维码：二维码指向的网址不属于本平台，请勿相信该网页显示的内容。',
  MALFORMED: '不是有效的证书二维码：内容格式不正确。',
  TRUNCATED: '证书二维码内容不完整，可能被截断或污损，请重新扫描。',
  UNSUPPORTED_VERSION: '无法识别的证书二维码版本：可能不是本平台签发的证书，也可能需要更新小程序后重试。',
  UNKNOWN_KEY: '无法确认真伪：签名密钥不在本平台公布的密钥列表中。请联网更新后重试；仍不能确认的，不是本平台签发的证书。',
  BAD_SIGNATURE: '数字签名核验未通过：二维码内容被篡改或伪造，不是本平台签发的证书。',
  KEY_NOT_VALID_AT_ISSUE: '数字签名核验未通过：签名密钥在证书签发日期不在有效期内，不是本平台正常签发的证书。',
  KEY_COMPROMISED: '不能认定为真：签名密钥已被本平台宣布泄露，该日期及以后签发的证书不再可信。请联系发证机关核实或申请换发。',
}

export const GENUINE_MESSAGE =
  '数字签名有效：此二维码由本平台签发，内容未被篡改（已离线核验）。证书当前是否有效，请以联网查询的状态为准。'

export interface VerifyOptions {
  /** the published keys (fromJwks) */
  keys: readonly CertificatePublicKey[]
  /** the portal's origin, e.g. 'https://portal.example.gov.cn' */
  expectedOrigin: string
  /**
   * Ed25519 verification to use instead of the pure-JS one, e.g. Node's OpenSSL binding on the
   * server (~30x faster). It must be strict RFC 8032 like verifySignature and never throw.
   */
  signatureVerifier?: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean
}

export type VerifyResult =
  | {
      genuine: true
      fields: CertificateFields
      keyId: number
      /** true when the scanned text was a URL with exactly the expected origin (false for a
       *  bare payload, or an http:// URL of the expected host) */
      originMatches: boolean
      /** the payload in canonical base64url, e.g. for the status API */
      payload: string
      message: string
    }
  | { genuine: false; reason: VerifyFailureReason; message: string }

type Failure = Extract<VerifyResult, { genuine: false }>

function fail(reason: VerifyFailureReason): Failure {
  return { genuine: false, reason, message: VERIFY_FAILURE_MESSAGES[reason] }
}

const BASE64URL_TEXT = /^[A-Za-z0-9_-]+$/
const HTTP_URL = /^(https?):\/\/([^/?#]*)([^?#]*)(?:\?[^#]*)?(?:#.*)?$/i
const PATH = /^\/v\/([A-Za-z0-9_-]+)\/?$/

interface Origin {
  scheme: string
  host: string
}

/** scheme + lower-case host[:port], the default port dropped; null if authority is odd. */
function parseAuthority(scheme: string, authority: string): Origin | null {
  const s = scheme.toLowerCase()
  const m = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(authority)
  if (!m) return null
  const host = m[1].toLowerCase()
  const port = m[2] === undefined ? '' : String(Number(m[2]))
  const defaultPort = s === 'https' ? '443' : '80'
  return { scheme: s, host: port === '' || port === defaultPort ? host : `${host}:${port}` }
}

function parseExpectedOrigin(origin: string): Origin | null {
  if (typeof origin !== 'string') return null
  const m = /^(https?):\/\/([^/?#@]+)\/?$/i.exec(origin.trim())
  return m ? parseAuthority(m[1], m[2]) : null
}

function verifyInner(scannedText: unknown, options: VerifyOptions): VerifyResult {
  if (typeof scannedText !== 'string' || scannedText.length > MAX_SCANNED_LENGTH) return fail('MALFORMED')
  const text = scannedText.trim()

  let payloadText: string
  let originMatches = false
  if (BASE64URL_TEXT.test(text)) {
    payloadText = text
  } else {
    const url = HTTP_URL.exec(text)
    // An http(s) text we cannot parse is a damaged link; anything else is not a link at all.
    if (!url) return fail(/^https?:/i.test(text) ? 'MALFORMED' : 'NOT_A_URL')
    const expected = parseExpectedOrigin(options?.expectedOrigin)
    const actual = url[2].includes('@') ? null : parseAuthority(url[1], url[2])
    if (!expected || !actual || actual.host !== expected.host) return fail('FOREIGN_HOST')
    const path = PATH.exec(url[3])
    if (!path) return fail('MALFORMED')
    payloadText = path[1]
    originMatches = actual.scheme === expected.scheme
  }

  const bytes = decodeBase64url(payloadText)
  if (!bytes || bytes.length === 0) return fail('MALFORMED')
  if (bytes[0] !== PAYLOAD_VERSION) return fail('UNSUPPORTED_VERSION')
  if (bytes.length < PAYLOAD_LENGTH) return fail('TRUNCATED')
  if (bytes.length > PAYLOAD_LENGTH) return fail('MALFORMED')

  const keyId = readKeyId(bytes)
  const candidates = (Array.isArray(options?.keys) ? options.keys : []).filter((k) => k && k.keyId === keyId)
  if (candidates.length === 0) return fail('UNKNOWN_KEY')
  const body = bytes.subarray(0, BODY_LENGTH)
  const signature = bytes.subarray(BODY_LENGTH, PAYLOAD_LENGTH)
  const check = options.signatureVerifier ?? verifySignature
  const key = candidates.find((k) => check(signature, body, k.publicKey))
  if (!key) return fail('BAD_SIGNATURE')

  // The signature is good: from here on the bytes are the platform's own.
  const fields = decodeCertificateBody(body)
  if (!fields) return fail('MALFORMED')
  if (!keyValidOn(key, fields.issuedOn)) return fail('KEY_NOT_VALID_AT_ISSUE')
  // the payload's only date is the issue date: it stands for "when signed" (see jwks.ts)
  if (keyCompromisedOn(key, fields.issuedOn)) return fail('KEY_COMPROMISED')
  return { genuine: true, fields, keyId, originMatches, payload: encodeBase64url(bytes), message: GENUINE_MESSAGE }
}

/**
 * Verifies a scanned QR text (the full URL or the bare base64url payload) against the
 * published keys. Never throws; see the header comment for the order of checks.
 */
export function verifyCertificateCode(scannedText: string, options: VerifyOptions): VerifyResult {
  try {
    return verifyInner(scannedText, options)
  } catch {
    return fail('MALFORMED')
  }
}
