// The Redis counter against the real server (127.0.0.1:6379 on CI machines; REDIS_TEST_URL to
// change): atomic under concurrency, shared between two instances, expiring with its window.
import { afterAll, describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limiter'
import { createRedisStore, type RedisRateLimitStore } from './redis-store'
import { isListening } from '../../../scripts/lib/ports.ts'

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'

const redisAddress = new URL(REDIS_URL)
const available = await isListening(redisAddress.hostname, Number(redisAddress.port || 6379))
if (!available && process.env.CI === 'true') throw new Error(`Redis is required on CI but ${REDIS_URL} does not answer`)

const prefix = `test:${process.pid}:${Date.now()}:`
const stores: RedisRateLimitStore[] = []
const store = () => {
  const s = createRedisStore({ url: REDIS_URL, keyPrefix: prefix })
  stores.push(s)
  return s
}
afterAll(async () => Promise.all(stores.map((s) => s.close())))

describe.skipIf(!available)('Redis rate-limit store', () => {
  it('counts every one of many concurrent hits exactly once, across two instances', async () => {
    const a = store()
    const b = store()
    const now = Date.now()
    const counts = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).hit('client-1', 60_000, now)))
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })

  it('gives two instances one shared limit', async () => {
    const limit = 5
    const one = createRateLimiter({ name: 'v', limit, windowMs: 60_000, store: store() })
    const two = createRateLimiter({ name: 'v', limit, windowMs: 60_000, store: store() })
    const results = []
    for (let i = 0; i < 8; i++) results.push(await (i % 2 ? one : two).check('client-2'))
    expect(results.filter((r) => r.allowed)).toHaveLength(limit)
    expect(results.every((r) => r.store === 'redis')).toBe(true)
  })

  it('gives each window its own count, and the keys a TTL', async () => {
    const s = store()
    const now = Date.now()
    expect((await s.hit('client-3', 300, now)).count).toBe(1)
    expect((await s.hit('client-3', 300, now)).count).toBe(2)
    expect((await s.hit('client-3', 300, now + 300)).count).toBe(1)
  })
})

describe('Redis rate-limit store, Redis away', () => {
  it('fails fast so the limiter falls back to memory', async () => {
    const dead = createRedisStore({ url: 'redis://127.0.0.1:1', keyPrefix: prefix })
    stores.push(dead)
    const limiter = createRateLimiter({ name: 'v', limit: 1, windowMs: 60_000, store: dead })
    const started = Date.now()
    const first = await limiter.check('client-4')
    const second = await limiter.check('client-4')
    expect(Date.now() - started).toBeLessThan(3000)
    expect([first.store, first.allowed, second.allowed]).toEqual(['memory', true, false])
  })
})
