// The wrapper every back-office form's server action is built with. In order, it:
//   1. refuses a request from another site (Origin, or without it Sec-Fetch-Site; web/server/auth/csrf.ts),
//   2. resolves the ACTIVE session from the cookie (none: to /admin/sign-in) — the Actor comes from
//      the session, never from the form,
//   3. requires the session's CSRF token in the hidden field (web/components/admin/csrf-field.tsx),
//   4. checks the permission (the use case checks it again, with the region),
//   5. parses the form with the zod schema (Chinese messages per field),
//   6. runs the use case and maps the application layer's refusals to the form: InputError to its
//      fields, NotFoundError / ForbiddenError / ConflictError / a rate limit to a form message.
// Next's redirect() and notFound() pass through. Anything else is a bug and goes to the error page.
//
// Use (a 'use server' file beside the page; the form uses useActionState with INITIAL_STAFF_FORM_STATE):
//
//   'use server'
//   import { z } from 'zod'
//   import { staffAction } from '@web/lib/staff/staff-action'
//   import { disableAccount } from '@web/server/accounts/set-account-active'
//
//   const schema = z.object({ userId: z.string().min(1, '请选择账号') })
//   export const disableAccountAction = staffAction('accounts.manage', schema, async (db, actor, input) => {
//     await disableAccount(db, actor, input.userId)
//     return '账号已停用'                 // or a StaffFormState, or nothing; or redirect('/admin/…')
//   })
//
// The form renders <CsrfField /> inside it; the page calls requireActor(permission) first.
import { headers } from 'next/headers'
import { redirect, unstable_rethrow } from 'next/navigation'
import { z } from 'zod'
import type { Actor } from '@shared/staff/actor'
import { can, type Permission } from '@shared/staff/permissions'
import { getDb, type Db } from '@web/lib/db'
import { env } from '@web/lib/env'
import { expectedOrigins, isSameOriginRequest } from '@web/server/auth/csrf'
import { isCsrfTokenOf } from '@web/server/auth/session-tokens'
import { actorOf, resolveSession, type ResolvedSession } from '@web/server/auth/staff-sessions'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { RateLimitedError } from '@web/server/rate-limit/configured-limiter'
import { CSRF_FIELD, type StaffFormState } from './form-state'
import { clientIpOf, readSessionToken, sessionSettings } from './session'

export { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from './form-state'

export type StaffActionHandler<I> = (db: Db, actor: Actor, input: I) => Promise<StaffFormState | string | void>
export type StaffServerAction = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

/** What the wrapper needs from the request and the server; tests pass fakes. */
export interface StaffActionDeps {
  headers(): Promise<Headers>
  sessionToken(): Promise<string | null>
  db(): Db
  resolve(db: Db, token: string): Promise<ResolvedSession | null>
  portalOrigin: string
  clientIp(headers: Headers): string | null
}

export const CROSS_SITE_MESSAGE = '请求来源不是本站，已拒绝。请从本站页面重新提交。'
export const CSRF_MESSAGE = '页面已过期，请刷新页面后重新提交。'
const FIX_FIELDS_MESSAGE = '提交未成功，请按提示修改后重新提交。'

// Fields never sent back to the browser in `values`: passwords, the one-time `code` and recovery
// codes. Not every name containing "code": regionCode, categoryCode, subjectCode are ordinary fields
// that a form must get back after an error.
const SECRET_FIELD = /password|passcode|^code$|recovery|secret|token|^\$ACTION/i

export function valuesOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !SECRET_FIELD.test(key) && key !== CSRF_FIELD) values[key] = value
  }
  return values
}

/** One Chinese message per field (the first issue of each), keyed by the issue's path. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form'
    fields[key] ??= issue.message
  }
  return fields
}

/** The form state of an application-layer refusal, or null for an error that is not one. */
export function refusalState(error: unknown, values: Record<string, string>): StaffFormState | null {
  if (error instanceof InputError) return { status: 'error', message: FIX_FIELDS_MESSAGE, fieldErrors: error.fields, values }
  if (error instanceof z.ZodError) return { status: 'error', message: FIX_FIELDS_MESSAGE, fieldErrors: zodFieldErrors(error), values }
  if (error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof ConflictError) {
    return { status: 'error', message: error.message, values }
  }
  if (error instanceof RateLimitedError) {
    return { status: 'error', message: `请稍后再试（约 ${Math.ceil(error.decision.retryAfterSeconds / 60)} 分钟后）`, values }
  }
  return null
}

export function createStaffAction(deps: StaffActionDeps) {
  return function staffAction<S extends z.ZodType<Record<string, unknown>>>(
    permission: Permission | null,
    schema: S,
    handler: StaffActionHandler<z.output<S>>,
  ): StaffServerAction {
    return async (_previous, formData) => {
      const values = valuesOf(formData)
      const h = await deps.headers()
      if (!isSameOriginRequest(h, expectedOrigins(h, deps.portalOrigin))) return { status: 'error', message: CROSS_SITE_MESSAGE, values }
      const token = await deps.sessionToken()
      const db = deps.db()
      const session = token ? await deps.resolve(db, token) : null
      const actor = actorOf(session, deps.clientIp(h))
      if (!token || !actor) redirect('/admin/sign-in')
      const submitted = formData.get(CSRF_FIELD)
      if (!isCsrfTokenOf(token, typeof submitted === 'string' ? submitted : null)) return { status: 'error', message: CSRF_MESSAGE, values }
      if (permission && !can(actor.role, permission)) return { status: 'error', message: new ForbiddenError().message, values }
      const input: Record<string, unknown> = {}
      for (const key of new Set(formData.keys())) {
        if (key === CSRF_FIELD || key.startsWith('$ACTION')) continue
        const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
        input[key] = all.length > 1 ? all : (all[0] ?? '')
      }
      const parsed = schema.safeParse(input)
      if (!parsed.success) return { status: 'error', message: FIX_FIELDS_MESSAGE, fieldErrors: zodFieldErrors(parsed.error), values }
      try {
        const result = await handler(db, actor, parsed.data)
        if (typeof result === 'string') return { status: 'ok', message: result }
        return result ?? { status: 'ok' }
      } catch (error) {
        unstable_rethrow(error)
        const state = refusalState(error, values)
        if (state) return state
        throw error
      }
    }
  }
}

/** The wrapper on this server's request, database and settings. */
export const staffAction = createStaffAction({
  headers,
  sessionToken: readSessionToken,
  db: getDb,
  resolve: (db, token) => resolveSession(db, token, sessionSettings()),
  portalOrigin: env.PORTAL_ORIGIN,
  clientIp: clientIpOf,
})
