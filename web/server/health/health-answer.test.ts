// The public health answer says only up or down; details go to loopback or the token holder.
import { describe, expect, it } from 'vitest'
import { healthAnswer, mayReadHealthDetails } from './health-answer'

const TOKEN = 't'.repeat(40)
const headers = (entries: Record<string, string>) => new Headers(entries)

describe('mayReadHealthDetails', () => {
  it('allows loopback callers as the portal server recorded them', () => {
    expect(mayReadHealthDetails(headers({ 'x-portal-client-ip': '127.0.0.1' }), undefined)).toBe(true)
    expect(mayReadHealthDetails(headers({ 'x-portal-client-ip': '::1' }), undefined)).toBe(true)
    expect(mayReadHealthDetails(headers({ 'x-portal-client-ip': '::ffff:127.0.0.1' }), undefined)).toBe(true)
  })

  it('refuses other callers, and a loopback address claimed only in X-Forwarded-For', () => {
    expect(mayReadHealthDetails(headers({ 'x-portal-client-ip': '203.0.113.9' }), undefined)).toBe(false)
    expect(mayReadHealthDetails(headers({ 'x-forwarded-for': '127.0.0.1' }), undefined)).toBe(false)
    expect(mayReadHealthDetails(new Headers(), undefined)).toBe(false)
  })

  it('allows the holder of HEALTH_TOKEN from anywhere, and nobody with a wrong or absent token', () => {
    const from = (authorization: string) => headers({ 'x-portal-client-ip': '203.0.113.9', authorization })
    expect(mayReadHealthDetails(from(`Bearer ${TOKEN}`), TOKEN)).toBe(true)
    expect(mayReadHealthDetails(from(`bearer ${TOKEN}`), TOKEN)).toBe(true)
    expect(mayReadHealthDetails(from(`Bearer ${TOKEN}x`), TOKEN)).toBe(false)
    expect(mayReadHealthDetails(from(`Bearer ${TOKEN.slice(1)}`), TOKEN)).toBe(false)
    expect(mayReadHealthDetails(from(`Basic ${TOKEN}`), TOKEN)).toBe(false)
    expect(mayReadHealthDetails(from('Bearer '), TOKEN)).toBe(false)
    expect(mayReadHealthDetails(from(`Bearer ${TOKEN}`), undefined)).toBe(false)
  })
})

describe('healthAnswer', () => {
  const up = { reachable: true as const, provider: 'postgresql' as const, latencyMs: 1.2, migrations: 14 }
  it('says only ok to the public', () => {
    expect(healthAnswer(up, false)).toEqual({ status: 200, body: { status: 'ok' } })
  })
  it('says only unavailable (503) to the public when the database is down or unmigrated', () => {
    expect(healthAnswer({ reachable: false, provider: 'postgresql', error: new Error('ECONNREFUSED 10.0.0.5') }, false)).toEqual({ status: 503, body: { status: 'unavailable' } })
    expect(healthAnswer({ ...up, migrations: 0 }, false)).toEqual({ status: 503, body: { status: 'unavailable' } })
  })
  it('gives the details to those allowed, never the error text', () => {
    expect(healthAnswer(up, true)).toEqual({ status: 200, body: { status: 'ok', database: 'postgresql', latencyMs: 1.2, migrations: 14 } })
    expect(healthAnswer({ ...up, migrations: 0 }, true)).toMatchObject({ status: 503, body: { status: 'uninitialized', migrations: 0 } })
    const down = healthAnswer({ reachable: false, provider: 'sqlite', error: new Error('secret path /var/db') }, true)
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', database: 'sqlite', error: 'database unreachable' } })
  })
})
