'use server'
// 修改密码's server action: the staffAction wrapper (origin, ACTIVE session, CSRF token, the fields)
// around changeOwnPassword. The session goes on under a new token, so the cookie is set anew and
// the page renders again with the new token's CSRF field.
import { redirect } from 'next/navigation'
import { passwordChangeFields } from '@shared/staff-forms/password-change'
import { readSessionToken, sessionSettings, setSessionCookie } from '@web/lib/staff/session'
import { throttleSettings } from '@web/lib/staff/sign-in-flow'
import { staffAction } from '@web/lib/staff/staff-action'
import { changeOwnPassword } from '@web/server/auth/change-own-password'
import { SignInRefusedError } from '@web/server/auth/sign-in-throttle'
import { resolveSession } from '@web/server/auth/staff-sessions'

export const changeOwnPasswordAction = staffAction(null, passwordChangeFields, async (db, actor, input) => {
  // The wrapper's Actor carries no session id, so the same cookie's session is read again — not
  // through the request-cached currentSession(), whose old token the page would then render.
  const session = await resolveSession(db, await readSessionToken(), sessionSettings())
  if (!session || session.user.id !== actor.userId) redirect('/admin/sign-in')
  try {
    const { token, sessionsEnded } = await changeOwnPassword(db, actor, input, { sessionId: session.sessionId, throttle: throttleSettings() })
    await setSessionCookie(token)
    return sessionsEnded > 0 ? `密码已修改。本账号在其他地方的 ${sessionsEnded} 个登录已结束。` : '密码已修改。'
  } catch (error) {
    // the sign-in's throttle; the wrapper maps only the application layer's own refusals
    if (error instanceof SignInRefusedError) return { status: 'error', message: error.message }
    throw error
  }
})
