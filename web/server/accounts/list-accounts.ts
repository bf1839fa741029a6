// The account list of /admin/accounts and the authorities an account may belong to.
import type { Db } from '@db/client'
import type { StaffRole } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'

export interface AccountRow {
  id: string
  username: string
  displayName: string
  role: StaffRole
  authorityName: string | null
  regionCode: string | null
  active: boolean
  isDemo: boolean
  mustChangePassword: boolean
  totpEnrolled: boolean
  lastSignInAt: Date | null
  liveSessions: number
}

export async function listAccounts(db: Db, actor: Actor, now = new Date()): Promise<AccountRow[]> {
  authorize(actor, 'accounts.manage')
  const users = await db.user.findMany({
    orderBy: [{ role: 'asc' }, { username: 'asc' }],
    select: {
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
    },
  })
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as StaffRole,
    authorityName: u.authority?.name ?? null,
    regionCode: u.authority?.regionCode ?? null,
    active: u.active,
    isDemo: u.isDemo,
    mustChangePassword: u.mustChangePassword,
    totpEnrolled: u.totpEnrolledAt !== null,
    lastSignInAt: u.lastSignInAt,
    liveSessions: u._count.sessions,
  }))
}

export async function listAuthorities(db: Db, actor: Actor): Promise<{ id: string; name: string; regionCode: string }[]> {
  authorize(actor, 'accounts.manage')
  return db.authority.findMany({ orderBy: { region: { sortOrder: 'asc' } }, select: { id: true, name: true, regionCode: true } })
}
