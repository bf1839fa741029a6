// The first administrator of a fresh installation (npm run staff:create-admin): only on a database
// without any PROVINCE_ADMIN, so the command cannot be used to mint a second way in. The account
// belongs to the province's authority when there is one, gets a one-time password and must
// change it and enrol its second factor at the first sign-in. Audited with no acting user.
import type { Db } from '@db/client'
import { displayNameSchema, usernameSchema } from '@shared/staff-forms/accounts'
import { HAINAN_PROVINCE_CODE } from '@shared/regions/hainan'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { hashPassword } from '@web/server/auth/passwords'
import { ConflictError } from '@web/server/lib/errors'
import { createAccountsRepository } from './accounts-repository'
import { newOneTimePassword } from './one-time-password'

export async function createFirstAdmin(db: Db, input: { username: string; displayName: string }, now = new Date()): Promise<{ userId: string; oneTimePassword: string }> {
  const username = usernameSchema.parse(input.username)
  const displayName = displayNameSchema.parse(input.displayName)
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  const userId = await withAuditRetry(db, async (tx) => {
    const accounts = createAccountsRepository(tx)
    if ((await accounts.countAdministrators()) > 0) throw new ConflictError('已有系统管理员账号：请由管理员在 /admin/accounts 中创建账号')
    if (await accounts.isUsernameTaken(username)) throw new ConflictError(`用户名 ${username} 已被使用`)
    const authority = await accounts.findAuthorityOfRegion(HAINAN_PROVINCE_CODE)
    const id = await accounts.create({ username, displayName, role: 'PROVINCE_ADMIN', authorityId: authority?.id ?? null, passwordHash, createdAt: now })
    await appendAuditEntry(tx, {
      userId: null,
      action: 'account.create',
      entity: 'User',
      entityId: id,
      changes: { before: null, after: { username, displayName, role: 'PROVINCE_ADMIN', by: 'staff:create-admin' } },
      at: now,
    })
    return id
  })
  return { userId, oneTimePassword }
}
