import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import {
  isHttpsRequest,
  REACT_SHELL_SCRIPT,
  REACT_SHELL_SCRIPT_HASH,
  pageContentSecurityPolicy,
  permissionsPolicyFor,
  referrerPolicyFor,
  responseKindOf,
  securityHeaders,
} from './security-headers'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as [string, string[]]
    }),
  )
}

describe('page Content-Security-Policy', () => {
  const policy = directives(pageContentSecurityPolicy('abc123==', { secure: false }))

  it('runs inline scripts only with the nonce or as React\'s shell script, never eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", `'${REACT_SHELL_SCRIPT_HASH}'`])
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'self'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it("adds 'unsafe-eval' only for next dev and upgrades requests only over HTTPS", () => {
    expect(pageContentSecurityPolicy('n', { secure: false })).not.toContain('unsafe-eval')
    expect(pageContentSecurityPolicy('n', { secure: false, development: true })).toContain("'unsafe-eval'")
    expect(directives(pageContentSecurityPolicy('n', { secure: true })).has('upgrade-insecure-requests')).toBe(true)
    expect(policy.has('upgrade-insecure-requests')).toBe(false)
  })
})

describe("React's shell script", () => {
  it('is the exact script the React DOM server renderer that Next uses writes', () => {
    // Next renders with its vendored React (the experimental build under cacheComponents)
    const require = createRequire(import.meta.url)
    const next = require.resolve('next/package.json')
    for (const build of ['react-dom-experimental', 'react-dom']) {
      const file = next.replace(/package\.json$/, `dist/compiled/${build}/cjs/react-dom-server.node.production.js`)
      expect(fs.readFileSync(file, 'utf8'), build).toContain(REACT_SHELL_SCRIPT)
    }
  })

  it('is allowed by its SHA-256 in CSP form', () => {
    expect(REACT_SHELL_SCRIPT_HASH).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/)
  })
})

describe('securityHeaders', () => {
  it('gives pages the nonce policy and resources a policy that runs nothing', () => {
    const page = securityHeaders({ kind: 'page', nonce: 'N1', pathname: '/', secure: false })
    expect(page['Content-Security-Policy']).toContain("'nonce-N1'")
    const api = securityHeaders({ kind: 'resource', nonce: 'N1', pathname: '/api/v1/permits', secure: false })
    expect(api['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    for (const h of [page, api]) {
      expect(h['X-Content-Type-Options']).toBe('nosniff')
      expect(h['Cross-Origin-Opener-Policy']).toBe('same-origin')
    }
  })

  it('sends Strict-Transport-Security only over HTTPS', () => {
    expect(securityHeaders({ kind: 'page', nonce: 'n', pathname: '/', secure: false })).not.toHaveProperty('Strict-Transport-Security')
    expect(securityHeaders({ kind: 'page', nonce: 'n', pathname: '/', secure: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}$/)
  })
})

describe('Referrer-Policy', () => {
  it('sends no referrer from pages whose URL carries a tracking number', () => {
    for (const p of ['/credit/objections', '/credit/objections/2612040ABCDEFGHJKLMNPQ7', '/api/v1/objections/X', '/admin/objections/X', '/admin/objections']) {
      expect(referrerPolicyFor(p), p).toBe('no-referrer')
    }
  })
  it('sends the origin only elsewhere', () => {
    for (const p of ['/', '/permits/X', '/credit/objections-like', '/credit', '/api/v1/permits']) {
      expect(referrerPolicyFor(p), p).toBe('strict-origin-when-cross-origin')
    }
  })
})

describe('Permissions-Policy', () => {
  it('allows the camera on the scanner page only, and to this origin only', () => {
    expect(permissionsPolicyFor('/verify')).toContain('camera=(self)')
    expect(permissionsPolicyFor('/verify')).toContain('microphone=()')
    for (const p of ['/', '/v/abc', '/verify-other', '/admin']) {
      expect(permissionsPolicyFor(p), p).toContain('camera=()')
      expect(permissionsPolicyFor(p), p).not.toContain('camera=(self)')
    }
    expect(permissionsPolicyFor('/')).toMatch(/geolocation=\(\)/)
  })
})

describe('responseKindOf', () => {
  it('treats API answers, feeds, keys, the transparency log, build assets and root files as resources', () => {
    for (const p of ['/api/v1/permits', '/api', '/feeds/permits.xml', '/.well-known/jwks.json', '/log/checkpoint', '/log/tile/0/x001/067.p/5', '/_next/static/chunks/a.js', '/favicon.ico', '/manifest.webmanifest']) {
      expect(responseKindOf(p), p).toBe('resource')
    }
  })
  it('treats everything else as a page, detail pages with dots included', () => {
    for (const p of ['/', '/permits', '/permits/4601002026.01', '/apis', '/logs', '/v/abc', '/admin/projects/X']) {
      expect(responseKindOf(p), p).toBe('page')
    }
  })
})

describe('isHttpsRequest', () => {
  const http = new URL('http://portal.example/')
  it('believes the URL scheme', () => {
    expect(isHttpsRequest(new URL('https://portal.example/'), null, 0)).toBe(true)
    expect(isHttpsRequest(http, null, 0)).toBe(false)
  })
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(isHttpsRequest(http, 'https', 0)).toBe(false)
    expect(isHttpsRequest(http, 'https', 1)).toBe(true)
    expect(isHttpsRequest(http, 'http', 1)).toBe(false)
    // the client sent "https" itself; the one trusted proxy appended the real scheme
    expect(isHttpsRequest(http, 'https, http', 1)).toBe(false)
    expect(isHttpsRequest(http, 'http, https', 1)).toBe(true)
  })
})
