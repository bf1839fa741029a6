// The back office's exports share the public exports' slots (web/lib/api/export-route.ts): a client
// with every slot of its own in use is answered 429 with Retry-After by each /admin export route
// before anything is read, while another client is served; a slot comes back when the body has been
// read.
import { describe, expect, it } from 'vitest'
import { env } from '@web/lib/env'
import { EXPORT_RETRY_AFTER_SECONDS, exportCap } from '@web/lib/api/export-route'
import { CLIENT_ADDRESS_HEADER } from '@web/server/rate-limit/client-key'
import { createConcurrencyCap, type ReleaseSlot } from '@web/server/rate-limit/concurrency-cap'
import { staffExportRoute } from './staff-export-route'

const from = (ip: string, path = '/admin/audit/export') => new Request(`http://localhost:3000${path}`, { headers: { [CLIENT_ADDRESS_HEADER]: ip } })

describe('staffExportRoute', () => {
  it('answers 429 with Retry-After while the client’s exports stream, serves others, and frees the slot once read', async () => {
    const cap = createConcurrencyCap({ total: 10, perClient: 1, maxHoldMs: 60_000 })
    let runs = 0
    const route = staffExportRoute(async () => {
      runs++
      return new Response(new Blob(['a'.repeat(100_000)]).stream(), { headers: { 'content-type': 'text/csv' } })
    }, () => cap)
    const first = await route(from('203.0.113.9'))
    expect(first.status).toBe(200)
    const refused = await route(from('203.0.113.9'))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(EXPORT_RETRY_AFTER_SECONDS))
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect((await refused.json()).error).toMatch(/导出/)
    expect(runs).toBe(1)
    const other = await route(from('203.0.113.10'))
    expect(other.status).toBe(200)
    await other.body!.cancel()
    expect((await first.text()).length).toBe(100_000)
    expect(cap.inUse()).toBe(0)
    expect((await route(from('203.0.113.9'))).status).toBe(200)
  })

  it('gives the slot back at once for a refusal', async () => {
    const cap = createConcurrencyCap({ total: 1, perClient: 1, maxHoldMs: 60_000 })
    const route = staffExportRoute(async () => Response.json({ error: '请先登录' }, { status: 401 }), () => cap)
    expect((await route(from('203.0.113.9'))).status).toBe(401)
    expect(cap.inUse()).toBe(0)
  })

  it('gives the slot back when the handler throws', async () => {
    const cap = createConcurrencyCap({ total: 1, perClient: 1, maxHoldMs: 60_000 })
    const route = staffExportRoute(async () => {
      throw new Error('broken')
    }, () => cap)
    await expect(route(from('203.0.113.9'))).rejects.toThrow('broken')
    expect(cap.inUse()).toBe(0)
  })
})

describe('the /admin export routes', () => {
  const routes = {
    '/admin/audit/export': () => import('@web/app/admin/audit/export/route'),
    '/admin/statistics/export': () => import('@web/app/admin/statistics/export/route'),
    '/admin/imports/x/problems': () => import('@web/app/admin/imports/[id]/problems/route'),
  }

  it.each(Object.keys(routes))('%s takes a slot of the process’s export cap: 429 for a client holding all of its own', async (path) => {
    const { GET } = await routes[path as keyof typeof routes]()
    const ip = '198.51.100.77'
    const held: ReleaseSlot[] = []
    try {
      for (let i = 0; i < env.EXPORT_MAX_CONCURRENT_PER_CLIENT; i++) held.push(exportCap().tryAcquire(ip)!)
      expect(held.every(Boolean)).toBe(true)
      const response = await GET(from(ip, path), { params: Promise.resolve({ id: 'x' }) })
      expect(response.status).toBe(429)
      expect(response.headers.get('retry-after')).toBe(String(EXPORT_RETRY_AFTER_SECONDS))
    } finally {
      for (const release of held) release()
    }
    expect(exportCap().inUse(ip)).toBe(0)
  })
})
