// Whether a back-office detail page would be the not-found page for the staff member signed in with
// this session token: the request proxy asks before the page streams (under cacheComponents a
// page's own notFound() comes after HTTP 200 has been sent), and answers 404 when it would.
//
// The answer comes from the page's own use case, so it is the page's rule by construction: a
// missing object and another region's object are both NotFoundError, and so both 404 alike,
// which tells an officer nothing about objects outside their regions. Anything the page handles
// otherwise (no session or a half-finished sign-in: the sign-in redirect; a role without the
// permission: the forbidden page; an error) is not this check's business: it answers false.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { actorOf, resolveSession, type SessionSettings } from '@web/server/auth/staff-sessions'
import { getStaffEnterprise } from '@web/server/enterprises/get-staff-enterprise'
import { getImportJob } from '@web/server/import/get-import-job'
import { NotFoundError } from '@web/server/lib/errors'
import { safeDecode } from '@web/server/lib/safe-decode'
import { getObjectionForReview } from '@web/server/objections/get-objection-for-review'
import { getStaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'
import { getStaffProject } from '@web/server/projects/get-staff-project'
import { getStaffRecord } from '@web/server/records/get-staff-record'

/** The back-office pages under /admin/<section>/<key>. */
export const STAFF_DETAIL_KINDS = ['enterprise', 'practitioner', 'project', 'record', 'objection', 'import-job'] as const
export type StaffDetailKind = (typeof STAFF_DETAIL_KINDS)[number]

export interface StaffSessionRequest {
  /** the session cookie's value, if the request carried one */
  token: string | null | undefined
  settings: SessionSettings
  clientIp: string | null
}

/** What each page loads, as the page calls it (the key read from the path as the page reads it). */
const LOADERS: Record<StaffDetailKind, (db: Db, actor: Actor, rawParam: string, settings: { objectionAnswerDays: number }) => Promise<unknown>> = {
  enterprise: (db, actor, id) => getStaffEnterprise(db, actor, id),
  practitioner: (db, actor, id) => getStaffPractitioner(db, actor, id),
  project: (db, actor, code) => getStaffProject(db, actor, code),
  record: (db, actor, id) => getStaffRecord(db, actor, id),
  objection: (db, actor, trackingNumber, s) => getObjectionForReview(db, actor, safeDecode(trackingNumber), { answerDays: s.objectionAnswerDays }),
  // no problem rows: only whether the job is there for this actor
  'import-job': (db, actor, id) => getImportJob(db, actor, id, 0),
}

/**
 * True when the signed-in staff member's page at /admin/<kind>/<rawParam> would say 未找到 (the
 * object is missing or outside their regions); false whenever the page answers otherwise.
 */
export async function staffDetailHidden(
  db: Db,
  session: StaffSessionRequest,
  kind: StaffDetailKind,
  rawParam: string,
  settings: { objectionAnswerDays: number },
): Promise<boolean> {
  const resolved = await resolveSession(db, session.token, session.settings)
  const actor = actorOf(resolved, session.clientIp)
  if (!actor) return false
  try {
    await LOADERS[kind](db, actor, rawParam, settings)
    return false
  } catch (error) {
    return error instanceof NotFoundError
  }
}
