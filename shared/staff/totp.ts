// Time-based one-time passwords (RFC 6238: 30-second steps, 6 digits, HMAC-SHA-1), the staff's
// second factor. Built on @oslojs/otp's HOTP functions with the counter computed here from a
// clock the caller passes: the library's own TOTP helpers read the system clock, which tests
// could not control. A code is accepted for the current step and one step either side (clock
// drift, a code typed just as it changed), and only for a step after the last one accepted
// (User.totpLastStep), so that a code seen over a shoulder or replayed cannot be used again.
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { generateHOTP, verifyHOTP } from '@oslojs/otp'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** steps either side of the current one that are still accepted */
export const TOTP_WINDOW = 1

/** The RFC 6238 time step of an instant: floor(unix seconds / 30). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

/** The code of a step (HOTP with the step as counter). */
export function totpCode(secret: Uint8Array, step: number, digits = TOTP_DIGITS): string {
  return generateHOTP(secret, BigInt(step), digits)
}

/**
 * The step a code was accepted for, or null: the code must match the current step or one within
 * TOTP_WINDOW of it, and that step must come after `lastStep` (a reused code is refused).
 */
export function verifyTotp(secret: Uint8Array, code: string, now: Date, lastStep: number | null): number | null {
  const normalized = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(normalized)) return null
  const current = totpStep(now)
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue
    if (verifyHOTP(secret, BigInt(step), TOTP_DIGITS, normalized)) return step
  }
  return null
}

/** Base32 (RFC 4648, upper case, no padding) of a secret, as authenticator apps take it. */
export function encodeTotpSecret(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret)
}

/** The secret's bytes from its base32 text (spaces and case ignored, as users type it). */
export function decodeTotpSecret(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32.replace(/\s+/g, '').toUpperCase())
}

/** The otpauth:// URI (Google Authenticator's Key Uri Format) that the enrolment QR code carries. */
export function totpUri(issuer: string, accountName: string, secretBase32: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  })
  return `otpauth://totp/${label}?${params.toString()}`
}
