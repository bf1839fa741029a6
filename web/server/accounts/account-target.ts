// The account an administrator acts on: it must exist (an administrator is province-wide, so there
// is no region to hide it behind).
import type { Tx } from '@web/server/audit/audit-log-repository'
import { NotFoundError } from '@web/server/lib/errors'

export async function findAccount(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, active: true, mustChangePassword: true, totpEnrolledAt: true } })
  if (!user) throw new NotFoundError('该账号')
  return user
}
