// The account an administrator acts on: it must exist (an administrator is province-wide, so there
// is no region to hide it behind).
import type { Tx } from '@web/server/audit/audit-log-repository'
import { NotFoundError } from '@web/server/lib/errors'
import { createAccountsRepository, type AccountTarget } from './accounts-repository'

export async function findAccount(tx: Tx, userId: string): Promise<AccountTarget> {
  const user = await createAccountsRepository(tx).findAccount(userId)
  if (!user) throw new NotFoundError('该账号')
  return user
}
