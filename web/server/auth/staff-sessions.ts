// Staff sessions in the database (StaffSession). Every request reads its session row, so ending a
// session, disabling an account or an expiry takes effect on the next request on every instance
// of the portal, with no cache to wait for. A session moves through the sign-in steps
// (PASSWORD_CHANGE → TOTP_ENROLMENT → TOTP → ACTIVE) and gets a new token at each step, so a
// token seen before a step (a half-signed-in browser, a fixation attempt) is useless after it.
// Only ACTIVE sessions become an Actor.
import type { Db } from '@db/client'
import type { SessionStage, StaffRole } from '@shared/domain/enums'
import { regionsOf, type Actor } from '@shared/staff/actor'
import { HAINAN_PROVINCE_CODE } from '@shared/regions/hainan'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { hashSessionToken, newSessionToken } from './session-tokens'
import { createStaffSessionsRepository, type SessionEndReason } from './staff-sessions-repository'

export interface SessionSettings {
  /** minutes without a request after which a session ends (STAFF_SESSION_IDLE_MINUTES) */
  idleMinutes: number
  /** hours after sign-in after which a session ends whatever the activity (STAFF_SESSION_MAX_HOURS) */
  maxHours: number
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 30, maxHours: 12 }

// lastSeenAt is written at most this often: a page's many requests (RSC, prefetches) would
// otherwise each write the row. The idle timeout is then exact to within this much.
const TOUCH_EVERY_MS = 15_000

export interface ResolvedSession {
  sessionId: string
  stage: SessionStage
  user: {
    id: string
    username: string
    displayName: string
    role: StaffRole
    authorityId: string | null
    authorityName: string | null
    regionCode: string | null
    mustChangePassword: boolean
    totpEnrolled: boolean
  }
}

/** The step a session starts at after the password: what the account still owes. */
export function stageAfterPassword(user: { mustChangePassword: boolean; totpEnrolledAt: Date | null }): SessionStage {
  if (user.mustChangePassword) return 'PASSWORD_CHANGE'
  if (!user.totpEnrolledAt) return 'TOTP_ENROLMENT'
  return 'TOTP'
}

/** Opens a session at `stage`; the token for the cookie. */
export async function openSession(
  tx: Tx,
  userId: string,
  stage: SessionStage,
  context: { now: Date; settings: SessionSettings; clientIp: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const token = newSessionToken()
  const { now, settings } = context
  const sessionId = await createStaffSessionsRepository(tx).create({
    tokenHash: hashSessionToken(token),
    userId,
    stage,
    createdAt: now,
    expiresAt: new Date(now.getTime() + settings.maxHours * 3_600_000),
    clientIp: context.clientIp,
    userAgent: context.userAgent?.slice(0, 300) ?? null,
  })
  return { token, sessionId }
}

/**
 * Moves a live session from `from` to `to` with a new token. Null when the session is no longer at
 * `from` (another tab moved it, it ended): the caller refuses the step.
 */
export async function advanceSession(tx: Tx, sessionId: string, from: SessionStage, to: SessionStage, now: Date): Promise<string | null> {
  const token = newSessionToken()
  const moved = await createStaffSessionsRepository(tx).advance(sessionId, from, to, hashSessionToken(token), now)
  return moved ? token : null
}

/**
 * The live session of a cookie token, at any step, or null (unknown, ended, idle too long, past
 * its absolute end, or its account disabled). An expired session is marked ended here, the first
 * time a request finds it so. A live one's lastSeenAt moves to `now`.
 */
export async function resolveSession(db: Db, token: string | null | undefined, settings: SessionSettings, now = new Date()): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null
  const sessions = createStaffSessionsRepository(db)
  const row = await sessions.findByTokenHash(hashSessionToken(token))
  if (!row || row.endedAt) return null
  const idleEnd = row.lastSeenAt.getTime() + settings.idleMinutes * 60_000
  const expired: SessionEndReason | null = now >= row.expiresAt ? 'EXPIRED' : now.getTime() >= idleEnd ? 'IDLE' : null
  if (expired) {
    await sessions.end(row.id, expired, now)
    return null
  }
  if (!row.user.active) return null
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await sessions.touch(row.id, now)
  }
  const u = row.user
  return {
    sessionId: row.id,
    stage: row.stage as SessionStage,
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as StaffRole,
      authorityId: u.authorityId,
      authorityName: u.authority?.name ?? null,
      regionCode: u.authority?.regionCode ?? null,
      mustChangePassword: u.mustChangePassword,
      totpEnrolled: u.totpEnrolledAt !== null,
    },
  }
}

/** The Actor of an ACTIVE session (null at any earlier step). */
export function actorOf(session: ResolvedSession | null, clientIp: string | null): Actor | null {
  if (!session || session.stage !== 'ACTIVE') return null
  const u = session.user
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    authorityId: u.authorityId,
    regionCode: u.regionCode,
    regions: regionsOf(u.role, u.regionCode, HAINAN_PROVINCE_CODE),
    clientIp,
  }
}
