// An uploaded import file → its data rows, normalised and keyed by form field, each with the
// problems of its cells. Awaiting readImportFile reads as far as the header row and refuses a file
// that cannot be imported at all (ImportFileError); iterating the result streams the rows, and may
// still refuse the file part-way (too many rows, a formula cell, bytes that do not decode, the size
// limit), since a file is never held whole to find out first.
import path from 'node:path'
import { Readable } from 'node:stream'
import { columnLetter, matchHeader, type HeaderMatch } from '@shared/import/header'
import { IMPORT_KINDS, type ImportKindId } from '@shared/import/import-kinds'
import type { ImportKindSpec } from '@shared/import/column-spec'
import { isBlankRow, normalizeRow, type ImportRow } from '@shared/import/import-row'
import { cellText, isBlankCell, type CellValue } from '@shared/import/normalize-cell'
import { csvRecords } from './csv-records'
import { decodeCsv, detectCsvEncoding, ENCODING_SAMPLE_BYTES, REPLACEMENT_CHARACTER, type CsvEncoding } from './csv-text'
import { ImportFileError, SAVE_AS_UTF8_CSV } from './import-file-error'
import { importLimits, type ImportLimits } from './import-limits'
import { MeteredSource } from './metered-source'
import { FormulaCell, xlsxRows, type XlsxCell } from './xlsx-rows'

export type ImportFileFormat = 'csv' | 'xlsx'

export interface ReadImportFileOptions {
  kind: ImportKindId
  /**
   * the uploaded file's name: it must end in .csv or .xlsx (.xls is refused with how to convert
   * it). The bytes decide which reader runs, so a workbook renamed .csv is still read as one.
   */
  fileName: string
  /** defaults: DEFAULT_IMPORT_LIMITS */
  limits?: Partial<ImportLimits>
}

export interface ImportFileRows extends AsyncIterable<ImportRow> {
  readonly spec: ImportKindSpec
  readonly format: ImportFileFormat
  /** how a CSV was decoded; null for xlsx */
  readonly encoding: CsvEncoding | null
  /** the file's columns in its order (null: a column with an empty header) */
  readonly header: HeaderMatch
  /**
   * bytes read so far, for progress. An xlsx saved by Excel is read to its end before its first
   * row (the shared strings come last), so its count is complete from the start.
   */
  readonly bytesRead: number
  /** releases the source when the rows are not read to the end */
  close(): Promise<void>
}

