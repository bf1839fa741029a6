// Next-side glue of the sign-in steps: where each step's page is, the settings the use cases take
// (from the validated environment) and the origin/CSRF checks of the sign-in forms, which cannot
// use staffAction because their session is not ACTIVE yet (or does not exist: the first form is
// guarded by the origin check and SameSite=Strict alone).
import { headers } from 'next/headers'
import type { Route } from 'next'
import type { SessionStage } from '@shared/domain/enums'
import { env } from '@web/lib/env'
import { expectedOrigins, isSameOriginRequest } from '@web/server/auth/csrf'
import { DEFAULT_SIGN_IN_LIMITS, type SignInThrottleSettings } from '@web/server/auth/sign-in-throttle'
import { isCsrfTokenOf } from '@web/server/auth/session-tokens'
import { rateLimitSettingsFrom } from '@web/server/rate-limit/configured-limiter'
import { CSRF_FIELD } from './form-state'
import { CROSS_SITE_MESSAGE, CSRF_MESSAGE } from './staff-action'

export const STAGE_PATHS: Record<SessionStage, Route> = {
  PASSWORD_CHANGE: '/admin/sign-in/password',
  TOTP_ENROLMENT: '/admin/sign-in/enrol',
  TOTP: '/admin/sign-in/verify',
  ACTIVE: '/admin',
}

export function throttleSettings(): SignInThrottleSettings {
  return { ...rateLimitSettingsFrom(env), ...DEFAULT_SIGN_IN_LIMITS }
}

/** Production refuses staff sign-in while a demo account is active, unless ALLOW_DEMO_ACCOUNTS=true. */
export function refuseDemoAccounts(): boolean {
  return env.NODE_ENV === 'production' && env.ALLOW_DEMO_ACCOUNTS !== 'true'
}

/** A message when the sign-in form's request is not from this site (or lacks the step's CSRF token), else null. */
export async function signInRequestProblem(formData: FormData, sessionToken: string | null): Promise<string | null> {
  const h = await headers()
  if (!isSameOriginRequest(h, expectedOrigins(h, env.PORTAL_ORIGIN))) return CROSS_SITE_MESSAGE
  if (sessionToken !== null) {
    const submitted = formData.get(CSRF_FIELD)
    if (!isCsrfTokenOf(sessionToken, typeof submitted === 'string' ? submitted : null)) return CSRF_MESSAGE
  }
  return null
}
