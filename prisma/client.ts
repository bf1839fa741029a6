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
  /** operations that take at least this many milliseconds are reported */
  thresholdMs: number
  /**
   * Called in the async context of the code that ran the operation (so a logger there sees that
   * request's id): the operation's name ('Permit.findMany', '$queryRaw') and its duration, waiting
   * for a connection included. Never its arguments or SQL values, which carry what was searched.
   */
  onSlowQuery(query: SlowOperation): void
}

export interface SlowOperation {
  durationMs: number
  operation: string
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
  let db: Db
  if (target.provider === 'sqlite') {
    if (target.location !== ':memory:') fs.mkdirSync(path.dirname(target.location), { recursive: true })
    // unixepoch-ms keeps DateTime columns numeric, so date ranges compare as numbers and sort in index order
    const adapter = new PrismaBetterSqlite3({ url: target.location }, { timestampFormat: 'unixepoch-ms' })
    db = new SqlitePrismaClient({ adapter }) as unknown as Db
  } else {
    const statementTimeout = options.statementTimeoutMs ?? defaultStatementTimeoutMs()
    const adapter = new PrismaPg({
      connectionString: target.location,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // sent in each connection's start-up message; pg leaves it out when 0
      statement_timeout: statementTimeout,
    })
    db = new PostgresPrismaClient({ adapter }) as unknown as Db
  }
  return options.slowQuery ? timeOperations(db, options.slowQuery) : db
}

/**
 * Times every operation where it is called. Not Prisma's query events: they fire in whichever
 * async context Prisma's scheduler is in (a batched findUnique, or a transaction queued behind
 * another request's, reports under the other request), so their lines carried the wrong request
 * id or none; an operation extension runs in its caller's context.
 */
function timeOperations(db: Db, { thresholdMs, onSlowQuery }: SlowQueryOptions): Db {
  const timed = db.$extends({
    name: 'slow-operations',
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now()
        try {
          return await query(args)
        } finally {
          const durationMs = performance.now() - started
          if (durationMs >= thresholdMs) onSlowQuery({ durationMs, operation: model ? `${model}.${operation}` : operation })
        }
      },
    },
  })
  return timed as unknown as Db
}

export function databaseProvider(url?: string) {
  return parseDatabaseUrl(url).provider
}
