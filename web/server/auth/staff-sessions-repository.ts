// StaffSession rows. Every change of a session's state is a conditional update on a live row
// (`endedAt IS NULL`, and the expected step where it matters) whose row count decides, so two tabs
// or two instances acting on one session at once cannot both succeed.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { SessionStage } from '@shared/domain/enums'
import type { Tx } from '@web/server/audit/audit-log-repository'

/** Why a session ended (StaffSession.endReason). */
export type SessionEndReason = 'SIGN_OUT' | 'IDLE' | 'EXPIRED' | 'ENDED_BY_ADMIN' | 'ACCOUNT_DISABLED' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET'

/** A session as each request reads it: its state and what the Actor is made of. */
const sessionSelect = {
  id: true,
  stage: true,
  lastSeenAt: true,
  expiresAt: true,
  endedAt: true,
  user: {
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      authorityId: true,
      mustChangePassword: true,
      totpEnrolledAt: true,
      authority: { select: { regionCode: true, name: true } },
    },
  },
} satisfies Prisma.StaffSessionSelect

export type StaffSessionRow = Prisma.StaffSessionGetPayload<{ select: typeof sessionSelect }>

export interface NewStaffSession {
  tokenHash: string
  userId: string
  stage: SessionStage
  createdAt: Date
  expiresAt: Date
  clientIp: string | null
  userAgent: string | null
}

export function createStaffSessionsRepository(db: Db | Tx) {
  return {
    async create(session: NewStaffSession): Promise<string> {
      const row = await db.staffSession.create({ data: { ...session, lastSeenAt: session.createdAt }, select: { id: true } })
      return row.id
    },

    findByTokenHash(tokenHash: string): Promise<StaffSessionRow | null> {
      return db.staffSession.findUnique({ where: { tokenHash }, select: sessionSelect })
    },

    /** Moves a live session from step `from` to `to` under a new token hash; false when it is no longer at `from`. */
    async advance(sessionId: string, from: SessionStage, to: SessionStage, tokenHash: string, now: Date): Promise<boolean> {
      const changed = await db.staffSession.updateMany({ where: { id: sessionId, stage: from, endedAt: null }, data: { stage: to, tokenHash, lastSeenAt: now } })
      return changed.count === 1
    },

    /** Ends one live session; false when it had already ended. */
    async end(sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
      const ended = await db.staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } })
      return ended.count === 1
    },

    /** Ends the live sessions of a user (all, or all but one); how many ended. */
    async endAllOf(userId: string, reason: SessionEndReason, now: Date, exceptSessionId?: string): Promise<number> {
      const ended = await db.staffSession.updateMany({
        where: { userId, endedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
        data: { endedAt: now, endReason: reason },
      })
      return ended.count
    },

    async touch(sessionId: string, now: Date): Promise<void> {
      await db.staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } })
    },
  }
}
