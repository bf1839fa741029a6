// The secret of an exchange API token: `hnex_` and 32 random bytes in base64url. The database keeps
// only its SHA-256 (the staff session token's hash, web/server/auth/session-tokens.ts), so a copy of
// the database cannot be used as a token.
import { randomBytes } from 'node:crypto'
import { hashSessionToken, newSessionToken } from '@web/server/auth/session-tokens'

export const API_TOKEN_PREFIX = 'hnex_'

/** What a well-formed token looks like (anything else is refused without a database read). */
const TOKEN_SHAPE = /^hnex_[A-Za-z0-9_-]{43}$/

/** A new token: `hnex_` + 32 random bytes, base64url (48 characters in all). */
export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSessionToken()
}

export function hashApiToken(token: string): string {
  return hashSessionToken(token)
}

export function isApiTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token)
}

/** What lists show of a token: `hnex_` and its first 8 characters. */
export function apiTokenPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 8)
}

/** The service account's username: `api-` and 10 random hex digits. */
export function newServiceUsername(): string {
  return `api-${randomBytes(5).toString('hex')}`
}

/** A stored password hash no password matches (not a PHC string: verifyPassword refuses it). */
export const UNUSABLE_PASSWORD_HASH = '!service-account:no-password'
