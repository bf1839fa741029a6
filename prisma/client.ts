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

export function createDb(url?: string): Db {
  const target = parseDatabaseUrl(url)
  if (target.provider === 'sqlite') {
    if (target.location !== ':memory:') fs.mkdirSync(path.dirname(target.location), { recursive: true })
    // unixepoch-ms keeps DateTime columns numeric, so date ranges compare as numbers and sort in index order
    const adapter = new PrismaBetterSqlite3({ url: target.location }, { timestampFormat: 'unixepoch-ms' })
    return new SqlitePrismaClient({ adapter })
  }
  const adapter = new PrismaPg({ connectionString: target.location, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
  return new PostgresPrismaClient({ adapter }) as unknown as Db
}

export function databaseProvider(url?: string) {
  return parseDatabaseUrl(url).provider
}
