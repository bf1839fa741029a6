// Staff pages and actions send no CORS headers: the only cross-origin header rules of the config
// are for the public keys and the feeds (the open-data API sets its own on GET/HEAD answers only,
// web/lib/api/api-route.ts).
import { describe, expect, it } from 'vitest'
import nextConfig from '../../next.config'

describe('CORS', () => {
  it('is offered on the public keys and feeds only, never under /admin', async () => {
    const rules = (await nextConfig.headers?.()) ?? []
    const withCors = rules.filter((r) => r.headers.some((h) => h.key.toLowerCase().startsWith('access-control-')))
    expect(withCors.map((r) => r.source).sort()).toEqual(['/.well-known/jwks.json', '/feeds/:path*'])
    // no catch-all rule (it would reach /admin); a rule under /admin (the upload's security headers) allows no other site
    for (const r of rules) expect(r.source === '/:path*' || r.source === '/(.*)').toBe(false)
    for (const r of rules.filter((r) => r.source.startsWith('/admin'))) expect(withCors).not.toContain(r)
  })
})
