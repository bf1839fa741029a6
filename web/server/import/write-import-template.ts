// The downloadable template of an import kind. The xlsx has the data sheet (the kind's sheet name,
// the headers with required ones marked '*', one example row, code columns formatted as text so
// that Excel keeps every digit of an ID number), a 说明 sheet describing each column and a 代码表
// sheet listing what each coded column accepts. The CSV is the header and the example row, UTF-8
// with a BOM so that Excel opens it in the right encoding. Both are written from the column specs
// the reader uses, so the template cannot drift from what the import accepts.
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify'
import { formatOf, type ColumnSpec, type ImportKindSpec } from '@shared/import/column-spec'
import { columnLetter, templateHeader } from '@shared/import/header'
import { IMPORT_KINDS, type ImportKindId } from '@shared/import/import-kinds'
import { normalizeCell } from '@shared/import/normalize-cell'

export type TemplateFormat = 'xlsx' | 'csv'

export const INSTRUCTIONS_SHEET = '说明'
export const CODE_TABLE_SHEET = '代码表'

/** 企业基本信息导入模板.xlsx */
export function importTemplateFileName(kind: ImportKindId, format: TemplateFormat): string {
  return `${IMPORT_KINDS[kind].label}导入模板.${format}`
}

const TEXT_FORMAT = '@'
// Drop-down lists down to this row, not the whole column: tools that expand a validation's range
// cell by cell (exceljs's own loader among them) take seconds over a million rows. The list is a
// convenience; rows below it accept the same values.
const DROPDOWN_LAST_ROW = 10_001
const DATE_FORMAT = 'yyyy-mm-dd'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } }
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }

/** The example as a cell: a number for numbers, a date for dates, text for everything else. */
function exampleCell(column: ColumnSpec): string | number | Date | null {
  const reading = normalizeCell(column, column.example)
  if ('problem' in reading || reading.value === null) return column.example || null
  const value = reading.value
  switch (column.kind) {
    case 'amount':
    case 'integer':
      return Number(value)
    case 'date':
      // exceljs writes a Date as the serial of its UTC day
      return new Date(`${value}T00:00:00Z`)
    default:
      // as typed: a region's name stays a name, showing that names are accepted
      return column.example
  }
}

function columnStyle(column: ColumnSpec): Partial<ExcelJS.Style> | undefined {
  if (column.kind === 'code' || column.kind === 'text' || column.kind === 'longText' || column.kind === 'enum') return { numFmt: TEXT_FORMAT }
  if (column.kind === 'date') return { numFmt: DATE_FORMAT }
  return undefined
}

function columnWidth(column: ColumnSpec): number {
  const chars = Math.max(Array.from(templateHeader(column)).length * 2, column.example.length + 2, 10)
  return Math.min(chars, column.kind === 'longText' ? 60 : 40)
}

// The stream writer supports data validations; the type declarations leave them out.
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

/** Where each coded column's labels sit in the 代码表 sheet, for the data sheet's drop-down lists. */
interface CodeBlock {
  column: ColumnSpec
  firstRow: number
  lastRow: number
}

/** Where each coded column's entries go in the 代码表 sheet: after its header row, in order. */
function codeBlocks(spec: ImportKindSpec): CodeBlock[] {
  const blocks: CodeBlock[] = []
  let row = 1
  for (const column of spec.columns) {
    if (!column.codeTable) continue
    blocks.push({ column, firstRow: row + 1, lastRow: row + column.codeTable.entries.length })
    row += column.codeTable.entries.length
  }
  return blocks
}

function writeCodeTableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, blocks: readonly CodeBlock[]): void {
  const sheet = workbook.addWorksheet(CODE_TABLE_SHEET)
  sheet.columns = [{ width: 28 }, { width: 28 }, { width: 30 }, { width: 24 }]
  const header = sheet.addRow(['列名', '名称（填写此项）', '代码（也可填写）', '也可填写'])
  header.font = HEADER_FONT
  header.commit()
  for (const { column } of blocks) {
    for (const entry of column.codeTable?.entries ?? []) {
      sheet.addRow([column.header, entry.label, entry.value, entry.aliases?.length ? entry.aliases.join('、') : null]).commit()
    }
  }
  sheet.commit()
}

function writeInstructionsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: ImportKindSpec): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET)
  sheet.columns = [{ width: 26 }, { width: 10 }, { width: 40 }, { width: 70 }, { width: 30 }]
  const notes = [
    `在“${spec.sheetName}”工作表中填写数据：第1行为列名，请勿修改；之后每行一条数据。导入前请删除示例行。`,
    '带 * 的列为必填；其余列可以删除或留空。其他工作表（说明、代码表）导入时忽略。',
    '请直接填写数值，不要使用公式；代码、身份证号等列已设为文本格式，请勿改为数值格式。',
    '日期可填写 2024-03-05、2024/3/5、2024.3.5、20240305 或 2024年3月5日；不接受 3/5/2024 这类无法区分月日的写法。',
  ]
  for (const note of notes) sheet.addRow([note]).commit()
  sheet.addRow([]).commit()
  const header = sheet.addRow(['列名', '是否必填', '格式', '说明', '示例'])
  header.font = HEADER_FONT
  header.commit()
  for (const column of spec.columns) {
    sheet.addRow([column.header, column.required ? '必填' : '选填', formatOf(column), column.description, column.example]).commit()
  }
  sheet.commit()
}

async function writeXlsxTemplate(spec: ImportKindSpec, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  workbook.creator = '海南省建筑市场诚信信息平台'
  const data = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  data.columns = spec.columns.map((column) => ({ key: column.field, width: columnWidth(column), style: columnStyle(column) }))

  const header = data.addRow(spec.columns.map(templateHeader))
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1)
    cell.font = column.required ? REQUIRED_FONT : HEADER_FONT
    cell.fill = HEADER_FILL
    cell.numFmt = TEXT_FORMAT
  })
  header.commit()

  const example = data.addRow(spec.columns.map(exampleCell))
  spec.columns.forEach((column, i) => {
    const style = columnStyle(column)
    if (style?.numFmt) example.getCell(i + 1).numFmt = style.numFmt
  })
  example.commit()

  // the drop-down lists point at the 代码表 sheet, written last from the same blocks
  const blocks = codeBlocks(spec)
  for (const block of blocks) {
    if (block.column.kind !== 'enum') continue
    const letter = columnLetter(spec.columns.indexOf(block.column) + 1)
    ;(data as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${DROPDOWN_LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${CODE_TABLE_SHEET}'!$B$${block.firstRow}:$B$${block.lastRow}`],
      // the import also takes codes and other spellings: the list helps, it does not forbid
      showErrorMessage: false,
    })
  }
  data.commit()

  writeInstructionsSheet(workbook, spec)
  writeCodeTableSheet(workbook, blocks)
  await workbook.commit()
}

async function writeCsvTemplate(spec: ImportKindSpec, stream: Writable): Promise<void> {
  const records = [spec.columns.map(templateHeader), spec.columns.map((c) => c.example)]
  await pipeline(Readable.from(records), stringify({ bom: true, record_delimiter: 'windows' }), stream)
}

/** Writes the template to `stream` and ends it. */
export async function writeImportTemplate(kind: ImportKindId, format: TemplateFormat, stream: Writable): Promise<void> {
  const spec = IMPORT_KINDS[kind]
  if (!spec) throw new RangeError(`unknown import kind ${kind}`)
  if (format === 'xlsx') await writeXlsxTemplate(spec, stream)
  else await writeCsvTemplate(spec, stream)
}
