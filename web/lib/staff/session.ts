// The staff session of the current request, for pages, layouts and server actions under /admin.
//
// The cookie is `__Host-portal-staff` (HttpOnly, SameSite=Strict, Path=/, Secure) when the request
// came over HTTPS. Browsers refuse a `__Host-` cookie without Secure, and plain http://localhost
// (development, the e2e run) cannot set Secure, so there the cookie is `portal-staff` with the same
// attributes minus Secure. Over HTTPS only the prefixed name is read.
//
// Pages read cookies, so under `cacheComponents` they must call these inside a <Suspense> boundary
// (or after `await connection()`), like every other request-time read in this app.
import { cache } from 'react'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { connection } from 'next/server'
import type { Actor } from '@shared/staff/actor'
import { can, type Permission } from '@shared/staff/permissions'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { clientKeyOf } from '@web/server/rate-limit/client-key'
import { csrfTokenOf } from '@web/server/auth/session-tokens'
import { actorOf, resolveSession, type ResolvedSession, type SessionSettings } from '@web/server/auth/staff-sessions'

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

/** The session cookie's token, if the request carries one. */
export async function readSessionToken(): Promise<string | null> {
  const h = await headers()
  const jar = await cookies()
  return jar.get(sessionCookieName(isSecureRequest(h)))?.value ?? null
}

/** Sets the session cookie (a browser-session cookie: the server enforces idle and absolute ends). */
export async function setSessionCookie(token: string): Promise<void> {
  const secure = isSecureRequest(await headers())
  const jar = await cookies()
  jar.set(sessionCookieName(secure), token, { httpOnly: true, sameSite: 'strict', path: '/', secure })
}

export async function clearSessionCookie(): Promise<void> {
  const secure = isSecureRequest(await headers())
  const jar = await cookies()
  jar.set(sessionCookieName(secure), '', { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge: 0 })
}

export interface CurrentSession {
  session: ResolvedSession
  token: string
  clientIp: string | null
}

/** The request's live session at any sign-in step, once per request. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  // request-time only: the expiry check reads the clock, which a prerender must not
  await connection()
  const token = await readSessionToken()
  if (!token) return null
  const session = await resolveSession(getDb(), token, sessionSettings())
  if (!session) return null
  return { session, token, clientIp: clientIpOf(await headers()) }
})

/** The signed-in staff member (an ACTIVE session), or null. */
export async function currentActor(): Promise<Actor | null> {
  const current = await currentSession()
  return current ? actorOf(current.session, current.clientIp) : null
}

/**
 * The signed-in staff member, or a redirect to /admin/sign-in; with a permission the role lacks,
 * the 无权访问 page (/admin/forbidden) instead of the page asked for.
 */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect('/admin/sign-in')
  if (permission && !can(actor.role, permission)) redirect('/admin/forbidden')
  return actor
}

/** The CSRF token of the request's session for the forms of a page ('' without a session). */
export async function currentCsrfToken(): Promise<string> {
  const current = await currentSession()
  return current ? csrfTokenOf(current.token) : ''
}
