// One file per exchange table, written as the export's batches arrive (memory stays flat: a batch
// is written, with backpressure, before the next is read). The rows' text (JSON Lines or CSV with
// a BOM, formula-safe) is web/server/ministry-export/ministry-lines.ts.
import fs from 'node:fs'
import { once } from 'node:events'
import path from 'node:path'
import { MINISTRY_TABLES, type MinistryRow, type MinistryTable, type MinistryTableName } from '../../shared/ministry/tables.ts'
import type { MinistryExportBatch } from '../../web/server/ministry-export/export-to-ministry.ts'
import { csvHeader, csvLines, jsonLines } from '../../web/server/ministry-export/ministry-lines.ts'

// the row text is the exchange API's too (GET /api/exchange/v1/ministry-export)
export { csvHeader, csvLines, jsonLines }

export type MinistryFileFormat = 'jsonl' | 'csv'

export function ministryFileName(table: MinistryTableName, format: MinistryFileFormat): string {
  return `${table}.${format}`
}

class TableFile {
  private readonly stream: fs.WriteStream
  private failure: Error | null = null
  rows = 0

  constructor(readonly table: MinistryTable, readonly file: string, private readonly format: MinistryFileFormat) {
    this.stream = fs.createWriteStream(file, { encoding: 'utf8' })
    this.stream.on('error', (error) => {
      this.failure = error
    })
  }

  async start() {
    if (this.format === 'csv') await this.write(csvHeader(this.table))
  }

  async append(rows: readonly MinistryRow[]) {
    this.rows += rows.length
    await this.write(this.format === 'csv' ? csvLines(this.table, rows) : jsonLines(this.table, rows))
  }

  private async write(text: string) {
    if (this.failure) throw this.failure
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }

  async close() {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject)
      this.stream.end(resolve)
    })
    if (this.failure) throw this.failure
  }
}

export interface WrittenTable {
  table: MinistryTableName
  file: string
  rows: number
}

/** Writes every table's file in `dir` (a table without rows gets an empty file, or a header-only CSV). */
export async function writeMinistryFiles(batches: AsyncIterable<MinistryExportBatch>, dir: string, format: MinistryFileFormat): Promise<WrittenTable[]> {
  fs.mkdirSync(dir, { recursive: true })
  const files = new Map(MINISTRY_TABLES.map((t) => [t.name as MinistryTableName, new TableFile(t, path.join(dir, ministryFileName(t.name, format)), format)]))
  try {
    for (const f of files.values()) await f.start()
    for await (const batch of batches) await files.get(batch.table)!.append(batch.rows)
  } finally {
    for (const f of files.values()) await f.close()
  }
  return [...files.values()].map((f) => ({ table: f.table.name as MinistryTableName, file: f.file, rows: f.rows }))
}
