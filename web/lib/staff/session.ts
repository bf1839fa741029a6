// The staff session of the current request, for pages, layouts and server actions under /admin.
// The cookie's name and attributes: session-cookie.ts.
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
import { csrfTokenOf } from '@web/server/auth/session-tokens'
import { actorOf, resolveSession, type ResolvedSession } from '@web/server/auth/staff-sessions'
import { clientIpOf, isSecureRequest, sessionCookieName, sessionSettings } from './session-cookie'

export { clientIpOf, isSecureRequest, PLAIN_COOKIE_NAME, SECURE_COOKIE_NAME, sessionCookieName, sessionSettings } from './session-cookie'

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
