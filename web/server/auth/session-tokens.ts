// Secrets of a staff session. The cookie carries a random 256-bit token; the database keeps only
// its SHA-256, so a copy of the database (or a backup) cannot be replayed as a cookie. The CSRF
// token is an HMAC keyed by that same cookie token: a page of this site can print it into its
// forms, another site can neither read the HttpOnly cookie nor derive the token, and the token
// changes whenever the session token does (every sign-in step) without storing anything more.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new session token: 32 random bytes, base64url (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database stores of a token: its SHA-256, hex. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The CSRF token of the session whose cookie token is `token`. */
export function csrfTokenOf(token: string): string {
  return createHmac('sha256', token).update('portal-staff-csrf-v1').digest('base64url')
}

/** Constant-time comparison of two strings (false when their lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** True when `token` is the CSRF token of the session token `sessionToken`. */
export function isCsrfTokenOf(sessionToken: string, token: string | null | undefined): boolean {
  return typeof token === 'string' && token.length > 0 && safeEqual(csrfTokenOf(sessionToken), token)
}
