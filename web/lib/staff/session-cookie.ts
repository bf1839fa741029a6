// Which cookie carries the staff session, and the session's time limits: read by the pages through
// session.ts and by the request proxy (web/proxy.ts), which has no next/headers of its own.
//
// The cookie is `__Host-portal-staff` (HttpOnly, SameSite=Strict, Path=/, Secure) when the request
// came over HTTPS. Browsers refuse a `__Host-` cookie without Secure, and plain http://localhost
// (development, the e2e run) cannot set Secure, so there the cookie is `portal-staff` with the same
// attributes minus Secure. Over HTTPS only the prefixed name is read.
import { env } from '@web/lib/env'
import type { SessionSettings } from '@web/server/auth/staff-sessions'
import { clientKeyOf } from '@web/server/rate-limit/client-key'

export const SECURE_COOKIE_NAME = '__Host-portal-staff'
export const PLAIN_COOKIE_NAME = 'portal-staff'

export function sessionSettings(): SessionSettings {
  return { idleMinutes: env.STAFF_SESSION_IDLE_MINUTES, maxHours: env.STAFF_SESSION_MAX_HOURS }
}

/** True when the request reached the portal over HTTPS (directly or through a proxy that says so). */
export function isSecureRequest(h: Headers): boolean {
  if (env.NODE_ENV === 'production' && env.PORTAL_ORIGIN.startsWith('https:')) return true
  return h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME
}

/** The client address for the audit log, as the portal's server recorded it (rate-limit/client-key.ts). */
export function clientIpOf(h: Headers): string | null {
  const key = clientKeyOf(h)
  return key === 'unknown' ? null : key
}
