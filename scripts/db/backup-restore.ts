// Backups of the portal's database and their restore, for whichever database a URL names:
//   SQLite: SQLite's online backup API (better-sqlite3's .backup()), which copies a consistent
//     snapshot while the portal goes on reading and writing — the remaining pages are copied in one
//     step under a read lock, so writers wait at most that long (their busy timeout covers it);
//   PostgreSQL: pg_dump's custom format, taken in one repeatable-read transaction (a consistent
//     snapshot, writers never wait), restored with pg_restore --clean --if-exists in one transaction.
// The pg_dump/pg_restore binaries must be on PATH (the PostgreSQL client tools, the server's major
// version or newer); they are asked for before any work starts.
import fs from 'node:fs'
import path from 'node:path'
import { spawn, spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import pg from 'pg'
import { parseDatabaseUrl, type DatabaseTarget } from '../../prisma/database-url.ts'

export class BackupError extends Error {}

export interface BackupResult {
  provider: DatabaseTarget['provider']
  file: string
  bytes: number
}

/** The PostgreSQL client tool `name`, or a BackupError that says how to get it. */
export function requirePgTool(name: 'pg_dump' | 'pg_restore'): string {
  const probe = spawnSync(name, ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      `${name} was not found on PATH: install the PostgreSQL client tools (e.g. apt-get install postgresql-client), of the server's major version or newer`,
    )
  }
  return name
}

/**
 * The connection for pg_dump/pg_restore: the URL without its password, which goes in PGPASSWORD
 * instead, so that it never shows in the process list.
 */
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (error) => reject(new BackupError(`${command} could not start: ${error.message}`)))
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))))
  })
}

/** Writes a backup of the database `url` names to `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const target = parseDatabaseUrl(url)
  const out = path.resolve(file)
  if (fs.existsSync(out)) throw new BackupError(`${out} exists already: choose a new file name (a backup never overwrites one)`)
  fs.mkdirSync(path.dirname(out), { recursive: true })
  if (target.provider === 'sqlite') {
    if (target.location === ':memory:' || !fs.existsSync(target.location)) throw new BackupError(`no SQLite database at ${target.location}`)
    const source = new Database(target.location, { readonly: true, fileMustExist: true })
    try {
      // first cycle as SQLite sizes it; then everything left in one step, so that a write between
      // steps cannot restart the copy again and again on a busy portal
      await source.backup(out, { progress: ({ totalPages }) => totalPages })
    } finally {
      source.close()
    }
  } else {
    const tool = requirePgTool('pg_dump')
    const { dbname, env } = pgConnection(target.location)
    const partial = `${out}.partial`
    try {
      await run(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], env)
      fs.renameSync(partial, out)
    } finally {
      fs.rmSync(partial, { force: true })
    }
  }
  return { provider: target.provider, file: out, bytes: fs.statSync(out).size }
}

/** The tables of the database `url` names that hold anything (an empty database has none). */
async function userTableCount(target: DatabaseTarget): Promise<number> {
  if (target.provider === 'sqlite') {
    if (!fs.existsSync(target.location)) return 0
    const db = new Database(target.location, { readonly: true })
    try {
      return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: target.location })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")
    return Number(rows[0].n)
  } finally {
    await client.end()
  }
}

export interface RestoreOptions {
  /** replace a database that already has tables (their data is lost) */
  force?: boolean
}

/**
 * Restores `file` (a backup made by backupDatabase for the same kind of database) into the
 * database `url` names. Stop the portal first. Refuses a database that already has tables unless
 * options.force: then SQLite's file is replaced, PostgreSQL's objects are dropped and re-created.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<void> {
  const target = parseDatabaseUrl(url)
  const from = path.resolve(file)
  if (!fs.existsSync(from)) throw new BackupError(`no backup file at ${from}`)
  const kind = backupKindOf(from)
  if (kind !== target.provider) {
    throw new BackupError(`${from} is ${kind === 'unknown' ? 'not a backup this command made' : `a ${kind} backup`}; DATABASE_URL names a ${target.provider} database`)
  }
  const tool = target.provider === 'postgresql' ? requirePgTool('pg_restore') : null
  if (!options.force && (await userTableCount(target)) > 0) {
    throw new BackupError('the target database already has tables: restore into an empty database, or pass --force to replace it')
  }
  if (target.provider === 'sqlite') {
    if (target.location === ':memory:') throw new BackupError('cannot restore into an in-memory database')
    const backup = new Database(from, { readonly: true, fileMustExist: true })
    try {
      const check = backup.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new BackupError(`${from} is damaged: ${String(check)}`)
      fs.mkdirSync(path.dirname(target.location), { recursive: true })
      // SQLite's backup API writes the destination page by page under its own lock: the result
      // is the backup, whatever the file held before
      await backup.backup(target.location)
    } finally {
      backup.close()
    }
    return
  }
  const { dbname, env } = pgConnection(target.location)
  await run(tool!, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${dbname}`, from], env)
}

const SQLITE_MAGIC = 'SQLite format 3\u0000'
const PG_CUSTOM_MAGIC = 'PGDMP'

/** Which kind of backup a file is, from its first bytes. */
export function backupKindOf(file: string): 'sqlite' | 'postgresql' | 'unknown' {
  const head = Buffer.alloc(16)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, head, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite'
  if (head.subarray(0, 5).toString('latin1') === PG_CUSTOM_MAGIC) return 'postgresql'
  return 'unknown'
}
