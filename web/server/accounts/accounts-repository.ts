// Staff accounts and the authorities they belong to, as account management reads and writes them.
// An administrator is province-wide, so nothing here is scoped to a region. The credentials an
// account signs in with are the auth feature's (web/server/auth/staff-credentials-repository.ts).
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { StaffRole } from '@shared/domain/enums'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { isLookupKey } from '@web/server/lib/database-text'

/** What an administrator's action on one account checks and records of it beforehand. */
const accountTargetSelect = { id: true, username: true, active: true, mustChangePassword: true, totpEnrolledAt: true } satisfies Prisma.UserSelect

export type AccountTarget = Prisma.UserGetPayload<{ select: typeof accountTargetSelect }>

function accountListSelect(now: Date) {
  return {
    id: true,
    username: true,
    displayName: true,
    role: true,
    active: true,
    isDemo: true,
    mustChangePassword: true,
    totpEnrolledAt: true,
    lastSignInAt: true,
    authority: { select: { name: true, regionCode: true } },
    _count: { select: { sessions: { where: { endedAt: null, expiresAt: { gt: now } } } } },
  } satisfies Prisma.UserSelect
}

const authorityChoiceSelect = { id: true, name: true, regionCode: true } satisfies Prisma.AuthoritySelect

export interface NewAccount {
  username: string
  displayName: string
  role: StaffRole
  authorityId: string | null
  /** the hash of the one-time password; the account must choose its own at the first sign-in */
  passwordHash: string
  createdAt: Date
}

export function createAccountsRepository(db: Db | Tx) {
  return {
    /** A staff account; a token's service account is managed through its token, never as an account. */
    async findAccount(userId: string): Promise<AccountTarget | null> {
      if (!isLookupKey(userId)) return null
      return db.user.findFirst({ where: { id: userId, isService: false }, select: accountTargetSelect })
    },

    async isUsernameTaken(username: string): Promise<boolean> {
      return (await db.user.findUnique({ where: { username }, select: { id: true } })) !== null
    },

    countAdministrators(): Promise<number> {
      return db.user.count({ where: { role: 'PROVINCE_ADMIN' } })
    },

    /** Every account, administrators first, with its authority and its live (unended, unexpired) sessions. */
    list(now: Date) {
      return db.user.findMany({ where: { isService: false }, orderBy: [{ role: 'asc' }, { username: 'asc' }], select: accountListSelect(now) })
    },

    async create(account: NewAccount): Promise<string> {
      const user = await db.user.create({ data: { ...account, mustChangePassword: true }, select: { id: true } })
      return user.id
    },

    async setActive(userId: string, active: boolean): Promise<void> {
      await db.user.update({ where: { id: userId }, data: { active } })
    },

    async findAuthority(authorityId: string): Promise<{ id: string; regionCode: string } | null> {
      if (!isLookupKey(authorityId)) return null
      return db.authority.findUnique({ where: { id: authorityId }, select: { id: true, regionCode: true } })
    },

    findAuthorityOfRegion(regionCode: string): Promise<{ id: string } | null> {
      return db.authority.findUnique({ where: { regionCode }, select: { id: true } })
    },

    /** The authorities an account may belong to, in the regions' order. */
    listAuthorities() {
      return db.authority.findMany({ orderBy: { region: { sortOrder: 'asc' } }, select: authorityChoiceSelect })
    },
  }
}
