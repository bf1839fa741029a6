// Builds the Prisma client for whichever database DATABASE_URL names. Prisma generates one client
// per provider (the query compiler is provider-specific), from one source schema, so their model
// APIs are identical; the rest of the code sees one type, `Db`.
import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.ts'
import { PrismaClient as PostgresPrismaClient } from './generated/postgres/client.ts'
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts'

export type Db = InstanceType<typeof SqlitePrismaClient>
export type { DatabaseTarget }

export interface SlowQueryOptions {
  /** queries that take at least this many milliseconds are reported */
  thresholdMs: number
  /** gets the SQL text (placeholders, never the bound values) and the duration */
  onSlowQuery(query: { durationMs: number; sql: string }): void
}

export interface DbOptions {
  slowQuery?: SlowQueryOptions
  /**
   * PostgreSQL: milliseconds after which the server cancels a statement, set on every pooled
   * connection (so a pathological query cannot hold a connection and a core for long); 0 turns it
   * off. Default: PG_STATEMENT_TIMEOUT_MS, else 15 000. SQLite has no statement timeout.
   */
  statementTimeoutMs?: number
}

/** The statement timeout a client gets unless its caller names one (PG_STATEMENT_TIMEOUT_MS, default 15 s). */
export function defaultStatementTimeoutMs(): number {
  const configured = Number(process.env.PG_STATEMENT_TIMEOUT_MS ?? 15_000)
  return Number.isInteger(configured) && configured >= 0 ? configured : 15_000
}

export function createDb(url?: string, options: DbOptions = {}): Db {
  const target = parseDatabaseUrl(url)
  // query events only when someone listens: Prisma builds each event's text otherwise for nothing
  const log = options.slowQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {}
  let db: Db
  if (target.provider === 'sqlite') {
    if (target.location !== ':memory:') fs.mkdirSync(path.dirname(target.location), { recursive: true })
    // unixepoch-ms keeps DateTime columns numeric, so date ranges compare as numbers and sort in index order
    const adapter = new PrismaBetterSqlite3({ url: target.location }, { timestampFormat: 'unixepoch-ms' })
    db = new SqlitePrismaClient({ adapter, ...log }) as unknown as Db
  } else {
    const statementTimeout = options.statementTimeoutMs ?? defaultStatementTimeoutMs()
    const adapter = new PrismaPg({
      connectionString: target.location,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // sent in each connection's start-up message; pg leaves it out when 0
      statement_timeout: statementTimeout,
    })
    db = new PostgresPrismaClient({ adapter, ...log }) as unknown as Db
  }
  if (options.slowQuery) reportSlowQueries(db, options.slowQuery)
  return db
}

function reportSlowQueries(db: Db, { thresholdMs, onSlowQuery }: SlowQueryOptions): void {
  // `Db` is the client type without log options, whose $on knows no 'query' event
  const withEvents = db as unknown as { $on(event: 'query', cb: (e: { query: string; duration: number }) => void): void }
  withEvents.$on('query', (e) => {
    if (e.duration >= thresholdMs) onSlowQuery({ durationMs: e.duration, sql: e.query })
  })
}

export function databaseProvider(url?: string) {
  return parseDatabaseUrl(url).provider
}
