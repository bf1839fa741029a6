// Exchange API tokens on both databases: creation shows the token once and stores its hash only,
// with a service account of the token's authority; authentication gives that account as the Actor
// with the token's scopes and the same refusal for an unknown, malformed, revoked or expired token;
// revocation holds from the next request; the last use is stamped at most once a minute; the
// service account cannot sign in; everything audited without the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { hashPassword } from '@web/server/auth/passwords'
import { signIn } from '@web/server/auth/sign-in'
import { SignInRefusedError, WRONG_CREDENTIALS } from '@web/server/auth/sign-in-throttle'
import { resetRateLimitersForTesting } from '@web/server/rate-limit/configured-limiter'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { createStaffFixture, HAIKOU, SANYA, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { hashApiToken } from './api-token-secrets'
import { authenticateApiToken } from './authenticate-api-token'
import { createApiToken } from './create-api-token'
import { listApiTokens } from './list-api-tokens'
import { revokeApiToken } from './revoke-api-token'

const providers = await testProviders()
const NOW = new Date('2026-07-01T02:00:00Z')
const MIN = 60_000
const at = (ms: number) => new Date(NOW.getTime() + ms)

describe.each(providers)('exchange API tokens on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let sanyaAuthority: string

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    sanyaAuthority = (await db.authority.findUniqueOrThrow({ where: { regionCode: SANYA } })).id
  })
  afterAll(async () => t?.drop())

  const create = (name = '三亚市政务数据平台', more: Partial<{ scopes: ApiTokenScope[]; expiresOn: string; authorityId: string }> = {}) =>
    createApiToken(db, f.actors.admin, { name, authorityId: more.authorityId ?? sanyaAuthority, scopes: more.scopes ?? ['read', 'write-subjects'], expiresOn: more.expiresOn ?? '2027-06-30' }, NOW)

  it('creates a token shown once, stores only its hash, and a service account of the authority', async () => {
    const { token, tokenId, serviceUsername } = await create()
    expect(token).toMatch(/^hnex_[A-Za-z0-9_-]{43}$/)
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })
    expect(row.tokenHash).toBe(hashApiToken(token))
    expect(JSON.stringify(row)).not.toContain(token.slice(5))
    expect(row.prefix).toBe(token.slice(0, 13))
    expect(row.scopes).toBe('read,write-subjects')
    expect(row.expiresAt).toEqual(new Date('2027-06-30T16:00:00Z'))
    const user = await db.user.findUniqueOrThrow({ where: { id: row.serviceUserId } })
    expect(user).toMatchObject({ username: serviceUsername, displayName: '三亚市政务数据平台', role: 'REGION_OFFICER', authorityId: sanyaAuthority, isService: true, mustChangePassword: false, active: true })
    expect(serviceUsername).toMatch(/^api-[0-9a-f]{10}$/)

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'api-token.create', entityId: tokenId } })
    expect(entry.userId).toBe(f.actors.admin.userId)
    expect(entry.changes).not.toContain(token.slice(5))
    expect(entry.changes).not.toContain(row.tokenHash)

    const listed = (await listApiTokens(db, f.actors.admin, NOW)).find((l) => l.id === tokenId)
    expect(listed).toMatchObject({ name: '三亚市政务数据平台', prefix: row.prefix, scopes: ['read', 'write-subjects'], state: 'ACTIVE', lastUsedAt: null, serviceUsername })
    expect(JSON.stringify(listed)).not.toContain(token.slice(5))
  })

  it('refuses bad input and non-administrators', async () => {
    await expect(create('x', { scopes: [] })).rejects.toThrow()
    await expect(create('x', { expiresOn: '2026-06-30' })).rejects.toBeInstanceOf(InputError)
    await expect(create('x', { expiresOn: '2027-07-05' })).rejects.toMatchObject({ fields: { expiresOn: '有效期最长一年' } })
    await expect(create('x', { authorityId: 'nope' })).rejects.toMatchObject({ fields: { authorityId: '所选主管部门不存在' } })
    await expect(createApiToken(db, f.actors.sanyaOfficer, { name: 'x', authorityId: sanyaAuthority, scopes: ['read'], expiresOn: '2027-01-01' }, NOW)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listApiTokens(db, f.actors.auditor, NOW)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(revokeApiToken(db, f.actors.haikouOfficer, 'x', NOW)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('authenticates a good token as its service account in its region, with its scopes', async () => {
    const { token, tokenId, serviceUsername } = await create('三亚住建数据接口', { scopes: ['write-records'] })
    const caller = await authenticateApiToken(db, token, '198.51.100.9', NOW)
    expect(caller).not.toBeNull()
    const user = await db.user.findUniqueOrThrow({ where: { username: serviceUsername } })
    expect(caller).toEqual({
      tokenId,
      scopes: ['write-records'],
      actor: { userId: user.id, username: serviceUsername, displayName: '三亚住建数据接口', role: 'REGION_OFFICER', authorityId: sanyaAuthority, regionCode: SANYA, regions: [SANYA], clientIp: '198.51.100.9' },
    })
    // the last use: stamped, then not again within the minute
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toEqual(NOW)
    await authenticateApiToken(db, token, null, at(30_000))
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toEqual(NOW)
    await authenticateApiToken(db, token, null, at(MIN))
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toEqual(at(MIN))
  })

  it('refuses unknown, malformed, expired and revoked tokens with the same answer', async () => {
    const { token, tokenId } = await create('海口接口', { authorityId: f.actors.haikouOfficer.authorityId!, expiresOn: '2026-07-10' })
    expect((await authenticateApiToken(db, token, null, NOW))?.actor.regions).toEqual([HAIKOU])
    expect(await authenticateApiToken(db, `hnex_${'A'.repeat(43)}`, null, NOW)).toBeNull()
    expect(await authenticateApiToken(db, 'not-a-token', null, NOW)).toBeNull()
    expect(await authenticateApiToken(db, hashApiToken(token), null, NOW)).toBeNull()
    // expired at the end of its last day, China time
    expect(await authenticateApiToken(db, token, null, new Date('2026-07-10T15:59:59Z'))).not.toBeNull()
    expect(await authenticateApiToken(db, token, null, new Date('2026-07-10T16:00:00Z'))).toBeNull()

    await revokeApiToken(db, f.actors.admin, tokenId, at(MIN))
    expect(await authenticateApiToken(db, token, null, at(MIN))).toBeNull()
    await expect(revokeApiToken(db, f.actors.admin, tokenId, at(2 * MIN))).rejects.toBeInstanceOf(ConflictError)
    await expect(revokeApiToken(db, f.actors.admin, 'no-such-token', at(2 * MIN))).rejects.toBeInstanceOf(NotFoundError)
    const listed = (await listApiTokens(db, f.actors.admin, at(2 * MIN))).find((l) => l.id === tokenId)
    expect(listed).toMatchObject({ state: 'REVOKED', revokedAt: at(MIN) })
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'api-token.revoke', entityId: tokenId } })
    expect(entry.userId).toBe(f.actors.admin.userId)
    expect(entry.changes).not.toContain(token.slice(5))
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('never lets a service account sign in, even with a password that matches its stored hash', async () => {
    await resetRateLimitersForTesting()
    const { serviceUsername } = await create('不可登录的服务账号')
    // even if someone stored a real hash on it, the account is refused like a wrong password
    await db.user.update({ where: { username: serviceUsername }, data: { passwordHash: await hashPassword('Hainan-coast-walk-2026') } })
    const attempt = signIn(
      db,
      { username: serviceUsername, password: 'Hainan-coast-walk-2026' },
      {
        clientIp: '203.0.113.7',
        userAgent: 'vitest',
        session: { idleMinutes: 30, maxHours: 12 },
        throttle: { redisUrl: null, redisKeyPrefix: 'svc:', perAccount: 50, perAddress: 200, totpPerAccount: 50, windowMs: 15 * MIN },
        refuseDemoAccounts: false,
        now: NOW,
      },
    )
    await expect(attempt).rejects.toBeInstanceOf(SignInRefusedError)
    await expect(attempt).rejects.toThrow(WRONG_CREDENTIALS)
    expect(await db.staffSession.count({ where: { user: { username: serviceUsername } } })).toBe(0)
    const failure = await db.auditLog.findFirstOrThrow({ where: { action: 'staff.sign-in.failure', entityId: serviceUsername } })
    expect(failure.changes).toContain('SERVICE_ACCOUNT')
  })
})
