// The Redis counter against the real server (127.0.0.1:6379 on CI machines; REDIS_TEST_URL to
// change): atomic under concurrency, shared between two instances, expiring with its window; and
// a Redis that refuses or never answers makes the store fail rather than queue, so the limiter
// counts in memory. On CI an unreachable Redis fails this file; elsewhere it skips with a warning.
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limiter'
import { createRedisStore, type RedisRateLimitStore } from './redis-store'
import { isListening } from '../../../scripts/lib/ports.ts'

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'

const redisAddress = new URL(REDIS_URL)
const available = await isListening(redisAddress.hostname, Number(redisAddress.port || 6379))
if (!available) {
  if (process.env.CI === 'true') throw new Error(`Redis is required on CI but ${REDIS_URL} does not answer (start it, or set REDIS_TEST_URL)`)
  console.warn(`[db tests] Redis not listening at ${REDIS_URL}: skipping the Redis rate-limit store tests`)
}

// a window start, fixed, so that no test depends on where in the wall-clock minute it runs; the
// prefix is this run's own, so the fixed window cannot meet another run's counts
const T0 = Date.UTC(2026, 10, 24, 3, 0, 0)
const prefix = `test:${process.pid}:${Date.now()}:`
const stores: RedisRateLimitStore[] = []
const store = (url = REDIS_URL) => {
  const s = createRedisStore({ url, keyPrefix: prefix })
  stores.push(s)
  return s
}
afterAll(async () => Promise.all(stores.map((s) => s.close())))

describe.skipIf(!available)('Redis rate-limit store', () => {
  let raw: Redis
  beforeAll(() => {
    raw = new Redis(REDIS_URL, { lazyConnect: true })
  })
  afterAll(() => raw?.disconnect())

  it('counts every one of many concurrent hits exactly once, across two instances', async () => {
    const a = store()
    const b = store()
    const counts = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).hit('client-1', 60_000, T0 + 5_000)))
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(new Set(counts.map((c) => c.resetAt))).toEqual(new Set([T0 + 60_000]))
  })

  it('gives two instances one shared limit', async () => {
    const limit = 5
    const clock = () => T0 + 10_000
    const one = createRateLimiter({ name: 'v', limit, windowMs: 60_000, store: store(), clock })
    const two = createRateLimiter({ name: 'v', limit, windowMs: 60_000, store: store(), clock })
    const results = []
    for (let i = 0; i < 8; i++) results.push(await (i % 2 ? one : two).check('client-2'))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false, false])
    expect(results.every((r) => r.store === 'redis')).toBe(true)
    expect(results[5].retryAfterSeconds).toBe(50)
  })

  it('gives each window its own count, and its key a TTL that outlasts the window a little', async () => {
    const s = store()
    const windowMs = 300_000
    const start = Math.floor(T0 / windowMs) * windowMs
    expect((await s.hit('client-3', windowMs, start + 1_000)).count).toBe(1)
    expect((await s.hit('client-3', windowMs, start + windowMs - 1)).count).toBe(2)
    expect((await s.hit('client-3', windowMs, start + windowMs)).count).toBe(1)
    // the TTL was set on the first hit, 1 s into the window: the 299 s left plus 1 s for clock
    // skew between instances; Redis counts it down in real time, hence a lower bound with room
    const ttl = await raw.pttl(`${prefix}client-3:${start / windowMs}`)
    expect(ttl).toBeGreaterThan(windowMs - 60_000)
    expect(ttl).toBeLessThanOrEqual(windowMs)
  })
})

describe('Redis rate-limit store, Redis away', () => {
  it('fails instead of queueing when nothing listens, so the limiter counts in memory', async () => {
    const dead = store('redis://127.0.0.1:1')
    await expect(dead.hit('client-4', 60_000, T0)).rejects.toBeInstanceOf(Error)
    const errors: unknown[] = []
    const limiter = createRateLimiter({ name: 'v', limit: 1, windowMs: 60_000, store: dead, clock: () => T0, onStoreError: (e) => errors.push(e) })
    const first = await limiter.check('client-4')
    const second = await limiter.check('client-4')
    expect([first.store, first.allowed, second.store, second.allowed]).toEqual(['memory', true, 'memory', false])
    expect(errors).toHaveLength(2)
  })

  it('fails when the server accepts the connection but never answers, instead of waiting for it', async () => {
    // a black hole: TCP accepted, not a byte back (a hung Redis, a half-open connection)
    const sockets = new Set<net.Socket>()
    const blackHole = net.createServer((s) => {
      sockets.add(s)
      s.on('error', () => {})
    })
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve))
    try {
      const hung = store(`redis://127.0.0.1:${(blackHole.address() as AddressInfo).port}`)
      const limiter = createRateLimiter({ name: 'v', limit: 1, windowMs: 60_000, store: hung, clock: () => T0 })
      expect(await limiter.check('client-5')).toMatchObject({ store: 'memory', allowed: true })
      expect(sockets.size).toBeGreaterThan(0)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => blackHole.close(() => resolve()))
    }
  })
})
