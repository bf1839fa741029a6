// An administrator revokes an exchange API token: its revokedAt is set and its service account
// disabled, in one audited transaction. Every request reads the token's row, so the revocation
// holds from the next request on, on every instance.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { ConflictError, NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createApiTokensRepository } from './api-tokens-repository'

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now = new Date()): Promise<void> {
  authorize(actor, 'accounts.manage')
  await withAuditRetry(db, async (tx) => {
    const tokens = createApiTokensRepository(tx)
    const token = await tokens.findForRevoke(tokenId)
    if (!token) throw new NotFoundError('令牌')
    if (token.revokedAt || !(await tokens.revoke(token.id, token.serviceUserId, now))) throw new ConflictError('该令牌已经撤销')
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'api-token.revoke',
      entity: 'ApiToken',
      entityId: token.id,
      changes: { before: { revokedAt: null }, after: { name: token.name, prefix: token.prefix, revokedAt: now.toISOString() } },
      at: now,
    })
  })
}
