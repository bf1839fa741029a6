// Invalidation across instances, against real databases and the real Redis (127.0.0.1:6379;
// REDIS_TEST_URL to change): this process's cache is "instance A", where the writes happen; a
// second cache on the same Redis prefix is "instance B", which had the read cached. A committed
// audited write on A makes B read afresh; a staff-only write and a rolled-back one do not; a
// Redis that does not answer makes every read go to the database. On CI an unreachable Redis
// fails this file; elsewhere the Redis cases skip with a warning.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { isListening } from '../../../scripts/lib/ports.ts'
import { createAppCache } from './app-cache'
import { createConfiguredCache, replaceAppCacheForTesting } from './installed-cache'
import { PUBLIC_DATA } from './namespaces'
import { createRedisCacheStore } from './redis-cache-store'

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'
const redisAddress = new URL(REDIS_URL)
const available = await isListening(redisAddress.hostname, Number(redisAddress.port || 6379))
if (!available) {
  if (process.env.CI === 'true') throw new Error(`Redis is required on CI but ${REDIS_URL} does not answer (start it, or set REDIS_TEST_URL)`)
  console.warn(`[db tests] Redis not listening at ${REDIS_URL}: skipping the Redis cache tests`)
}

const providers = await testProviders()

describe.skipIf(!available).each(providers)('cache invalidation across instances on %s', (provider) => {
  let testDb: TestDatabase
  const prefix = `test:cache:${process.pid}:${Date.now()}:${provider}:`
  const instanceB = createAppCache({ store: createRedisCacheStore({ url: REDIS_URL, keyPrefix: `${prefix}cache:` }), ttlMs: 60_000 })
  const spec = { name: 'test.enterprise-count', namespaces: [PUBLIC_DATA] }
  let loads = 0
  const countOnB = () =>
    instanceB.read(spec, async () => {
      loads++
      return testDb.db.enterprise.count()
    })
  let serial = 0
  const createEnterprise = (entity = 'Enterprise') =>
    withAuditRetry(testDb.db, async (tx) => {
      serial++
      const uscc = `91460100MA5T${String(serial).padStart(6, '0')}`
      const e = await tx.enterprise.create({
        data: { uscc, name: `测试企业${serial}`, type: 'CONTRACTOR', regionCode: '460100', inProvince: true, legalRepresentative: '王海', registeredAddress: '海口市', registeredCapital: '100', establishedOn: new Date('2010-03-01') },
      })
      await appendAuditEntry(tx, { userId: null, action: 'test.create', entity, entityId: e.id, changes: { uscc } })
    })

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await testDb.db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', sortOrder: 1 } })
    await replaceAppCacheForTesting(createConfiguredCache({ redisUrl: REDIS_URL, redisKeyPrefix: prefix, ttlSeconds: 60 }))
  })
  afterAll(async () => {
    await replaceAppCacheForTesting(undefined)
    await instanceB.close()
    await testDb?.drop()
  })

  it('serves B its cached read until A commits an audited write, then reads afresh', async () => {
    expect(await countOnB()).toBe(0)
    await createEnterprise()
    expect(await countOnB()).toBe(1)
    expect(await countOnB()).toBe(1)
    expect(loads).toBe(2)
  })

  it('keeps B’s entry over a write of staff-only data', async () => {
    const before = loads
    await countOnB()
    // the row is public, but the entry says staff-only: what counts for the cache is the entry
    await createEnterprise('StaffSession')
    expect(await countOnB()).toBe(1)
    expect(loads).toBe(before)
  })

  it('keeps B’s entry when the write rolls back', async () => {
    await createEnterprise()
    const fresh = await countOnB()
    const before = loads
    await expect(
      withAuditRetry(testDb.db, async (tx) => {
        await appendAuditEntry(tx, { userId: null, action: 'test.fail', entity: 'Enterprise', entityId: 'x', changes: {} })
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(await countOnB()).toBe(fresh)
    expect(loads).toBe(before)
  })
})

describe('a Redis that does not answer', () => {
  const warnings: string[] = []
  afterEach(() => void (warnings.length = 0))

  it('makes every read go to the database, and is reported once', async () => {
    // port 1 on loopback: nothing listens, the connection is refused at once
    const cache = createConfiguredCache({ redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: 'test:down:', ttlSeconds: 60 }, (m) => warnings.push(m))!
    let loads = 0
    const load = async () => ++loads
    expect(await cache.read({ name: 'x', namespaces: [PUBLIC_DATA] }, load)).toBe(1)
    expect(await cache.read({ name: 'x', namespaces: [PUBLIC_DATA] }, load)).toBe(2)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/Redis unavailable/)
    await cache.close()
  })
})
