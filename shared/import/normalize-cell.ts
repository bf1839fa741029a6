// One cell of an import file → the string the form would have sent, or the reason it cannot be
// read. Only what has one possible meaning is changed (spaces around a value, full-width digits in
// a code, a date's separators, thousands separators); anything that could mean two things is
// refused with a reason the user can act on, never guessed.

import { removeFormulaGuard } from '../export/spreadsheet-safe'
import { toHalfWidth } from '../validators/normalize'
import { hasControlCharacter } from '../validators/text'
import type { CodeTable, ColumnSpec } from './column-spec'
import { readDateText, readDateValue, readSerialDate, type DateReading } from './date-cell'

/** An error value of a spreadsheet cell (#N/A, #VALUE! …). */
export interface CellErrorValue {
  excelError: string
}

/** A cell as a reader delivers it: CSV gives strings, xlsx also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | CellErrorValue | null | undefined

export type CellReading = { value: string | null } | { problem: string }

export interface CellContext {
  /** the workbook counts serial dates from 1904 (old Mac workbooks) */
  date1904?: boolean
}

// Invisible characters that copying from web pages and Word leaves in cells.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g
const SPACES = /\s+/g

export const CONTROL_CHARACTER_PROBLEM = '含有不可见的控制字符（如 NUL），请删除后重新填写'

/** The cell's text as the user sees it, for reports. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return excelNumberText(value) ?? String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  return value.excelError
}

export function isBlankCell(value: CellValue): boolean {
  if (value === null || value === undefined) return true
  return typeof value === 'string' && value.replace(INVISIBLE, '').trim() === ''
}

/** Spaces trimmed and collapsed to one; full-width brackets and letters in names left as typed. */
export function collapseSpaces(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim()
}

