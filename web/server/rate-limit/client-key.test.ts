// Which client a request is counted against: only the address the portal's server wrote into
// x-portal-client-ip, never X-Forwarded-For; without that header one shared 'unknown' bucket.
import { afterEach, describe, expect, it } from 'vitest'
import { clientKeyOf } from './client-key'
import { countRequest, rateLimitSettingsFrom, resetRateLimitersForTesting, type RateLimitSettings } from './configured-limiter'

const headers = (entries: Record<string, string>) => new Headers(entries)

describe('clientKeyOf', () => {
  it('takes the address the portal server recorded', () => {
    expect(clientKeyOf(headers({ 'x-portal-client-ip': '203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientKeyOf(headers({ 'x-portal-client-ip': '::ffff:127.0.0.1' }))).toBe('127.0.0.1')
    expect(clientKeyOf(headers({ 'x-portal-client-ip': '2001:DB8::0:1' }))).toBe('2001:db8::1')
  })

  it('never reads X-Forwarded-For: without the portal header every request is the one unknown client', () => {
    expect(clientKeyOf(headers({ 'x-forwarded-for': '6.6.6.6' }))).toBe('unknown')
    expect(clientKeyOf(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('unknown')
    expect(clientKeyOf(new Headers())).toBe('unknown')
    expect(clientKeyOf(headers({ 'x-portal-client-ip': '203.0.113.9', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.9')
  })

  it('stores no garbage as a key', () => {
    expect(clientKeyOf(headers({ 'x-portal-client-ip': 'x'.repeat(500) }))).toBe('unknown')
    expect(clientKeyOf(headers({ 'x-portal-client-ip': '<script>' }))).toBe('unknown')
  })
})

describe('countRequest counts per recorded client', () => {
  const settings: RateLimitSettings = { redisUrl: null, redisKeyPrefix: 'test:' }
  let limiterName = 0
  const name = () => `client-key-test-${++limiterName}`
  afterEach(() => resetRateLimitersForTesting())

  it('a fresh X-Forwarded-For per request buys no fresh budget', async () => {
    const n = name()
    const from = (xff: string) => headers({ 'x-portal-client-ip': '203.0.113.9', 'x-forwarded-for': xff })
    const decisions = [await countRequest(n, 2, 60_000, from('1.1.1.1'), settings), await countRequest(n, 2, 60_000, from('2.2.2.2'), settings), await countRequest(n, 2, 60_000, from('3.3.3.3'), settings)]
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false])
    expect(decisions[2].retryAfterSeconds).toBeGreaterThanOrEqual(1)
    // another recorded address is another client
    expect((await countRequest(n, 2, 60_000, headers({ 'x-portal-client-ip': '203.0.113.10' }), settings)).allowed).toBe(true)
  })

  it('requests without the header share one budget', async () => {
    const n = name()
    expect((await countRequest(n, 1, 60_000, headers({ 'x-forwarded-for': '1.1.1.1' }), settings)).allowed).toBe(true)
    expect((await countRequest(n, 1, 60_000, headers({ 'x-forwarded-for': '2.2.2.2' }), settings)).allowed).toBe(false)
  })

  it('reads the settings from REDIS_URL and REDIS_KEY_PREFIX', () => {
    expect(rateLimitSettingsFrom({ REDIS_KEY_PREFIX: 'p:' })).toEqual({ redisUrl: null, redisKeyPrefix: 'p:' })
  })

  it('starts afresh after resetRateLimitersForTesting', async () => {
    const n = name()
    const h = headers({ 'x-portal-client-ip': '203.0.113.9' })
    expect((await countRequest(n, 1, 60_000, h, settings)).allowed).toBe(true)
    expect((await countRequest(n, 1, 60_000, h, settings)).allowed).toBe(false)
    await resetRateLimitersForTesting()
    expect((await countRequest(n, 1, 60_000, h, settings)).allowed).toBe(true)
  })
})
