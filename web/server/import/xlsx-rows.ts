// The rows of one sheet of an xlsx file, streamed with exceljs's WorkbookReader: the workbook is
// never loaded whole. Its shared-string table has to be (cells point into it); it is kept in a
// compact SharedStringTable rather than exceljs's cache, and as Excel writes it after the sheets,
// exceljs parks the sheets in temporary files until it has read it. Memory therefore grows with
// the file's distinct texts — about a third of what exceljs's own cache takes — not with its rows.
import type { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { CellValue } from '@shared/import/normalize-cell'
import { ImportFileError } from './import-file-error'
import { SharedStringTable } from './shared-string-table'

/** A cell holding a formula: refused, as its cached result may be stale or missing. */
export class FormulaCell {
  constructor(readonly formula: string) {}
}

export type XlsxCell = CellValue | FormulaCell

export interface XlsxRow {
  rowNumber: number
  cells: XlsxCell[]
  /** the workbook counts serial dates from 1904 */
  date1904: boolean
}

// What the stream reader has but its type declarations leave out.
interface SheetReaderInternals {
  name?: string
  iterator?: { destroy?: () => void }
}
interface WorkbookReaderInternals {
  model?: unknown
  properties?: { model?: { date1904?: boolean } }
}

function plainText(text: unknown): string {
  if (typeof text === 'string') return text
  if (text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText)) {
    return (text as { richText: { text?: string | null }[] }).richText.map((run) => run.text ?? '').join('')
  }
  return ''
}

function cellOf(value: unknown, strings: SharedStringTable): XlsxCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value !== 'object') return String(value)
  const v = value as Record<string, unknown>
  if ('formula' in v || 'sharedFormula' in v) return new FormulaCell(String(v.formula ?? v.sharedFormula ?? ''))
  if (typeof v.sharedString === 'number') return strings.get(v.sharedString) ?? null
  if (Array.isArray(v.richText)) return plainText(v)
  if (typeof v.error === 'string') return { excelError: v.error }
  if (typeof v.text === 'string') return v.text
  return null
}

function corrupt(cause?: unknown): ImportFileError {
  return new ImportFileError('CORRUPT_WORKBOOK', '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或不完整，请用 Excel 打开确认后另存为 .xlsx 重新上传', {}, cause)
}

/** The rows of the sheet named `sheetName` (row numbers as Excel shows them; empty rows absent). */
/**
 * exceljs reads the zip with unzipper's Parse, which (0.10) emits 'end' as soon as its input has
 * been written ('finish'), and exceljs stops at 'end': entries Parse had already read but exceljs
 * had not yet taken — it pauses the zip while it stores a sheet — are dropped. Under load a small
 * workbook came out without its workbook.xml or shared strings. exceljs pipes our input into that
 * Parse, so the pipe is where to reach it: only the readable side's real end is let through.
 */
export function passOnlyRealEnd(input: Readable): Readable {
  const pipe = input.pipe.bind(input)
  input.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const zip = destination as unknown as Readable
    const emit = zip.emit.bind(zip) as (event: string | symbol, ...args: unknown[]) => boolean
    zip.emit = ((event: string | symbol, ...args: unknown[]) => (event === 'end' && !zip.readableEnded ? false : emit(event, ...args))) as typeof zip.emit
    return pipe(destination, options)
  }) as typeof input.pipe
  return input
}

// What WorkbookReader.parse() yields: shared strings (sharedStrings: 'emit') and worksheets.
interface ReaderEvent {
  eventType?: string
  value?: unknown
  index?: number
  text?: unknown
}

/** The rows of the sheet named `sheetName` (row numbers as Excel shows them; empty rows absent). */
export async function* xlsxRows(input: Readable, sheetName: string): AsyncGenerator<XlsxRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(passOnlyRealEnd(input), {
    worksheets: 'emit',
    sharedStrings: 'emit',
    // styles tell date cells from number cells (exceljs then gives Dates)
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const internals = reader as unknown as WorkbookReaderInternals
  const strings = new SharedStringTable()
  const names: string[] = []
  let found = false
  const events = reader.parse() as AsyncIterator<ReaderEvent>
  try {
    for (;;) {
      let next: IteratorResult<ReaderEvent>
      try {
        next = await events.next()
      } catch (error) {
        throw corrupt(error)
      }
      if (next.done) break
      const event = next.value
      if (event.eventType === undefined && typeof event.index === 'number') {
        strings.push(plainText(event.text))
        continue
      }
      if (event.eventType !== 'worksheet') continue
      const sheet = event.value as ExcelJS.stream.xlsx.WorksheetReader
      const name = (sheet as unknown as SheetReaderInternals).name ?? ''
      names.push(name)
      if (name.trim() !== sheetName) {
        // a sheet parked in a temporary file was opened for reading; nobody will read it
        ;(sheet as unknown as SheetReaderInternals).iterator?.destroy?.()
        continue
      }
      found = true
      const date1904 = internals.properties?.model?.date1904 === true
      const rows = sheet[Symbol.asyncIterator]()
      for (;;) {
        let row: IteratorResult<ExcelJS.Row>
        try {
          row = await rows.next()
        } catch (error) {
          throw corrupt(error)
        }
        if (row.done) break
        const values = row.value.values as unknown[]
        const cells: XlsxCell[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i], strings))
        yield { rowNumber: row.value.number, cells, date1904 }
      }
      break
    }
  } finally {
    await events.return?.(undefined)
  }
  if (!found) {
    if (!internals.model) throw corrupt()
    const list = names.filter((n) => n !== '').map((n) => `“${n}”`).join('、')
    throw new ImportFileError(
      'WRONG_SHEET',
      `工作簿中没有名为“${sheetName}”的工作表${list ? `（现有工作表：${list}）` : ''}。请使用该类数据的导入模板，把数据填在“${sheetName}”工作表中`,
    )
  }
}
