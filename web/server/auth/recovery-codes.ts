// One-time recovery codes of the second factor: ten per enrolment, shown once, stored as SHA-256.
// A plain hash is enough because each code carries 80 random bits (no dictionary to try); a slow
// password hash would only slow down every sign-in that uses one.
import { createHash, randomBytes } from 'node:crypto'
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'

export const RECOVERY_CODE_COUNT = 10

/** A new code as shown to the user: 16 base32 characters in groups of four (80 bits). */
export function newRecoveryCode(): string {
  const text = encodeBase32UpperCaseNoPadding(randomBytes(10))
  return text.match(/.{4}/g)!.join('-')
}

/** The code as typed, without separators and case, so that "abcd efgh…" matches "ABCD-EFGH-…". */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase()
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex')
}

/** True when the input looks like a recovery code rather than a six-digit TOTP code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[A-Z2-7]{16}$/.test(normalizeRecoveryCode(input))
}
