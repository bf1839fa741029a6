// One data row of an import file → its values by field, with a problem for each cell that cannot be
// read. Problems name the row as Excel numbers it (the header is row 1) and the column by its
// Chinese header, so the user can find the cell.

import type { ImportKindSpec } from './column-spec'
import { columnLetter, type HeaderMatch } from './header'
import { cellText, isBlankCell, normalizeCell, type CellContext, type CellValue } from './normalize-cell'

export interface RowProblem {
  /** the row number as Excel shows it (the header is row 1) */
  row: number
  /** the column's Chinese header, or 第X列 for a column without one */
  column: string
  /** the cell as the user typed it */
  value: string
  reason: string
}

export interface ImportRow {
  rowNumber: number
  /** field → normalised value; null for an empty cell, an absent optional column, or a cell with a problem */
  values: Record<string, string | null>
  /** field → the cell as read, before normalisation (for reports) */
  raw: Record<string, string>
  problems: RowProblem[]
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every(isBlankCell)
}

/** The cells of a data row (by position, as the header) → an ImportRow. */
export function normalizeRow(spec: ImportKindSpec, header: HeaderMatch, cells: readonly CellValue[], rowNumber: number, context: CellContext = {}): ImportRow {
  const values: Record<string, string | null> = {}
  const raw: Record<string, string> = {}
  const problems: RowProblem[] = []
  for (const column of spec.columns) values[column.field] = null

  const width = Math.max(cells.length, header.columns.length)
  for (let i = 0; i < width; i++) {
    const column = header.columns[i] ?? null
    const cell = cells[i]
    if (!column) {
      if (!isBlankCell(cell)) {
        problems.push({ row: rowNumber, column: `第${columnLetter(i + 1)}列`, value: cellText(cell), reason: '该列没有列名，数据无法对应，请补上列名或删除该列的内容' })
      }
      continue
    }
    const text = cellText(cell)
    if (text !== '') raw[column.field] = text
    const reading = normalizeCell(column, cell, context)
    if ('problem' in reading) problems.push({ row: rowNumber, column: column.header, value: text, reason: reading.problem })
    else values[column.field] = reading.value
  }

  for (const column of spec.columns) {
    if (column.required && values[column.field] === null && !problems.some((p) => p.column === column.header)) {
      problems.push({ row: rowNumber, column: column.header, value: '', reason: `请填写${column.header}` })
    }
  }
  return { rowNumber, values, raw, problems }
}
