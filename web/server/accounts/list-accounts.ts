// The account list of /admin/accounts: every account with its state and live sessions.
import type { Db } from '@db/client'
import type { StaffRole } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createAccountsRepository } from './accounts-repository'

export async function listAccounts(db: Db, actor: Actor, now = new Date()) {
  authorize(actor, 'accounts.manage')
  const users = await createAccountsRepository(db).list(now)
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
