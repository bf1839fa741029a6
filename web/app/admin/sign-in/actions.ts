'use server'
// The sign-in steps' server actions. Each checks the request's origin (and, once a session exists,
// its CSRF token), calls one use case, sets the step's new session token in the cookie and goes
// to the next step's page. Refusals come back to the form in Chinese.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getDb } from '@web/lib/db'
import type { StaffFormState } from '@web/lib/staff/form-state'
import { clearSessionCookie, clientIpOf, currentSession, readSessionToken, sessionSettings, setSessionCookie } from '@web/lib/staff/session'
import { refuseDemoAccounts, signInRequestProblem, STAGE_PATHS, throttleSettings } from '@web/lib/staff/sign-in-flow'
import { refusalState } from '@web/lib/staff/staff-action'
import { changeInitialPassword } from '@web/server/auth/change-initial-password'
import { signIn } from '@web/server/auth/sign-in'
import { SignInRefusedError } from '@web/server/auth/sign-in-throttle'
import { signOut } from '@web/server/auth/sign-out'
import { confirmTotpEnrolment } from '@web/server/auth/totp-enrolment'
import { verifySecondFactor } from '@web/server/auth/verify-second-factor'

export interface EnrolFormState extends StaffFormState {
  /** the recovery codes, in the one answer that shows them */
  recoveryCodes?: string[]
}

const text = (formData: FormData, name: string) => {
  const v = formData.get(name)
  return typeof v === 'string' ? v : ''
}

function refused(error: unknown, values: Record<string, string> = {}): StaffFormState {
  if (error instanceof SignInRefusedError) return { status: 'error', message: error.message, values }
  const state = refusalState(error, values)
  if (state) return state
  throw error
}

export async function signInAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const username = text(formData, 'username')
  const problem = await signInRequestProblem(formData, null)
  if (problem) return { status: 'error', message: problem, values: { username } }
  const h = await headers()
  let stage
  try {
    const result = await signIn(getDb(), { username, password: text(formData, 'password') }, {
      clientIp: clientIpOf(h),
      userAgent: h.get('user-agent'),
      session: sessionSettings(),
      throttle: throttleSettings(),
      refuseDemoAccounts: refuseDemoAccounts(),
    })
    await setSessionCookie(result.token)
    stage = result.stage
  } catch (error) {
    return refused(error, { username })
  }
  redirect(STAGE_PATHS[stage])
}

export async function changePasswordAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const current = await currentSession()
  if (!current) redirect('/admin/sign-in')
  const problem = await signInRequestProblem(formData, current.token)
  if (problem) return { status: 'error', message: problem }
  let stage
  try {
    const result = await changeInitialPassword(getDb(), current.session, { password: text(formData, 'password'), confirm: text(formData, 'confirm') }, { clientIp: current.clientIp })
    await setSessionCookie(result.token)
    stage = result.stage
  } catch (error) {
    return refused(error)
  }
  redirect(STAGE_PATHS[stage])
}

export async function confirmEnrolmentAction(_previous: EnrolFormState, formData: FormData): Promise<EnrolFormState> {
  const current = await currentSession()
  if (!current) redirect('/admin/sign-in')
  const problem = await signInRequestProblem(formData, current.token)
  if (problem) return { status: 'error', message: problem }
  try {
    const result = await confirmTotpEnrolment(getDb(), current.session, text(formData, 'code'), { clientIp: current.clientIp, throttle: throttleSettings() })
    await setSessionCookie(result.token)
    // the codes are shown in this one answer and nowhere else; the page moves on from there
    return { status: 'ok', message: '动态口令已绑定，登录成功。', recoveryCodes: result.recoveryCodes }
  } catch (error) {
    return refused(error)
  }
}

export async function verifyAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const current = await currentSession()
  if (!current) redirect('/admin/sign-in')
  const problem = await signInRequestProblem(formData, current.token)
  if (problem) return { status: 'error', message: problem }
  try {
    const result = await verifySecondFactor(getDb(), current.session, text(formData, 'code'), { clientIp: current.clientIp, throttle: throttleSettings() })
    await setSessionCookie(result.token)
  } catch (error) {
    return refused(error)
  }
  redirect('/admin')
}

export async function signOutAction(formData: FormData): Promise<void> {
  const token = await readSessionToken()
  const current = await currentSession()
  // a sign-out from another site is ignored (it could only be a nuisance), never half-done
  if (token && current && (await signInRequestProblem(formData, token)) === null) {
    await signOut(getDb(), current.session, current.clientIp)
  }
  await clearSessionCookie()
  redirect('/admin/sign-in')
}
