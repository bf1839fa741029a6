// One import kind's file as the export writes it: UTF-8 with a BOM and CRLF line ends (as Excel
// writes "CSV UTF-8"), the template's headers in the template's order (shared/import specs, the one
// source of both), and each cell written so that the importer's reader
// (shared/import/normalize-cell.ts) reads back the stored value: a code-table column as its
// Chinese label when that label reads back as the same value, text that a spreadsheet would run
// as a formula guarded with an apostrophe, which the reader drops again.
import { stringify } from 'csv-stringify/sync'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'
import type { ColumnSpec, ImportKindSpec } from '@shared/import/column-spec'
import { templateHeader } from '@shared/import/header'
import { normalizeCell } from '@shared/import/normalize-cell'
import type { ExportValues } from './export-rows'

const BOM = '\uFEFF'
const CSV = { record_delimiter: 'windows' } as const

/** The code table's label for a stored value, if the reader maps that label back to the value. */
function labelOf(column: ColumnSpec, value: string): string {
  const label = column.codeTable?.entries.find((e) => e.value === value)?.label
  if (label === undefined) return value
  const read = normalizeCell(column, label)
  return 'value' in read && read.value === value ? label : value
}

/** One cell of the file for a column's stored value. */
export function exportCell(column: ColumnSpec, value: string | null): string {
  if (value === null) return ''
  switch (column.kind) {
    case 'enum':
      return labelOf(column, value)
    case 'text':
    case 'longText':
      return neutralizeFormula(value)
    default:
      // codes, days, amounts and integers are validated on the way in: none begins like a formula
      return value
  }
}

/** The cells of one row in the template's column order; a field the mapping lacks is a programming error. */
export function exportCells(spec: ImportKindSpec, values: ExportValues): string[] {
  return spec.columns.map((column) => {
    const value = values[column.field]
    if (value === undefined) throw new Error(`the ${spec.id} export has no value for the column ${column.field}`)
    return exportCell(column, value)
  })
}

/** The start of a kind's file: the BOM and the template's header row. */
export function csvHead(spec: ImportKindSpec): string {
  return BOM + stringify([spec.columns.map(templateHeader)], CSV)
}

/** Rows of a kind's file, each ended by CRLF. */
export function csvBody(spec: ImportKindSpec, rows: readonly ExportValues[]): string {
  return rows.length === 0 ? '' : stringify(rows.map((values) => exportCells(spec, values)), CSV)
}