interface RawRow {
  rowNumber: number
  cells: XlsxCell[]
  date1904: boolean
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
// OLE compound files: legacy .xls workbooks and password-encrypted .xlsx (MS-OFFCRYPTO)
const COMPOUND_FILE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')

const LEGACY_XLS = '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后重新上传'

/** An encrypted .xlsx is a compound file with an EncryptedPackage stream; anything else in one is a .xls. */
async function refuseCompoundFile(metered: MeteredSource): Promise<never> {
  let tail = Buffer.alloc(0)
  for await (const chunk of metered.chunks()) {
    const window = Buffer.concat([tail, chunk])
    if (window.includes(ENCRYPTED_PACKAGE)) {
      throw new ImportFileError('ENCRYPTED_WORKBOOK', '工作簿设置了打开密码，无法读取。请在 Excel 中选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后重新上传')
    }
    tail = window.subarray(Math.max(0, window.length - ENCRYPTED_PACKAGE.length + 1))
  }
  metered.assertWithinLimit()
  throw new ImportFileError('UNSUPPORTED_FORMAT', LEGACY_XLS)
}

async function* csvRawRows(metered: MeteredSource, encoding: CsvEncoding, maxRecordChars: number): AsyncGenerator<RawRow> {
  for await (const record of csvRecords(decodeCsv(metered.chunks(), encoding), maxRecordChars)) {
    yield { rowNumber: record.rowNumber, cells: record.cells, date1904: false }
  }
}

function isBlankRawRow(cells: readonly XlsxCell[]): boolean {
  return cells.every((c) => !(c instanceof FormulaCell) && isBlankCell(c))
}

function columnName(header: HeaderMatch, index: number): string {
  return header.columns[index]?.header ?? `第${columnLetter(index + 1)}列`
}

function refuseFormula(rowNumber: number, cells: readonly XlsxCell[], header: HeaderMatch | null): void {
  const index = cells.findIndex((c) => c instanceof FormulaCell)
  if (index < 0) return
  const column = header ? columnName(header, index) : `第${columnLetter(index + 1)}列`
  throw new ImportFileError(
    'FORMULA_CELL',
    `第${rowNumber}行“${column}”（${columnLetter(index + 1)}列）是公式。公式的结果可能没有更新，请把公式转换为数值（复制后“选择性粘贴 → 数值”）后重新上传`,
    { row: rowNumber, column },
  )
}

function refuseUndecodable(rowNumber: number, cells: readonly CellValue[], header: HeaderMatch): void {
  const index = cells.findIndex((c) => typeof c === 'string' && c.includes(REPLACEMENT_CHARACTER))
  if (index < 0) return
  const column = columnName(header, index)
  throw new ImportFileError('ENCODING', `第${rowNumber}行“${column}”含有无法识别的字符，文件的文字编码有误。${SAVE_AS_UTF8_CSV}`, { row: rowNumber, column })
}

export async function readImportFile(source: AsyncIterable<Uint8Array>, options: ReadImportFileOptions): Promise<ImportFileRows> {
  const spec = IMPORT_KINDS[options.kind]
  if (!spec) throw new RangeError(`unknown import kind ${options.kind}`)
  const limits = importLimits(options.limits)
  const extension = path.extname(options.fileName).toLowerCase()
  if (extension === '.xls') throw new ImportFileError('UNSUPPORTED_FORMAT', LEGACY_XLS)
  if (extension !== '.csv' && extension !== '.xlsx') throw new ImportFileError('UNSUPPORTED_FORMAT', '只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv），请使用导入模板')

  const metered = new MeteredSource(source, limits.maxBytes)
  // a file cut short by the size limit may look truncated or corrupt to a parser: it is too large
  const translate = (error: unknown): unknown => (metered.overLimit ? metered.tooLarge() : error)

  let raw: AsyncGenerator<RawRow> | undefined
  let format: ImportFileFormat
  let encoding: CsvEncoding | null = null
  let header: HeaderMatch
  try {
    const { head, complete } = await metered.head(ENCODING_SAMPLE_BYTES)
    metered.assertWithinLimit()
    if (head.byteLength === 0) throw new ImportFileError('EMPTY_FILE', '文件是空的')
    if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
      format = 'xlsx'
      raw = xlsxRows(Readable.from(metered.chunks()), spec.sheetName)
    } else if (head.subarray(0, 8).equals(COMPOUND_FILE_MAGIC)) {
      return await refuseCompoundFile(metered)
    } else if (extension === '.xlsx') {
      throw new ImportFileError('CORRUPT_WORKBOOK', '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏，或是改了扩展名的其他文件')
    } else {
      format = 'csv'
      encoding = detectCsvEncoding(head, complete)
      raw = csvRawRows(metered, encoding, limits.maxRecordChars)
    }

    let first: IteratorResult<RawRow>
    do first = await raw.next()
    while (!first.done && isBlankRawRow(first.value.cells))
    metered.assertWithinLimit()
    if (first.done) throw new ImportFileError('EMPTY_FILE', '文件中没有内容（第1行应为列名，之后每行一条数据）')
    const headerRow = first.value
    refuseFormula(headerRow.rowNumber, headerRow.cells, null)
    const cells = (headerRow.cells as CellValue[]).map(cellText)
    header = matchHeader(spec, cells)
    if (headerRow.rowNumber !== 1 || header.columns.every((c) => c === null)) {
      throw new ImportFileError('MISSING_HEADER', `第1行应为列名（表头），与“${spec.label}”导入模板的第1行一致；请不要在列名上方插入标题或空行`, { row: 1 })
    }
    if (format === 'csv') refuseUndecodable(1, cells, header)
    if (header.problems.length) {
      throw new ImportFileError('BAD_HEADER', `表头有误：${header.problems.map((p) => p.message).join('；')}`, { headerProblems: header.problems })
    }
  } catch (error) {
    await raw?.return(undefined)
    await metered.close()
    throw translate(error)
  }

  const rawRows = raw
  const matched = header
  const isCsv = format === 'csv'
  let started = false

  async function* rows(): AsyncGenerator<ImportRow> {
    let count = 0
    try {
      for (;;) {
        let next: IteratorResult<RawRow>
        try {
          next = await rawRows.next()
        } catch (error) {
          throw translate(error)
        }
        metered.assertWithinLimit()
        if (next.done) break
        const { rowNumber, cells, date1904 } = next.value
        refuseFormula(rowNumber, cells, matched)
        // no formula cells past refuseFormula
        const values = cells as CellValue[]
        if (isBlankRow(values)) continue
        if (++count > limits.maxRows) {
          throw new ImportFileError('TOO_MANY_ROWS', `文件的数据超过 ${limits.maxRows.toLocaleString('zh-CN')} 行的上限，请拆分为多个文件后分别导入`, { row: rowNumber })
        }
        if (isCsv) refuseUndecodable(rowNumber, values, matched)
        yield normalizeRow(spec, matched, values, rowNumber, { date1904 })
      }
      if (count === 0) throw new ImportFileError('EMPTY_FILE', '文件只有列名，没有数据行')
    } finally {
      await rawRows.return(undefined)
      await metered.close()
    }
  }
  const iterator = rows()

  return {
    spec,
    format,
    encoding,
    header: matched,
    get bytesRead() {
      return metered.bytes
    },
    [Symbol.asyncIterator]() {
      if (started) throw new Error('the rows of an import file can be read only once')
      started = true
      return iterator
    },
    async close() {
      await iterator.return(undefined)
      await rawRows.return(undefined)
      await metered.close()
    },
  }
}

