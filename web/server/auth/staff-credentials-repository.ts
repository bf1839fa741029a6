// What a staff account signs in with: its password hash, its TOTP secret and last accepted step,
// and its recovery codes. The writes that must not happen twice (a TOTP step, a recovery code, an
// enrolment, a password replaced on the strength of a check of the old one) are conditional
// updates whose row count decides.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Tx } from '@web/server/audit/audit-log-repository'

const signInSelect = { id: true, passwordHash: true, active: true, isService: true, mustChangePassword: true, totpEnrolledAt: true } satisfies Prisma.UserSelect

const secondFactorSelect = { totpSecret: true, totpEnrolledAt: true, totpLastStep: true } satisfies Prisma.UserSelect

export type SignInCredentials = Prisma.UserGetPayload<{ select: typeof signInSelect }>
export type SecondFactorState = Prisma.UserGetPayload<{ select: typeof secondFactorSelect }>

export function createStaffCredentialsRepository(db: Db | Tx) {
  return {
    /** The account of a (normalised) username with what the password step needs, or null. */
    findForSignIn(username: string): Promise<SignInCredentials | null> {
      return db.user.findUnique({ where: { username }, select: signInSelect })
    },

    countActiveDemoAccounts(): Promise<number> {
      return db.user.count({ where: { isDemo: true, active: true } })
    },

    async passwordHashOf(userId: string): Promise<string> {
      return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash
    },

    /** Stores a password the user chose; a forced change is then no longer owed. */
    async setChosenPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
      await db.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } })
    },

    /** Like setChosenPassword, only while the stored hash is still `previousHash`; false when it changed meanwhile. */
    async replaceChosenPassword(userId: string, previousHash: string, passwordHash: string, now: Date): Promise<boolean> {
      const changed = await db.user.updateMany({ where: { id: userId, passwordHash: previousHash }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } })
      return changed.count === 1
    },

    /** An administrator's reset: a one-time password whose change is forced; with forgetSecondFactor the TOTP secret and recovery codes go too. */
    async resetPassword(userId: string, passwordHash: string, forgetSecondFactor: boolean): Promise<void> {
      await db.user.update({
        where: { id: userId },
        data: { passwordHash, mustChangePassword: true, ...(forgetSecondFactor ? { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } : {}) },
      })
      if (forgetSecondFactor) await db.recoveryCode.deleteMany({ where: { userId } })
    },

    secondFactorOf(userId: string): Promise<SecondFactorState> {
      return db.user.findUniqueOrThrow({ where: { id: userId }, select: secondFactorSelect })
    },

    /** Keeps `secret` as the pending secret of an unenrolled account that has none yet; the pending secret as it then stands. */
    async keepPendingTotpSecret(userId: string, secret: string): Promise<string | null> {
      await db.user.updateMany({ where: { id: userId, totpEnrolledAt: null, totpSecret: null }, data: { totpSecret: secret } })
      return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })).totpSecret
    },

    /** Marks the pending `secret` enrolled with its first accepted step; false when it is no longer pending. */
    async confirmTotpEnrolment(userId: string, secret: string, step: number, now: Date): Promise<boolean> {
      const enrolled = await db.user.updateMany({
        where: { id: userId, totpEnrolledAt: null, totpSecret: secret },
        data: { totpEnrolledAt: now, totpLastStep: step, lastSignInAt: now },
      })
      return enrolled.count === 1
    },

    /** Records an accepted TOTP step; false when that step or a later one was already accepted. */
    async recordTotpStep(userId: string, step: number): Promise<boolean> {
      const recorded = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      })
      return recorded.count === 1
    },

    async recordSignIn(userId: string, now: Date): Promise<void> {
      await db.user.update({ where: { id: userId }, data: { lastSignInAt: now } })
    },

    async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
      await db.recoveryCode.deleteMany({ where: { userId } })
      await db.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) })
    },

    findUnusedRecoveryCode(userId: string, codeHash: string): Promise<{ id: string } | null> {
      return db.recoveryCode.findFirst({ where: { userId, codeHash, usedAt: null }, select: { id: true } })
    },

    /** Spends a recovery code; false when it was already spent. */
    async spendRecoveryCode(codeId: string, now: Date): Promise<boolean> {
      const spent = await db.recoveryCode.updateMany({ where: { id: codeId, usedAt: null }, data: { usedAt: now } })
      return spent.count === 1
    },

    countUnusedRecoveryCodes(userId: string): Promise<number> {
      return db.recoveryCode.count({ where: { userId, usedAt: null } })
    },
  }
}