function collapseLines(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/** A number as Excel shows it: 15 significant digits, so 0.1 + 0.2 stored as 0.30000000000000004 reads 0.3. */
function excelNumberText(n: number): string | null {
  if (!Number.isFinite(n)) return null
  const shown = Number(n.toPrecision(15))
  if (shown !== 0 && (Math.abs(shown) >= 1e21 || Math.abs(shown) < 1e-6)) return null
  return String(shown)
}

const lookupCache = new WeakMap<CodeTable, Map<string, string>>()

/** How labels and values are compared: half-width, no spaces, upper case (（岩土） = (岩土), contractor = CONTRACTOR). */
function lookupKey(s: string): string {
  return toHalfWidth(s).replace(INVISIBLE, '').replace(SPACES, '').toUpperCase()
}

function lookup(table: CodeTable, text: string): string | undefined {
  let map = lookupCache.get(table)
  if (!map) {
    map = new Map()
    for (const e of table.entries) {
      for (const name of [e.value, e.label, ...(e.aliases ?? [])]) map.set(lookupKey(name), e.value)
    }
    lookupCache.set(table, map)
  }
  return map.get(lookupKey(text))
}

function choices(table: CodeTable): string {
  return table.entries.length <= 10 ? `应为：${table.entries.map((e) => e.label).join('、')}` : `请从“代码表”的${table.name}中选择`
}

// Excel's exponent display (常规 format): one digit, maybe decimals, E, a sign, the exponent —
// 4.60100E+17. The sign matters: USCCs may hold an E between digits (914690260001301E96).
const EXPONENT = /^[-+]?\d(?:\.\d+)?E[-+]\d{1,3}$/i
const FORMAT_AS_TEXT = '请将该列设置为“文本”格式后重新填写'

function readCode(column: ColumnSpec, value: string | number): CellReading {
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits, so a longer code typed into a number cell (an 18-digit ID
    // number, a 17-digit project code) has already lost its last digits when it reaches us.
    if (!Number.isInteger(value) || Math.abs(value) >= 1e15) {
      return { problem: `代码被保存为数字，末尾数字可能已丢失；${FORMAT_AS_TEXT}` }
    }
    return { value: String(value) }
  }
  const named = column.codeTable ? lookup(column.codeTable, value) : undefined
  if (named) return { value: named }
  const code = toHalfWidth(value).replace(INVISIBLE, '').replace(SPACES, '').toUpperCase()
  // Excel writes a long number formatted as 常规 into CSV the way it displays it: 1.10105E+17.
  if (EXPONENT.test(code)) return { problem: `「${value.trim()}」是科学计数法显示的数字，原代码的末尾数字已丢失；${FORMAT_AS_TEXT}` }
  return { value: code }
}

function readAmount(column: ColumnSpec, value: string | number): CellReading {
  const unit = column.unit ? `（单位：${column.unit}）` : ''
  if (typeof value === 'number') {
    const text = excelNumberText(value)
    return text === null ? { problem: `数值超出范围${unit}` } : { value: text }
  }
  const s = toHalfWidth(value).replace(INVISIBLE, '').replace(SPACES, '')
  if (/^[-+]?\d+(?:\.\d+)?$/.test(s)) return { value: s.replace(/^\+/, '') }
  // Thousands separators only where they group threes; 1,5 may be a decimal comma.
  if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return { value: s.replace(/^\+/, '').replace(/,/g, '') }
  if (EXPONENT.test(s)) return { problem: `「${value.trim()}」是科学计数法显示的近似值，请将该列设置为“数值”格式后重新保存` }
  return { problem: `应为数字${unit}，不要填写单位或其他文字` }
}

function readInteger(value: string | number): CellReading {
  if (typeof value === 'number') return Number.isInteger(value) ? { value: String(value) } : { problem: '应为整数' }
  const s = toHalfWidth(value).replace(INVISIBLE, '').replace(SPACES, '')
  return /^[-+]?\d+$/.test(s) ? { value: s.replace(/^\+/, '') } : { problem: '应为整数' }
}

function readEnum(column: ColumnSpec, value: string | number): CellReading {
  const table = column.codeTable
  if (!table) throw new Error(`enum column ${column.field} has no code table`)
  const text = typeof value === 'number' ? String(value) : value
  const found = lookup(table, text)
  return found ? { value: found } : { problem: `「${collapseSpaces(text)}」不是有效的${table.name}，${choices(table)}` }
}

function fromDate(reading: DateReading): CellReading {
  return 'iso' in reading ? { value: reading.iso } : reading
}

/** One cell → the normalised string (null when empty), or the reason it is refused. */
export function normalizeCell(column: ColumnSpec, value: CellValue, context: CellContext = {}): CellReading {
  if (value === null || value === undefined || isBlankCell(value)) return { value: null }
  if (typeof value === 'object' && !(value instanceof Date)) return { problem: `单元格是错误值 ${value.excelError}，请填写实际内容` }
  // the forms' rule (shared/validators/text.ts): a cell is refused as a whole, never cleaned silently
  if (typeof value === 'string' && hasControlCharacter(value)) return { problem: CONTROL_CHARACTER_PROBLEM }
  if (typeof value === 'boolean') {
    return column.kind === 'text' || column.kind === 'longText' ? { value: cellText(value) } : { problem: '单元格是逻辑值（TRUE/FALSE），请填写实际内容' }
  }
  if (value instanceof Date) {
    if (column.kind !== 'date') return { problem: `单元格是日期格式，${FORMAT_AS_TEXT}` }
    return fromDate(readDateValue(value))
  }
  switch (column.kind) {
    // a text cell the portal's exports guarded against formula injection reads as its value
    case 'text':
      return { value: typeof value === 'number' ? (excelNumberText(value) ?? String(value)) : collapseSpaces(removeFormulaGuard(value)) }
    case 'longText':
      return { value: typeof value === 'number' ? (excelNumberText(value) ?? String(value)) : collapseLines(removeFormulaGuard(value)) }
    case 'code':
      return readCode(column, value)
    case 'date':
      return fromDate(typeof value === 'number' ? readSerialDate(value, context.date1904) : readDateText(value))
    case 'amount':
      return readAmount(column, value)
    case 'integer':
      return readInteger(value)
    case 'enum':
      return readEnum(column, value)
  }
}
