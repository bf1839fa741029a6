import { describe, expect, it } from 'vitest'
import { createMemoryStore, createRateLimiter, type RateLimitStore } from './rate-limiter'

const MINUTE = 60_000
const T0 = Date.UTC(2026, 10, 24, 3, 0, 0)

/** A clock the test moves by hand. */
function manualClock(start: number) {
  let now = start
  return { now: () => now, set: (t: number) => void (now = t) }
}

describe('createRateLimiter window boundaries (injected clock)', () => {
  const LIMIT = 5
  // windows are aligned to multiples of their length: T0 is the start of one
  const windowStart = T0

  it('allows the N-th request, refuses the N+1-th, and allows again exactly when the window rolls over', async () => {
    const clock = manualClock(windowStart)
    const limiter = createRateLimiter({ name: 't', limit: LIMIT, windowMs: MINUTE, store: createMemoryStore(), clock: clock.now })
    for (let i = 1; i <= LIMIT; i++) {
      clock.set(windowStart + i * 1000)
      expect(await limiter.check('c')).toMatchObject({ allowed: true, remaining: LIMIT - i })
    }
    // the last millisecond of the window still counts in it
    clock.set(windowStart + MINUTE - 1)
    expect(await limiter.check('c')).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 })
    clock.set(windowStart + MINUTE)
    expect(await limiter.check('c')).toMatchObject({ allowed: true, remaining: LIMIT - 1 })
  })

  it('says in Retry-After the whole seconds left in the window, rounded up', async () => {
    const clock = manualClock(windowStart)
    const limiter = createRateLimiter({ name: 't', limit: 1, windowMs: MINUTE, store: createMemoryStore(), clock: clock.now })
    await limiter.check('c')
    const cases: [number, number][] = [
      [0, 60],
      [1, 60],
      [999, 60],
      [1000, 59],
      [44_500, 16],
      [59_000, 1],
      [59_999, 1],
    ]
    for (const [into, seconds] of cases) {
      clock.set(windowStart + into)
      expect((await limiter.check('c')).retryAfterSeconds, `${into} ms into the window`).toBe(seconds)
    }
  })

  it('keeps to a configured window length (an hour), not the minute', async () => {
    const HOUR = 60 * MINUTE
    const clock = manualClock(windowStart)
    const limiter = createRateLimiter({ name: 't', limit: 1, windowMs: HOUR, store: createMemoryStore(), clock: clock.now })
    expect((await limiter.check('c')).allowed).toBe(true)
    clock.set(windowStart + 59 * MINUTE)
    expect(await limiter.check('c')).toMatchObject({ allowed: false, retryAfterSeconds: 60 })
    clock.set(windowStart + HOUR)
    expect((await limiter.check('c')).allowed).toBe(true)
  })
})

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

  it('refuses nonsense limits and windows', () => {
    expect(() => createRateLimiter({ name: 't', limit: 0, windowMs: MINUTE, store: createMemoryStore() })).toThrow(RangeError)
    expect(() => createRateLimiter({ name: 't', limit: 1.5, windowMs: MINUTE, store: createMemoryStore() })).toThrow(RangeError)
    expect(() => createRateLimiter({ name: 't', limit: 1, windowMs: 0, store: createMemoryStore() })).toThrow(RangeError)
  })
})
