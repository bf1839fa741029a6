// The exchange API's batch writes on both databases, through the route wrapper as the portal runs
// it (web/lib/exchange) over a test database: a token of 三亚 writes 三亚's enterprises and cannot
// write 海口's (the item is refused with the import handler's own region message, nothing of it
// written); scopes; bearer, content type and Idempotency-Key required; a replay under the same key
// and body answers the stored answer without writing; the same key with another body is 409; a
// revoked token is refused at the next request; every write audited as the token's service account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { ENTERPRISES } from '@shared/import/subject-kinds'
import { createExchangeRoute } from '@web/lib/exchange/exchange-route'
import { exchangeBatchHandler } from '@web/lib/exchange/exchange-batch-route'
import { authenticateApiToken } from '@web/server/api-tokens/authenticate-api-token'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { revokeApiToken } from '@web/server/api-tokens/revoke-api-token'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importEnterprises } from '@web/server/enterprises/import-enterprises'
import { importPass, typedRows } from '@web/server/enterprises/import-test-fixtures'
import { createStaffFixture, HAIKOU, SANYA, tableCounts, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { EXCHANGE_BATCH_SCOPES, type ExchangeBatchKind } from './exchange-kinds'
import { exchangeBatchAnswerSchema } from './exchange-schemas'

const providers = await testProviders()
const NOW = new Date('2026-07-01T02:00:00Z')

const enterprise = (code: string, regionCode: string, name: string) => ({
  uscc: code,
  name,
  type: 'CONTRACTOR',
  regionCode,
  legalRepresentative: '陈海',
  registeredAddress: '解放路1号',
  registeredCapital: 3000,
  establishedOn: '2016-04-01',
})

describe.each(providers)('exchange batch writes on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let sanyaToken: string
  let sanyaTokenId: string
  let serviceUserId: string
  const route = createExchangeRoute({ db: () => db, authenticate: authenticateApiToken, clientIp: () => '198.51.100.20', now: () => NOW })
  const post = (kind: ExchangeBatchKind, init: { token?: string | null; key?: string | null; body?: unknown; contentType?: string }) => {
    const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' }
    if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? sanyaToken}`
    if (init.key !== null) headers['Idempotency-Key'] = init.key ?? 'key-1'
    const request = new Request(`http://localhost:3000/api/exchange/v1/${kind}`, { method: 'POST', headers, body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body ?? { items: [] }) })
    return route(EXCHANGE_BATCH_SCOPES[kind], exchangeBatchHandler(kind))(request)
  }
  const sanyaNew = enterprise(uscc(SANYA, 'TY000501'), SANYA, '三亚交换测试建设有限公司')
  const haikouNew = enterprise(uscc(HAIKOU, 'HK000501'), HAIKOU, '海口交换测试建设有限公司')

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    const authorityId = (await db.authority.findUniqueOrThrow({ where: { regionCode: SANYA } })).id
    const created = await createApiToken(db, f.actors.admin, { name: '三亚数据平台', authorityId, scopes: ['write-subjects'], expiresOn: '2027-06-30' }, NOW)
    sanyaToken = created.token
    sanyaTokenId = created.tokenId
    serviceUserId = (await db.user.findUniqueOrThrow({ where: { username: created.serviceUsername } })).id
  })
  afterAll(async () => t?.drop())

  it('writes its own region, refuses another region with the handler’s message, and answers per item', async () => {
    // what the import handler says to an officer of 三亚 about a 海口 enterprise (nothing written)
    const officerPass = await importPass(db, importEnterprises, f.actors.sanyaOfficer, typedRows(ENTERPRISES, [ENTERPRISES.columns.map((c) => String(haikouNew[c.field as keyof typeof haikouNew]))]), NOW)
    const handlerProblems = 'problems' in officerPass.results[0] ? officerPass.results[0].problems : []
    expect(handlerProblems.length).toBeGreaterThan(0)

    const before = await tableCounts(db)
    const response = await post('enterprises', { body: { items: [sanyaNew, haikouNew, { ...sanyaNew, bogus: 1 }, { ...sanyaNew, uscc: '123' }] } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const answer = await response.json()
    expect(answer.items[0]).toEqual({ index: 0, status: 'created', id: expect.any(String) })
    expect(answer.items[1].status).toBe('refused')
    expect(answer.items[1].errors.map((e: { message: string }) => e.message)).toEqual(handlerProblems.map((p) => p.reason))
    expect(answer.items[2]).toEqual({ index: 2, status: 'refused', errors: [{ field: 'bogus', message: '未知字段：bogus' }] })
    expect(answer.items[3].status).toBe('refused')
    expect(answer.items[3].errors[0].field).toBe('uscc')
    expect(answer.counts).toEqual({ created: 1, changed: 0, unchanged: 0, refused: 3 })

    expect(await db.enterprise.findUnique({ where: { uscc: haikouNew.uscc } })).toBeNull()
    const created = await db.enterprise.findUniqueOrThrow({ where: { uscc: sanyaNew.uscc } })
    expect(answer.items[0].id).toBe(created.id)
    expect(exchangeBatchAnswerSchema.parse(answer)).toEqual(answer)
    expect(created.regionCode).toBe(SANYA)
    expect((await tableCounts(db)).enterprise).toBe(before.enterprise + 1)
    // audited as the token's service account, in the token's authority's name
    const entries = await db.auditLog.findMany({ where: { userId: serviceUserId }, orderBy: { seq: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual([expect.stringMatching(/^enterprise\./), 'exchange.write'])
    expect(entries[0].entityId).toBe(created.id)
    expect(entries.every((e) => e.clientIp === '198.51.100.20')).toBe(true)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('refuses an item with a NUL (or another control character) in any field, naming it, and writes nothing of it', async () => {
    const before = { counts: await tableCounts(db), audit: await db.auditLog.count() }
    const fields = ['uscc', 'name', 'legalRepresentative', 'registeredAddress', 'establishedOn'] as const
    const items = fields.map((field, i) => ({ ...enterprise(uscc(SANYA, `TY00060${i}`), SANYA, `三亚控制字符测试${i}有限公司`), [field]: `${sanyaNew[field]}${i % 2 ? '\u0000' : '\u001b'}` }))
    const response = await post('enterprises', { key: 'key-nul', body: { items } })
    expect(response.status).toBe(200)
    const answer = await response.json()
    expect(answer.counts).toEqual({ created: 0, changed: 0, unchanged: 0, refused: fields.length })
    expect(answer.items.map((item: { errors: { field: string }[] }) => item.errors.map((e) => e.field))).toEqual(fields.map((f) => [f]))
    // nothing of the items; the exchange call's own audit entry records the request
    expect(await tableCounts(db)).toEqual({ ...before.counts, auditLog: before.audit + 1 })
    expect((await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).action).toBe('exchange.write')
  })

  it('replays the stored answer for the same key and body, and refuses the key with another body', async () => {
    const body = { items: [sanyaNew, haikouNew, { ...sanyaNew, bogus: 1 }, { ...sanyaNew, uscc: '123' }] }
    const before = { counts: await tableCounts(db), audit: await db.auditLog.count() }
    const replay = await post('enterprises', { body })
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotency-replayed')).toBe('true')
    expect((await replay.json()).counts).toEqual({ created: 1, changed: 0, unchanged: 0, refused: 3 })
    expect({ counts: await tableCounts(db), audit: await db.auditLog.count() }).toEqual(before)

    const conflict = await post('enterprises', { body: { items: [sanyaNew] } })
    expect(conflict.status).toBe(409)
    expect((await conflict.json()).error.code).toBe('conflict')
    expect({ counts: await tableCounts(db), audit: await db.auditLog.count() }).toEqual(before)

    // a new key: the same item is now unchanged
    const again = await post('enterprises', { key: 'key-2', body: { items: [sanyaNew] } })
    const createdId = (await db.enterprise.findUniqueOrThrow({ where: { uscc: sanyaNew.uscc } })).id
    expect(await again.json()).toEqual({ items: [{ index: 0, status: 'unchanged', id: createdId }], counts: { created: 0, changed: 0, unchanged: 1, refused: 0 } })
    // the same item twice in one request: the second is refused
    const twice = await post('enterprises', { key: 'key-3', body: { items: [sanyaNew, sanyaNew] } })
    expect((await twice.json()).items[1]).toMatchObject({ index: 1, status: 'refused', errors: [{ field: 'uscc' }] })
  })

  it('refuses requests without a token, a JSON body, an Idempotency-Key, a valid body or the scope', async () => {
    const before = { counts: await tableCounts(db), audit: await db.auditLog.count() }
    const noToken = await post('enterprises', { token: null, key: 'k-a', body: { items: [sanyaNew] } })
    expect(noToken.status).toBe(401)
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect((await post('enterprises', { token: `hnex_${'x'.repeat(43)}`, key: 'k-a' })).status).toBe(401)
    const form = await post('enterprises', { key: 'k-a', contentType: 'text/plain' })
    expect(form.status).toBe(415)
    const noKey = await post('enterprises', { key: null, body: { items: [sanyaNew] } })
    expect(noKey.status).toBe(400)
    expect((await noKey.json()).error.issues).toEqual([{ field: 'Idempotency-Key', message: '缺失或格式无效' }])
    const badJson = await post('enterprises', { key: 'k-b', body: '{"items": [' })
    expect(badJson.status).toBe(400)
    expect((await badJson.json()).error.issues[0].field).toBe('body')
    const tooMany = await post('enterprises', { key: 'k-c', body: { items: Array.from({ length: 501 }, () => sanyaNew) } })
    expect(tooMany.status).toBe(400)
    expect((await tooMany.json()).error.issues[0].field).toBe('items')
    const scope = await post('integrity-records', { key: 'k-d', body: { items: [{}] } })
    expect(scope.status).toBe(403)
    expect({ counts: await tableCounts(db), audit: await db.auditLog.count() }).toEqual(before)
  })

  it('refuses a revoked token at the next request', async () => {
    expect((await post('enterprises', { key: 'k-r1', body: { items: [sanyaNew] } })).status).toBe(200)
    await revokeApiToken(db, f.actors.admin, sanyaTokenId, NOW)
    const refused = await post('enterprises', { key: 'k-r2', body: { items: [sanyaNew] } })
    expect(refused.status).toBe(401)
    expect((await post('enterprises', { key: 'k-r1', body: { items: [sanyaNew] } })).status).toBe(401)
  })
})
