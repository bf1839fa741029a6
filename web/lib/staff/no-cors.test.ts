// Staff pages and actions send no CORS headers: the only cross-origin headers the portal sets are
// for the open-data API and the public keys.
import { describe, expect, it } from 'vitest'
import nextConfig from '../../next.config'

describe('CORS', () => {
  it('is offered on the open API only, never under /admin', async () => {
    const rules = (await nextConfig.headers?.()) ?? []
    const withCors = rules.filter((r) => r.headers.some((h) => h.key.toLowerCase().startsWith('access-control-')))
    expect(withCors.map((r) => r.source).sort()).toEqual(['/.well-known/jwks.json', '/api/v1/:path*'])
    for (const r of rules) expect(r.source.startsWith('/admin') || r.source === '/:path*' || r.source === '/(.*)').toBe(false)
  })
})
