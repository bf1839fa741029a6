// Exchange API tokens and their service accounts, as token management and the exchange API read
// and write them. Only a token's SHA-256 is stored (web/server/auth/session-tokens.ts).
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { isLookupKey } from '@web/server/lib/database-text'

const tokenListSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  authority: { select: { name: true, regionCode: true } },
  serviceUser: { select: { username: true, active: true } },
} satisfies Prisma.ApiTokenSelect

const revokeTargetSelect = { id: true, name: true, prefix: true, revokedAt: true, serviceUserId: true } satisfies Prisma.ApiTokenSelect

const authenticationSelect = {
  id: true,
  scopes: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  serviceUser: {
    select: { id: true, username: true, displayName: true, role: true, authorityId: true, active: true, isService: true, authority: { select: { regionCode: true } } },
  },
} satisfies Prisma.ApiTokenSelect

export type ApiTokenListRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenListSelect }>
export type ApiTokenRevokeTarget = Prisma.ApiTokenGetPayload<{ select: typeof revokeTargetSelect }>
export type ApiTokenAuthentication = Prisma.ApiTokenGetPayload<{ select: typeof authenticationSelect }>

export interface NewApiToken {
  name: string
  tokenHash: string
  prefix: string
  authorityId: string
  scopes: string
  createdById: string
  createdAt: Date
  expiresAt: Date
  serviceUser: { username: string; passwordHash: string }
}

export function createApiTokensRepository(db: Db | Tx) {
  return {
    async findAuthority(authorityId: string): Promise<{ id: string; name: string; regionCode: string } | null> {
      if (!isLookupKey(authorityId)) return null
      return db.authority.findUnique({ where: { id: authorityId }, select: { id: true, name: true, regionCode: true } })
    },

    async isUsernameTaken(username: string): Promise<boolean> {
      return (await db.user.findUnique({ where: { username }, select: { id: true } })) !== null
    },

    /** The token and its service account (a REGION_OFFICER of the token's authority that never signs in). */
    async create(token: NewApiToken): Promise<{ id: string; serviceUserId: string }> {
      const user = await db.user.create({
        data: {
          username: token.serviceUser.username,
          displayName: token.name,
          passwordHash: token.serviceUser.passwordHash,
          role: 'REGION_OFFICER',
          authorityId: token.authorityId,
          mustChangePassword: false,
          isService: true,
          createdAt: token.createdAt,
        },
        select: { id: true },
      })
      const created = await db.apiToken.create({
        data: {
          name: token.name,
          tokenHash: token.tokenHash,
          prefix: token.prefix,
          authorityId: token.authorityId,
          serviceUserId: user.id,
          scopes: token.scopes,
          createdById: token.createdById,
          createdAt: token.createdAt,
          expiresAt: token.expiresAt,
        },
        select: { id: true },
      })
      return { id: created.id, serviceUserId: user.id }
    },

    /** Every token, newest first. */
    list(): Promise<ApiTokenListRow[]> {
      return db.apiToken.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: tokenListSelect })
    },

    async findForRevoke(tokenId: string): Promise<ApiTokenRevokeTarget | null> {
      if (!isLookupKey(tokenId)) return null
      return db.apiToken.findUnique({ where: { id: tokenId }, select: revokeTargetSelect })
    },

    /** Revokes a token not yet revoked and disables its service account; false when it already was. */
    async revoke(tokenId: string, serviceUserId: string, now: Date): Promise<boolean> {
      const changed = await db.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } })
      if (changed.count !== 1) return false
      await db.user.update({ where: { id: serviceUserId }, data: { active: false } })
      return true
    },

    findByHash(tokenHash: string): Promise<ApiTokenAuthentication | null> {
      return db.apiToken.findUnique({ where: { tokenHash }, select: authenticationSelect })
    },

    /** Stamps the token's last use unless it was stamped within the last minute (one write a minute at most). */
    async touchLastUsed(tokenId: string, now: Date): Promise<void> {
      const minuteAgo = new Date(now.getTime() - 60_000)
      await db.apiToken.updateMany({ where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: minuteAgo } }] }, data: { lastUsedAt: now } })
    },
  }
}
