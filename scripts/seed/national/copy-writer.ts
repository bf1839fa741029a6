// The seed's BatchWriter with PostgreSQL's COPY FROM STDIN in place of multi-row INSERTs, for
// the national-size load (scripts/seed/national).
//
// Each flush is one transaction on a connection of its own: per table, in foreign-key order, one
// COPY of the buffered rows in text format, streamed in chunks so that no flush holds more than
// one chunk's text besides the rows themselves. The connection runs with
// session_replication_role = replica: no trigger fires, neither the search-index triggers (the
// load rebuilds the index in bulk afterwards, rebuildSearchIndex) nor the foreign-key checks
// (the generators add every parent before its children, and the seed's db test checks the
// result). That needs a superuser, as the operator who bulk-loads a database is.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Db } from '../../../prisma/client.ts'
import { BATCH_TABLES, BatchWriter, TABLE_COLUMNS, type BatchTable, type Value } from '../batch-writer.ts'

/** Rows per flush: COPY's per-statement cost is small, so batches are larger than the INSERT path's. */
export const COPY_BATCH_ROWS = 50_000
/** Rows per piece of text handed to the COPY stream. */
const CHUNK_ROWS = 2_000

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One value in COPY's text format. Timestamps are written as UTC: the columns are `timestamp(3)` without zone, as Prisma stores them. */
export function copyText(value: Value): string {
  if (value === null) return '\\N'
  if (value instanceof Date) return value.toISOString().slice(0, 23).replace('T', ' ')
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot COPY the number ${value}`)
    return String(value)
  }
  return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c])
}

function* chunks(rows: Value[][]): Generator<string> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    let text = ''
    const end = Math.min(rows.length, i + CHUNK_ROWS)
    for (let r = i; r < end; r++) text += rows[r].map(copyText).join('\t') + '\n'
    yield text
  }
}

export class CopyWriter extends BatchWriter {
  private client: pg.Client | null = null

  /** `url`: the same database as `db`, for a connection of the writer's own. */
  constructor(
    db: Db,
    private readonly url: string,
    batchRows = COPY_BATCH_ROWS,
  ) {
    super(db, 'postgresql', batchRows)
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client
    const client = new pg.Client({ connectionString: this.url })
    await client.connect()
    await client.query('SET session_replication_role = replica')
    // a crash loses at most the last batches; the load is re-run with --reset anyway
    await client.query('SET synchronous_commit = off')
    this.client = client
    return client
  }

  protected override async write(buffers: Map<BatchTable, Value[][]>): Promise<void> {
    const client = await this.connection()
    await client.query('BEGIN')
    try {
      for (const table of BATCH_TABLES) {
        const rows = buffers.get(table)
        if (!rows?.length) continue
        const columns = (TABLE_COLUMNS[table] as readonly string[]).map((c) => `"${c}"`).join(', ')
        await pipeline(Readable.from(chunks(rows)), client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`)))
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
  }

  /** Writes what is left, waits for every batch and closes the writer's connection. */
  override async finish(): Promise<void> {
    try {
      await super.finish()
    } finally {
      const client = this.client
      this.client = null
      await client?.end()
    }
  }
}
