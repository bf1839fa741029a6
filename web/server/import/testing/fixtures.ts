// Import files made in the tests: CSV bytes in UTF-8 (with or without BOM) or GBK, xlsx workbooks
// written by exceljs (which, like Excel, puts the shared strings after the sheets), and uploads
// delivered in small chunks so that every boundary case of the streaming readers is crossed.
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { stringify } from 'csv-stringify/sync'
import type { ImportRow } from '@shared/import/import-row'
import type { ImportFileRows } from '../read-import-file'

export type CsvEncodingFixture = 'utf-8' | 'utf-8-bom' | 'gbk'

/** Rows as CSV bytes, CRLF line ends (as Excel writes them). */
export function csvBytes(rows: readonly (readonly string[])[], encoding: CsvEncodingFixture = 'utf-8-bom'): Buffer {
  const text = stringify(rows as string[][], { record_delimiter: 'windows' })
  if (encoding === 'gbk') return iconv.encode(text, 'gbk')
  return Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')])
}

/** The bytes as an upload arrives: in chunks of `size` (a small size splits characters and records). */
export async function* chunked(bytes: Buffer, size = 16 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield new Uint8Array(bytes.subarray(i, i + size))
}

export interface SheetFixture {
  name: string
  rows: unknown[][]
  /** number formats by 1-based column (e.g. '@' for text, 'yyyy-mm-dd' for dates) */
  numFmts?: Record<number, string>
  /** rows to place at a given Excel row number instead of the next one: row index → row number */
  rowNumbers?: Record<number, number>
}

export async function xlsxBytes(sheets: SheetFixture[], options: { date1904?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  if (options.date1904) workbook.properties.date1904 = true
  for (const fixture of sheets) {
    const sheet = workbook.addWorksheet(fixture.name)
    fixture.rows.forEach((values, i) => {
      const row = sheet.getRow(fixture.rowNumbers?.[i] ?? i + 1)
      values.forEach((value, j) => {
        const cell = row.getCell(j + 1)
        cell.value = value as ExcelJS.CellValue
        const numFmt = fixture.numFmts?.[j + 1]
        if (numFmt) cell.numFmt = numFmt
      })
      row.commit()
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A Writable that keeps what is written, for the writers' output. */
export function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      callback()
    },
  })
  return { stream, bytes: () => Buffer.concat(chunks) }
}

export async function allRows(file: ImportFileRows): Promise<ImportRow[]> {
  const rows: ImportRow[] = []
  for await (const row of file) rows.push(row)
  return rows
}

/** The error an async step throws (fails the test when it does not throw). */
export async function thrown(step: () => Promise<unknown>): Promise<unknown> {
  try {
    await step()
  } catch (error) {
    return error
  }
  throw new Error('expected the step to throw')
}
