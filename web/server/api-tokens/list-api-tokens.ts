// The token list of /admin/accounts/tokens: every token with its authority, scopes and state
// (never the token, which is not stored).
import type { Db } from '@db/client'
import { parseApiTokenScopes, type ApiTokenScope } from '@shared/staff-forms/api-tokens'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createApiTokensRepository } from './api-tokens-repository'

export type ApiTokenState = 'ACTIVE' | 'REVOKED' | 'EXPIRED'

export interface ApiTokenListItem {
  id: string
  name: string
  prefix: string
  authorityName: string
  regionCode: string
  serviceUsername: string
  scopes: ApiTokenScope[]
  createdAt: Date
  expiresAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
  state: ApiTokenState
}

export async function listApiTokens(db: Db, actor: Actor, now = new Date()): Promise<ApiTokenListItem[]> {
  authorize(actor, 'accounts.manage')
  const rows = await createApiTokensRepository(db).list()
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    authorityName: t.authority.name,
    regionCode: t.authority.regionCode,
    serviceUsername: t.serviceUser.username,
    scopes: parseApiTokenScopes(t.scopes),
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    state: t.revokedAt ? 'REVOKED' : t.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'ACTIVE',
  }))
}
