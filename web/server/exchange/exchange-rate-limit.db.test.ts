// The exchange API's request limits, through the route wrapper as the portal builds it
// (web/lib/exchange/exchange-route.ts) over a test database and the portal's rate-limit store
// (here per process; Redis shares the same count across instances, redis-store.db.test.ts): a
// token over EXCHANGE_RATE_LIMIT_PER_TOKEN in a window answers 429 rate_limited with Retry-After
// until the window ends, whichever address it comes from, while another token is served; a client
// address over EXCHANGE_RATE_LIMIT_PER_ADDRESS answers 429 before any token is looked up. A refused
// write writes nothing and stores no idempotent answer. The clock is injected: windows are
// aligned to multiples of their length since 1970, so 02:00:00 starts one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { exchangeBatchHandler } from '@web/lib/exchange/exchange-batch-route'
import { exchangeErrorSchema } from '@web/lib/exchange/exchange-error-schema'
import { exchangeEnterpriseHandler } from '@web/lib/exchange/exchange-read-routes'
import { createExchangeRoute, exchangeRateLimit } from '@web/lib/exchange/exchange-route'
import { authenticateApiToken } from '@web/server/api-tokens/authenticate-api-token'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { resetRateLimitersForTesting } from '@web/server/rate-limit/configured-limiter'
import { createStaffFixture, SANYA, tableCounts, uscc } from '@web/server/records/staff-test-fixtures'

const providers = await testProviders()
const WINDOW_START = new Date('2026-07-01T02:00:00Z')
const LIMITS = { perToken: 3, perAddress: 5, windowSeconds: 60 }

describe.each(providers)('exchange API rate limits on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let tokens: string[]
  let now = WINDOW_START
  let lookups = 0
  const route = createExchangeRoute({
    db: () => db,
    authenticate: (d, token, ip, at) => {
      lookups++
      return authenticateApiToken(d, token, ip, at)
    },
    clientIp: (h) => h.get('x-test-client'),
    now: () => now,
    limit: exchangeRateLimit(LIMITS, { redisUrl: null, redisKeyPrefix: 'exchange-limit-test:' }),
  })
  const read = route('read', exchangeEnterpriseHandler)
  const write = route('write-subjects', exchangeBatchHandler('enterprises'))
  const get = (token: string | null, address: string) =>
    read(new Request(`http://localhost:3000/api/exchange/v1/enterprises/${uscc(SANYA, 'NXWHKQ01')}`, { headers: { 'x-test-client': address, ...(token ? { Authorization: `Bearer ${token}` } : {}) } }))

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    const f = await createStaffFixture(db)
    const authorityId = (await db.authority.findUniqueOrThrow({ where: { regionCode: SANYA } })).id
    tokens = []
    for (const name of ['限流测试甲', '限流测试乙']) tokens.push((await createApiToken(db, f.actors.admin, { name, authorityId, scopes: ['read', 'write-subjects'], expiresOn: '2027-06-30' }, WINDOW_START)).token)
  })
  beforeEach(async () => {
    await resetRateLimitersForTesting()
    now = WINDOW_START
    lookups = 0
  })
  afterAll(async () => t?.drop())

  it('answers 429 with Retry-After to a token over its limit, from any address, until the window ends', async () => {
    for (let i = 0; i < LIMITS.perToken; i++) expect((await get(tokens[0], `198.51.100.${i}`)).status).toBe(404)
    now = new Date(WINDOW_START.getTime() + 15_000)
    const refused = await get(tokens[0], '198.51.100.99')
    expect(refused.status).toBe(429)
    // 45 s of the 60 s window are left
    expect(refused.headers.get('retry-after')).toBe('45')
    expect(refused.headers.get('x-ratelimit-limit')).toBe(String(LIMITS.perToken))
    expect(refused.headers.get('cache-control')).toBe('no-store')
    const body = exchangeErrorSchema.parse(await refused.json())
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.message).toMatch(/令牌/)
    // another token is counted on its own
    expect((await get(tokens[1], '198.51.100.99')).status).toBe(404)
    // the next window serves the first token again
    now = new Date(WINDOW_START.getTime() + 60_000)
    expect((await get(tokens[0], '198.51.100.99')).status).toBe(404)
  })

  it('answers 429 to an address over its limit before looking any token up, and serves other addresses', async () => {
    for (let i = 0; i < LIMITS.perAddress; i++) expect((await get(`hnex_made-up-${i}`, '203.0.113.5')).status).toBe(401)
    expect(lookups).toBe(LIMITS.perAddress)
    const refused = await get(tokens[0], '203.0.113.5')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBe(60)
    expect((await refused.json()).error.message).toMatch(/地址/)
    expect(lookups).toBe(LIMITS.perAddress)
    expect((await get(tokens[0], '203.0.113.6')).status).toBe(404)
  })

  it('writes nothing for a refused write, and a retry with the same key in the next window is its first run', async () => {
    const item = { uscc: uscc(SANYA, 'LMTQ0001'), name: '三亚限流测试有限公司', type: 'CONTRACTOR', regionCode: SANYA, legalRepresentative: '陈海', registeredAddress: '解放路1号', registeredCapital: 3000, establishedOn: '2016-04-01' }
    const post = () =>
      write(
        new Request('http://localhost:3000/api/exchange/v1/enterprises', {
          method: 'POST',
          headers: { 'x-test-client': '192.0.2.8', Authorization: `Bearer ${tokens[1]}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'limit-1' },
          body: JSON.stringify({ items: [item] }),
        }),
      )
    for (let i = 0; i < LIMITS.perToken; i++) expect((await get(tokens[1], '192.0.2.9')).status).toBe(404)
    const before = { counts: await tableCounts(db), keys: await db.idempotencyRecord.count() }
    expect((await post()).status).toBe(429)
    expect({ counts: await tableCounts(db), keys: await db.idempotencyRecord.count() }).toEqual(before)
    now = new Date(WINDOW_START.getTime() + 60_000)
    const written = await post()
    expect(written.status).toBe(200)
    expect(written.headers.get('idempotency-replayed')).toBeNull()
    expect((await written.json()).counts.created).toBe(1)
  })
})
