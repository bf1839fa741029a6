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
  reactStrictMode: true,
}

export default nextConfig
