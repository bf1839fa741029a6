import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

// The app compiles code from ../shared and ../prisma, so Turbopack's root must be the repository
// root (it never resolves files outside its root). It also holds the one package-lock.json.
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const nextConfig: NextConfig = {
  turbopack: { root: repositoryRoot },
  // Native addons and database drivers are loaded by Node at run time, never bundled: better-sqlite3
  // is a compiled addon, and the Prisma runtime and adapters must share one module instance with it.
  serverExternalPackages: [
    '@prisma/client',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    '@prisma/driver-adapter-utils',
    'better-sqlite3',
    'pg',
  ],
  // Static shell prerendered at build time, database reads streamed at request time (see app/page.tsx).
  cacheComponents: true,
  partialPrefetching: true,
  // Links to pages that do not exist fail the build's type check (see lib/navigation.ts).
  typedRoutes: true,
  poweredByHeader: false,
  // The public keys and the feeds are public: any site may read them from a browser, the
  // mini-program's H5 build included. They answer GET only (simple requests, no credentials). The
  // open-data API sets the same headers itself on GET and HEAD answers only (web/lib/api/api-route.ts):
  // a header rule here cannot tell methods apart, and its POST endpoints must not allow other sites.
  async headers() {
    const cors = [
      { key: 'Access-Control-Allow-Origin', value: '*' },
      { key: 'Access-Control-Allow-Methods', value: 'GET, HEAD' },
      { key: 'Access-Control-Expose-Headers', value: 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining' },
    ]
    // the routes the request proxy does not see (web/proxy.ts config) get its resource headers here
    const resource = [
      { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ]
    return [
      { source: '/api/v1/objections', headers: resource },
      { source: '/api/v1/verify', headers: resource },
      { source: '/api/exchange/:path*', headers: resource },
      { source: '/admin/imports/upload', headers: resource },
      { source: '/.well-known/jwks.json', headers: cors },
      { source: '/feeds/:path*', headers: cors },
    ]
  },
  reactStrictMode: true,
}

export default nextConfig
