// Test fixtures: certificates signed with test keys, JWKS documents, portal answers and a
// scriptable fake API. Used only by *.test.ts (nothing in the app imports this folder).

import { encodeBase64url, hexToBytes, signCertificate, toJwks, type CertificateFields, type SignedCertificate } from '@shared/certificates'
import { completionFields, keyEntry, permitFields, testSecretKey } from '@shared/certificates/testing'
export { completionFields, permitFields }
import { TEST_SECRET_KEY_HEX } from '@shared/certificates/test-vectors'
import type { ApiResult } from '../api-client'
import type { VerifyAnswer } from '../api-schemas'
import type { BundledKeySet } from '../keys'

export const ORIGIN = 'https://portal.example.gov.cn'
export const PLATFORM_KEY_ID = 1
export const PLATFORM_SECRET = testSecretKey(11)
export const ROTATED_KEY_ID = 2
export const ROTATED_SECRET = testSecretKey(12)
export const FORGER_SECRET = testSecretKey(99)
export const PUBLIC_TEST_SECRET = hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array

/** The JWKS the portal publishes with key 1 (and key 2 after a rotation). */
export function platformJwks(options: { rotated?: boolean } = {}) {
  const keys = [keyEntry(PLATFORM_KEY_ID, PLATFORM_SECRET, '2014-01-01', options.rotated ? '2025-06-30' : null)]
  if (options.rotated) keys.push(keyEntry(ROTATED_KEY_ID, ROTATED_SECRET, '2025-07-01'))
  return toJwks(keys)
}

export function bundled(jwks: unknown = platformJwks(), extra: Partial<BundledKeySet> = {}): BundledKeySet {
  return { jwks, source: 'jwks.json', builtAt: '2025-01-01T00:00:00.000Z', publicTestKey: false, ...extra }
}

/** A construction permit (test vector 1's fields) signed by the platform's key 1. */
export const genuinePermit: SignedCertificate = signCertificate(permitFields(), PLATFORM_SECRET, PLATFORM_KEY_ID)
/** A completion filing (test vector 2's fields) signed by the platform's key 1. */
export const genuineCompletion: SignedCertificate = signCertificate(completionFields(), PLATFORM_SECRET, PLATFORM_KEY_ID)
/** Signed by key 2, which a phone built before the rotation does not hold. */
export const rotatedPermit: SignedCertificate = signCertificate(permitFields({ issuedOn: '2025-08-01' }), ROTATED_SECRET, ROTATED_KEY_ID)
/** A forger's own key claiming the platform's key id. */
export const forgedPermit: SignedCertificate = signCertificate(permitFields(), FORGER_SECRET, PLATFORM_KEY_ID)

/** The genuine permit's payload with one byte of the body changed (e.g. the project code). */
export function alteredPayload(signed: SignedCertificate, offset = 15): string {
  const bytes = Uint8Array.from(signed.bytes)
  bytes[offset] ^= 0x01
  return encodeBase64url(bytes)
}

const NAMES: Record<string, { projectName: string; holderName: string }> = {
  '46010020240300017': { projectName: '海口市龙华区滨海花园二期住宅楼工程', holderName: '海南滨海示例置业有限公司' },
  '46020020230700005': { projectName: '三亚市示例学校教学综合楼', holderName: '三亚市示例教育投资有限公司' },
}

/**
 * The portal's answer for a genuine, valid certificate with these fields; `valid` follows the
 * overridden genuine/status unless given (an older portal's answer: olderPortal()).
 */
export function validAnswer(fields: CertificateFields, overrides: Partial<VerifyAnswer> = {}): VerifyAnswer {
  const genuine = overrides.genuine ?? true
  const status = overrides.status ?? 'VALID'
  return {
    valid: genuine && status === 'VALID',
    genuine: true,
    status: 'VALID',
    message: '真实有效：此证书由本平台签发，内容未被篡改，当前状态为有效。',
    certificate: {
      type: fields.type,
      serial: fields.serial,
      projectCode: fields.projectCode,
      projectName: NAMES[fields.projectCode]?.projectName ?? '示例工程',
      holderUscc: fields.holderUscc,
      holderName: NAMES[fields.projectCode]?.holderName ?? '示例建设单位',
      issuedOn: fields.issuedOn,
      statusChangedAt: null,
      statusReason: null,
    },
    ...overrides,
  }
}

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data }
}

export const at = (iso: string) => () => new Date(iso)
