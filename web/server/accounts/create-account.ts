// An administrator creates a staff account: it belongs to an authority (which gives the region),
// gets a one-time password shown once, and must choose its own password and enrol its second
// factor on the first sign-in.
import type { Db } from '@db/client'
import { createAccountSchema, type CreateAccountInput } from '@shared/staff-forms/accounts'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { hashPassword } from '@web/server/auth/passwords'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createAccountsRepository } from './accounts-repository'
import { newOneTimePassword } from './one-time-password'

export async function createAccount(db: Db, actor: Actor, input: CreateAccountInput, now = new Date()): Promise<{ userId: string; oneTimePassword: string }> {
  authorize(actor, 'accounts.manage')
  const data = createAccountSchema.parse(input)
  const accounts = createAccountsRepository(db)
  const authority = await accounts.findAuthority(data.authorityId!)
  if (!authority) throw new InputError({ authorityId: '所选主管部门不存在' })
  if (await accounts.isUsernameTaken(data.username)) throw new InputError({ username: '该用户名已被使用' })
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  const userId = await withAuditRetry(db, async (tx) => {
    const id = await createAccountsRepository(tx).create({ username: data.username, displayName: data.displayName, role: data.role, authorityId: authority.id, passwordHash, createdAt: now })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'account.create',
      entity: 'User',
      entityId: id,
      changes: { before: null, after: { username: data.username, displayName: data.displayName, role: data.role, authorityId: authority.id, regionCode: authority.regionCode } },
      at: now,
    })
    return id
  })
  return { userId, oneTimePassword }
}
