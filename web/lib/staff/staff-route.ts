// The wrapper of the back office's route handlers that change something (a file upload, a commit
// asked by fetch): what staffAction does for forms, for a request whose body is not a form.
//   1. same-site only (Origin, or Sec-Fetch-Site; web/server/auth/csrf.ts), else 403,
//   2. an ACTIVE session from the cookie, else 401 — the Actor comes from the session only,
//   3. the session's CSRF token in the X-CSRF-Token header, else 403,
//   4. the permission, else 403,
//   5. the handler; the application layer's refusals become JSON answers naming the field:
//      InputError 400 (413 for a body over its limit), NotFoundError 404, ForbiddenError 403,
//      ConflictError 409.
// Answers are never cached and carry no CORS headers.
import { NextResponse } from 'next/server'
import type { Actor } from '@shared/staff/actor'
import { can, type Permission } from '@shared/staff/permissions'
import { getDb, type Db } from '@web/lib/db'
import { env } from '@web/lib/env'
import { servesPath } from '@web/lib/instance-role'
import { expectedOrigins, isSameOriginRequest } from '@web/server/auth/csrf'
import { isCsrfTokenOf } from '@web/server/auth/session-tokens'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { currentSession } from './session'
import { actorOf } from '@web/server/auth/staff-sessions'
import { CROSS_SITE_MESSAGE, CSRF_MESSAGE } from './staff-action'

export const CSRF_HEADER = 'x-csrf-token'

const noStore = { 'Cache-Control': 'no-store' }

function json(status: number, body: Record<string, unknown>): NextResponse {
  return NextResponse.json(body, { status, headers: noStore })
}

/** The JSON answer of an application-layer refusal, or null for an error that is not one. */
export function refusalResponse(error: unknown): NextResponse | null {
  if (error instanceof InputError) {
    const tooLarge = error.name === 'ImportFileTooLargeError'
    return json(tooLarge ? 413 : 400, { error: error.message, fields: error.fields })
  }
  if (error instanceof NotFoundError) return json(404, { error: error.message })
  if (error instanceof ForbiddenError) return json(403, { error: error.message })
  if (error instanceof ConflictError) return json(409, { error: error.message })
  return null
}

export function staffRoute(permission: Permission | null, handler: (request: Request, context: { db: Db; actor: Actor }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    // the request proxy does not see body-carrying staff routes (web/proxy.ts): a public instance
    // refuses them here, though a staff session cookie from the staff instance would be valid
    if (!servesPath(env.PORTAL_ROLE, new URL(request.url).pathname)) return json(404, { error: '本实例不提供此功能' })
    if (!isSameOriginRequest(request.headers, expectedOrigins(request.headers, env.PORTAL_ORIGIN))) return json(403, { error: CROSS_SITE_MESSAGE })
    const current = await currentSession()
    const actor = current ? actorOf(current.session, current.clientIp) : null
    if (!current || !actor) return json(401, { error: '请先登录' })
    if (!isCsrfTokenOf(current.token, request.headers.get(CSRF_HEADER))) return json(403, { error: CSRF_MESSAGE })
    if (permission && !can(actor.role, permission)) return json(403, { error: new ForbiddenError().message })
    try {
      return await handler(request, { db: getDb(), actor })
    } catch (error) {
      const answer = refusalResponse(error)
      if (answer) return answer
      throw error
    }
  }
}
