// What each sign-in page needs first: the session at that page's step, or a redirect to where the
// session actually is (none: the sign-in form; ACTIVE: the back office).
import { redirect } from 'next/navigation'
import type { SessionStage } from '@shared/domain/enums'
import { csrfTokenOf } from '@web/server/auth/session-tokens'
import { currentSession, type CurrentSession } from './session'
import { STAGE_PATHS } from './sign-in-flow'

export async function requireStage(stage: SessionStage): Promise<CurrentSession & { csrfToken: string }> {
  const current = await currentSession()
  if (!current) redirect('/admin/sign-in')
  if (current.session.stage !== stage) redirect(STAGE_PATHS[current.session.stage])
  return { ...current, csrfToken: csrfTokenOf(current.token) }
}
