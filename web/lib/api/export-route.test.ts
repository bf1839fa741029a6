// A list export holds a slot while it streams: the next one of the same client is 429 with
// Retry-After until the first has been read or abandoned.
import { describe, expect, it, vi } from 'vitest'
import { createConcurrencyCap } from '@web/server/rate-limit/concurrency-cap'
import { cappedRoute } from './export-route'

vi.mock('next/server', () => ({ connection: async () => {} }))

const none = { params: Promise.resolve({}) }
const from = (ip: string) => new Request('http://x/api/v1/permits/export', { headers: { 'x-portal-client-ip': ip } })

describe('cappedRoute', () => {
  it('answers 429 with Retry-After while a client has its exports streaming, and serves it again after', async () => {
    const cap = createConcurrencyCap({ total: 10, perClient: 1, maxHoldMs: 60_000 })
    const route = cappedRoute(() => cap, async () => new Response(new Blob(['a'.repeat(100_000)]).stream(), { headers: { 'content-type': 'text/csv' } }))
    const first = await route(from('203.0.113.9'), none)
    expect(first.status).toBe(200)
    const refused = await route(from('203.0.113.9'), none)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // another client is not affected
    const other = await route(from('203.0.113.10'), none)
    expect(other.status).toBe(200)
    await other.body!.cancel()
    // reading the first to the end gives its slot back
    expect((await first.text()).length).toBe(100_000)
    expect((await route(from('203.0.113.9'), none)).status).toBe(200)
  })

  it('gives the slot back when the handler refuses the request', async () => {
    const cap = createConcurrencyCap({ total: 1, perClient: 1, maxHoldMs: 60_000 })
    const route = cappedRoute(() => cap, async () => {
      throw new Error('bad filter')
    })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect((await route(from('203.0.113.9'), none)).status).toBe(500)
      expect(cap.inUse()).toBe(0)
    } finally {
      spy.mockRestore()
    }
  })
})
