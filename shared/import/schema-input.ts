// From an ImportRow to the staff forms' schemas and back: the row as a form would send it, and the
// schemas' messages as problems of the row's cells.

import type { z } from 'zod'
import type { ColumnSpec, ImportKindSpec } from './column-spec'
import type { ImportRow, RowProblem } from './import-row'

/** What a problem about the row as a whole (no single field) names as its column. */
export const WHOLE_ROW = '整行'

/**
 * The row as a staff form sends it: every field a string, an empty cell as ''. The forms' schemas
 * read '' as "absent" for optional fields and as "请填写…" for required ones; null would not do
 * (several optional fields accept a string or nothing, not null). Both the form schema and the
 * extra schema parse this same object: zod objects ignore the keys they do not know.
 */
export function schemaInput(row: ImportRow): Record<string, string> {
  const input: Record<string, string> = {}
  for (const [field, value] of Object.entries(row.values)) input[field] = value ?? ''
  return input
}

/** The column a schema issue's path names (a form field filled from another column maps back to it). */
export function columnOfPath(spec: ImportKindSpec, path: readonly PropertyKey[]): ColumnSpec | undefined {
  const field = typeof path[0] === 'string' ? path[0] : undefined
  if (field === undefined) return undefined
  const target = spec.formFieldColumns?.[field] ?? field
  return spec.columns.find((c) => c.field === target)
}

/**
 * A schema's issues as problems of the row. A cell that already has a problem (it could not be
 * read, so the schema saw it empty) keeps only that one: "请填写" on top of "日期无法识别" would
 * mislead.
 */
export function schemaProblems(spec: ImportKindSpec, row: ImportRow, error: z.ZodError): RowProblem[] {
  const reported = new Set(row.problems.map((p) => p.column))
  const out: RowProblem[] = []
  for (const issue of error.issues) {
    const column = columnOfPath(spec, issue.path)
    const name = column?.header ?? WHOLE_ROW
    if (reported.has(name)) continue
    reported.add(name)
    out.push({ row: row.rowNumber, column: name, value: column ? (row.raw[column.field] ?? '') : '', reason: issue.message })
  }
  return out
}
