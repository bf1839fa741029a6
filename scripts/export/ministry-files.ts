// One file per exchange table, written as the export's batches arrive (memory stays flat: a batch
// is written, with backpressure, before the next is read). JSON Lines: one object per row, keys in
// the table's field order, null for an empty field. CSV: UTF-8 with a BOM so that Excel reads the
// Chinese, the field names as the header, and text cells that Excel or WPS would run as formulas
// made plain text (the same guard as the portal's exports).
import fs from 'node:fs'
import { once } from 'node:events'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { neutralizeFormula } from '../../shared/export/spreadsheet-safe.ts'
import { MINISTRY_TABLES, rowValues, type Cell, type MinistryRow, type MinistryTable, type MinistryTableName } from '../../shared/ministry/tables.ts'
import type { MinistryExportBatch } from '../../web/server/ministry-export/export-to-ministry.ts'

export type MinistryFileFormat = 'jsonl' | 'csv'

const BOM = '\uFEFF'

function csvCell(value: Cell): string {
  if (value === null) return ''
  // a number is data (region codes, 0/1 flags), never a formula
  if (typeof value === 'number') return String(value)
  return neutralizeFormula(value)
}

export function csvHeader(table: MinistryTable): string {
  return BOM + stringify([table.fields.map((f) => f.name)])
}

export function csvLines(table: MinistryTable, rows: readonly MinistryRow[]): string {
  return stringify(rows.map((row) => rowValues(table, row).map(csvCell)))
}

export function jsonLines(table: MinistryTable, rows: readonly MinistryRow[]): string {
  return rows.map((row) => `${JSON.stringify(Object.fromEntries(table.fields.map((f) => [f.name, row[f.name] ?? null])))}\n`).join('')
}

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
