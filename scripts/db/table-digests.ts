// Every table of a database with its row count and, optionally, a SHA-256 over its rows in
// primary-key order: two databases with equal digests hold the same data. Used to check a restored
// backup against its source (scripts/db/backup.db.test.ts) and to report a restore.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { parseDatabaseUrl } from '../../prisma/database-url.ts'

export interface TableDigest {
  table: string
  rows: number
  /** sha256 of the rows in primary-key order; absent when not asked for */
  sha256?: string
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`
  if (value instanceof Date) return `date:${value.toISOString()}`
  if (typeof value === 'bigint') return `int:${value}`
  if (typeof value === 'object') return JSON.stringify(value)
  return value
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

export async function tableDigests(url: string, options: { hash?: boolean } = {}): Promise<TableDigest[]> {
  const target = parseDatabaseUrl(url)
  const hash = options.hash ?? false
  const out: TableDigest[] = []
  if (target.provider === 'sqlite') {
    if (!fs.existsSync(target.location)) throw new Error(`no SQLite database at ${target.location}`)
    const db = new Database(target.location, { readonly: true })
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
      for (const table of tables) {
        const columns = db.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[]
        const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
        const order = (key.length ? key : columns).map((c) => quote(c.name)).join(', ')
        const digest = createHash('sha256')
        let rows = 0
        // big integers exactly, not as doubles
        for (const row of db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).safeIntegers(true).raw().iterate() as Iterable<unknown[]>) {
          rows++
          if (hash) digest.update(`${JSON.stringify(row.map(canonical))}\n`)
        }
        out.push({ table, rows, ...(hash ? { sha256: digest.digest('hex') } : {}) })
      }
    } finally {
      db.close()
    }
    return out
  }
  const client = new pg.Client({ connectionString: target.location })
  await client.connect()
  try {
    const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.name)
    for (const table of tables) {
      const key = (
        await client.query<{ name: string }>(
          `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::smallint[], a.attnum)`,
          [`public.${quote(table)}`],
        )
      ).rows.map((r) => r.name)
      const columns = key.length
        ? key
        : (await client.query<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', ['public', table])).rows.map((r) => r.name)
      if (!hash) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quote(table)}`)
        out.push({ table, rows: Number(rows[0].n) })
        continue
      }
      // rowMode array: values in column order, as for SQLite
      const result = await client.query({ text: `SELECT * FROM public.${quote(table)} ORDER BY ${columns.map(quote).join(', ')}`, rowMode: 'array' })
      const digest = createHash('sha256')
      for (const row of result.rows as unknown[][]) digest.update(`${JSON.stringify(row.map(canonical))}\n`)
      out.push({ table, rows: result.rows.length, sha256: digest.digest('hex') })
    }
  } finally {
    await client.end()
  }
  return out
}
