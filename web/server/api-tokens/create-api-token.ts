// An administrator creates an exchange API token for an authority: the token is returned once
// (only its SHA-256 is stored) and acts as a new service account of that authority, so the
// exchange API's writes are judged and audited like that authority's staff's.
import type { Db } from '@db/client'
import { API_TOKEN_MAX_DAYS, createApiTokenSchema, type CreateApiTokenInput } from '@shared/staff-forms/api-tokens'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { apiTokenPrefix, hashApiToken, newApiToken, newServiceUsername, UNUSABLE_PASSWORD_HASH } from './api-token-secrets'
import { createApiTokensRepository } from './api-tokens-repository'

const DAY_MS = 24 * 60 * 60 * 1000

/** The end of `date` (YYYY-MM-DD) in China time: the start of the next day, +08:00. */
function endOfChinaDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + DAY_MS)
}

export async function createApiToken(db: Db, actor: Actor, input: CreateApiTokenInput, now = new Date()): Promise<{ tokenId: string; token: string; serviceUsername: string }> {
  authorize(actor, 'accounts.manage')
  const data = createApiTokenSchema.parse(input)
  const expiresAt = endOfChinaDay(data.expiresOn)
  if (expiresAt.getTime() <= now.getTime()) throw new InputError({ expiresOn: '有效期至不能早于今天' })
  if (expiresAt.getTime() > now.getTime() + API_TOKEN_MAX_DAYS * DAY_MS) throw new InputError({ expiresOn: '有效期最长一年' })
  const tokens = createApiTokensRepository(db)
  const authority = await tokens.findAuthority(data.authorityId)
  if (!authority) throw new InputError({ authorityId: '所选主管部门不存在' })
  let username = newServiceUsername()
  while (await tokens.isUsernameTaken(username)) username = newServiceUsername()

  const token = newApiToken()
  const prefix = apiTokenPrefix(token)
  const scopes = data.scopes.join(',')
  const created = await withAuditRetry(db, async (tx) => {
    const row = await createApiTokensRepository(tx).create({
      name: data.name,
      tokenHash: hashApiToken(token),
      prefix,
      authorityId: authority.id,
      scopes,
      createdById: actor.userId,
      createdAt: now,
      expiresAt,
      serviceUser: { username, passwordHash: UNUSABLE_PASSWORD_HASH },
    })
    // never the token itself, nor its hash
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'api-token.create',
      entity: 'ApiToken',
      entityId: row.id,
      changes: {
        before: null,
        after: { name: data.name, prefix, authorityId: authority.id, regionCode: authority.regionCode, scopes, expiresAt: expiresAt.toISOString(), serviceUserId: row.serviceUserId, serviceUsername: username },
      },
      at: now,
    })
    return row
  })
  return { tokenId: created.id, token, serviceUsername: username }
}
