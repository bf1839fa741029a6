// Test databases: each test file gets its own uniquely named, freshly migrated database, on SQLite
// always and on PostgreSQL when a server answers. Outside CI an unreachable PostgreSQL skips those
// tests with a message; in CI (CI=true) it fails the run, because production runs on PostgreSQL.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createDb, type Db } from '../client.ts'
import { applyMigrations } from '../migrator.ts'
import type { DatabaseProvider } from '../database-url.ts'

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'

export interface TestDatabase {
  provider: DatabaseProvider
  url: string
  db: Db
  drop(): Promise<void>
}

let postgresReachable: Promise<boolean> | undefined
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return postgresReachable
}

/** The providers the database tests run against in this environment. */
export async function testProviders(): Promise<DatabaseProvider[]> {
  if (await isPostgresReachable()) return ['sqlite', 'postgresql']
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}; CI must test the production database`)
  }
  console.warn(`[db tests] PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: skipping the PostgreSQL runs`)
  return ['sqlite']
}

/** Creates an empty database (not migrated); `drop` removes it. */
export async function createEmptyDatabase(provider: DatabaseProvider): Promise<{ url: string; drop(): Promise<void> }> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
    return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `portal_test_${suffix}`
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

/** A freshly migrated database with a connected client. */
export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(provider)
  await applyMigrations(empty.url)
  const db = createDb(empty.url)
  return {
    provider,
    url: empty.url,
    db,
    drop: async () => {
      await db.$disconnect()
      await empty.drop()
    },
  }
}
