// Disable or enable an account. Disabling ends its sessions in the same transaction; every request
// reads its session row and the account's state, so the user is out on the next request, on
// every instance. An administrator cannot disable the account it is signed in with.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { createStaffSessionsRepository } from '@web/server/auth/staff-sessions-repository'
import { ConflictError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { findAccount } from './account-target'
import { createAccountsRepository } from './accounts-repository'

export async function setAccountActive(db: Db, actor: Actor, userId: string, active: boolean, now = new Date()): Promise<void> {
  authorize(actor, 'accounts.manage')
  if (!active && userId === actor.userId) throw new ConflictError('不能停用自己正在使用的账号')
  await withAuditRetry(db, async (tx) => {
    const user = await findAccount(tx, userId)
    if (user.active === active) throw new ConflictError(active ? '该账号已是启用状态' : '该账号已是停用状态')
    await createAccountsRepository(tx).setActive(userId, active)
    const ended = active ? 0 : await createStaffSessionsRepository(tx).endAllOf(userId, 'ACCOUNT_DISABLED', now)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: active ? 'account.enable' : 'account.disable',
      entity: 'User',
      entityId: userId,
      changes: { before: { active: user.active }, after: { active, ...(active ? {} : { sessionsEnded: ended }) } },
      at: now,
    })
  })
}
