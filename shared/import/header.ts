// The header row of an import file → which column feeds which field. A header matches when it is
// the template's, give or take what editing a spreadsheet by hand changes without meaning to:
// surrounding spaces, full-width or half-width brackets, the '*' the template puts on required
// columns. Anything else is a problem of the whole file: a column we do not know (a misspelt
// optional column would otherwise be dropped in silence), a required column missing, a column twice.

import { toHalfWidth } from '../validators/normalize'
import type { ColumnSpec, ImportKindSpec } from './column-spec'

export const REQUIRED_MARK = '*'

export type HeaderProblemCode = 'UNKNOWN_COLUMN' | 'MISSING_COLUMN' | 'DUPLICATE_COLUMN'

export interface HeaderProblem {
  code: HeaderProblemCode
  /** the header as in the file (unknown, duplicate) or as in the template (missing) */
  column: string
  /** 'C' for the third column; absent for a missing column */
  columnLetter?: string
  message: string
}

export interface HeaderMatch {
  /** by position in the file: the column spec, or null for a column with an empty header */
  columns: (ColumnSpec | null)[]
  problems: HeaderProblem[]
}

/** The spreadsheet letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = ''
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/** How headers are compared. toHalfWidth also turns （） into (), and ＊ into *. */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/\*+$/, '')
}

/** The header as the template writes it: required columns marked with '*'. */
export function templateHeader(column: ColumnSpec): string {
  return column.required ? `${column.header}${REQUIRED_MARK}` : column.header
}

export function matchHeader(spec: ImportKindSpec, cells: readonly string[]): HeaderMatch {
  const byKey = new Map(spec.columns.map((c) => [headerKey(c.header), c]))
  const seen = new Map<ColumnSpec, number>()
  const problems: HeaderProblem[] = []
  const columns = cells.map((cell, i): ColumnSpec | null => {
    const key = headerKey(cell ?? '')
    if (key === '') return null
    const letter = columnLetter(i + 1)
    const column = byKey.get(key)
    if (!column) {
      problems.push({ code: 'UNKNOWN_COLUMN', column: cell.trim(), columnLetter: letter, message: `第${letter}列“${cell.trim()}”不是${spec.label}导入模板中的列，请核对列名或删除该列` })
      return null
    }
    const first = seen.get(column)
    if (first !== undefined) {
      problems.push({ code: 'DUPLICATE_COLUMN', column: column.header, columnLetter: letter, message: `“${column.header}”列重复出现（第${columnLetter(first + 1)}列和第${letter}列），请只保留一列` })
      return null
    }
    seen.set(column, i)
    return column
  })
  for (const column of spec.columns) {
    if (column.required && !seen.has(column)) {
      problems.push({ code: 'MISSING_COLUMN', column: column.header, message: `缺少必填列“${column.header}”` })
    }
  }
  return { columns, problems }
}
