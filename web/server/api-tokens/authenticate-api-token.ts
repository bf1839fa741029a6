// Who an exchange API request acts for: the bearer token's service account, as an Actor of its
// authority's region, with the token's scopes. Unknown, malformed, revoked and expired tokens and a
// disabled service account all get the same answer (null), read from the database on every request
// so that a revocation holds at once on every instance. The last use is stamped at most once a
// minute per token.
import type { Db } from '@db/client'
import type { StaffRole } from '@shared/domain/enums'
import { HAINAN_PROVINCE_CODE } from '@shared/regions/hainan'
import { parseApiTokenScopes, type ApiTokenScope } from '@shared/staff-forms/api-tokens'
import { regionsOf, type Actor } from '@shared/staff/actor'
import { hashApiToken, isApiTokenShape } from './api-token-secrets'
import { createApiTokensRepository } from './api-tokens-repository'

export interface ApiCaller {
  tokenId: string
  scopes: ApiTokenScope[]
  /** the token's service account, acting for its authority's region */
  actor: Actor
}

export async function authenticateApiToken(db: Db, token: string, clientIp: string | null, now = new Date()): Promise<ApiCaller | null> {
  if (!isApiTokenShape(token)) return null
  const tokens = createApiTokensRepository(db)
  const row = await tokens.findByHash(hashApiToken(token))
  if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= now.getTime()) return null
  const user = row.serviceUser
  if (!user.active || !user.isService) return null
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= 60_000) await tokens.touchLastUsed(row.id, now)
  const role = user.role as StaffRole
  const regionCode = user.authority?.regionCode ?? null
  return {
    tokenId: row.id,
    scopes: parseApiTokenScopes(row.scopes),
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
      authorityId: user.authorityId,
      regionCode,
      regions: regionsOf(role, regionCode, HAINAN_PROVINCE_CODE),
      clientIp,
    },
  }
}
