// The one place that decides which database a URL names. SQLite (`file:`) is the zero-set-up
// default; PostgreSQL (`postgres://` / `postgresql://`) is production.
import path from 'node:path'

export type DatabaseProvider = 'sqlite' | 'postgresql'

export interface DatabaseTarget {
  provider: DatabaseProvider
  /** absolute file path for SQLite, the connection string for PostgreSQL */
  location: string
  url: string
}

export const DEFAULT_DATABASE_URL = 'file:./data/portal.db'

export class DatabaseUrlError extends Error {}

/**
 * Relative SQLite paths are resolved against the working directory: every npm script runs from
 * the repository root, so `file:./data/portal.db` always means <repo>/data/portal.db.
 */
export function parseDatabaseUrl(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('file:')) {
    const raw = url.slice('file:'.length).replace(/^\/\//, '')
    if (!raw) throw new DatabaseUrlError('DATABASE_URL "file:" needs a path, e.g. file:./data/portal.db')
    const location = raw === ':memory:' ? raw : path.resolve(raw)
    return { provider: 'sqlite', location, url: `file:${location}` }
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', location: url, url }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(':')[0]}:…"`,
  )
}
