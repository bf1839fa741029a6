import { describe, expect, it } from 'vitest'
import { clientKeyOf } from './client-key'
import { createMemoryStore, createRateLimiter, type RateLimitStore } from './rate-limiter'

const MINUTE = 60_000
const T0 = Date.UTC(2026, 10, 24, 3, 0, 0)

describe('createRateLimiter (memory store)', () => {
  it('allows `limit` hits per client per window, then refuses with the seconds to wait', async () => {
    const limiter = createRateLimiter({ name: 't', limit: 3, windowMs: MINUTE, store: createMemoryStore() })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await limiter.check('1.2.3.4', T0 + 15_000))
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false])
    expect(answers.map((a) => a.remaining)).toEqual([2, 1, 0, 0])
    expect(answers[3].retryAfterSeconds).toBe(45)
    // another client has its own budget; the next window starts afresh
    expect((await limiter.check('5.6.7.8', T0 + 15_000)).allowed).toBe(true)
    expect((await limiter.check('1.2.3.4', T0 + MINUTE)).allowed).toBe(true)
  })

  it('falls back to memory when the shared store fails, and says so', async () => {
    const errors: unknown[] = []
    const broken: RateLimitStore = { name: 'redis', hit: () => Promise.reject(new Error('connection refused')) }
    const limiter = createRateLimiter({ name: 't', limit: 1, windowMs: MINUTE, store: broken, onStoreError: (e) => errors.push(e) })
    const first = await limiter.check('c', T0)
    const second = await limiter.check('c', T0)
    expect([first.allowed, second.allowed]).toEqual([true, false])
    expect(first.store).toBe('memory')
    expect(errors).toHaveLength(2)
  })

  it('keeps memory bounded by sweeping past windows', async () => {
    const store = createMemoryStore(10)
    for (let i = 0; i < 10; i++) await store.hit(`old${i}`, MINUTE, T0)
    // a new window: the old entries go, nothing else is lost
    for (let i = 0; i < 10; i++) expect((await store.hit(`new${i}`, MINUTE, T0 + MINUTE)).count).toBe(1)
    expect((await store.hit('new0', MINUTE, T0 + MINUTE)).count).toBe(2)
  })

  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ name: 't', limit: 0, windowMs: MINUTE, store: createMemoryStore() })).toThrow(RangeError)
  })
})

describe('clientKeyOf', () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff })
  it('takes the address Next.js or the trusted proxies put in X-Forwarded-For', () => {
    expect(clientKeyOf(h('::ffff:127.0.0.1'), 0)).toBe('127.0.0.1')
    expect(clientKeyOf(h('6.6.6.6, 10.0.0.1'), 0)).toBe('6.6.6.6')
    // behind one proxy that appends: what a client wrote itself is ignored
    expect(clientKeyOf(h('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9')
    expect(clientKeyOf(h('203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9')
    expect(clientKeyOf(h(), 1)).toBe('unknown')
    expect(clientKeyOf(h('x'.repeat(500)), 0)).toHaveLength(64)
  })
})
