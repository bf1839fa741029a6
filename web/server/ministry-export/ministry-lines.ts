// The text of the export's rows, shared by the operator command's files (scripts/export/
// ministry-files.ts) and the exchange API's stream (GET /api/exchange/v1/ministry-export), so the
// two write the same bytes. JSON Lines: one object per row, keys in the table's field order, null
// for an empty field. CSV: UTF-8 with a BOM so that Excel reads the Chinese, the field names as the
// header, and text cells that Excel or WPS would run as formulas made plain text (the same guard
// as the portal's exports).
import { stringify } from 'csv-stringify/sync'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'
import { rowValues, type Cell, type MinistryRow, type MinistryTable } from '@shared/ministry/tables'

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

/** A row as the object of its JSON line: the table's fields in order, null for an empty one. */
export function jsonRow(table: MinistryTable, row: MinistryRow): Record<string, Cell> {
  return Object.fromEntries(table.fields.map((f) => [f.name, row[f.name] ?? null]))
}

export function jsonLines(table: MinistryTable, rows: readonly MinistryRow[]): string {
  return rows.map((row) => `${JSON.stringify(jsonRow(table, row))}\n`).join('')
}
