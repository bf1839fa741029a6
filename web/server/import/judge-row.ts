// The two steps every kind's handler takes per row: parse it with the staff form's schema (and the
// kind's import-only columns), then decide and write it with the feature's use-case code — each
// refusal reported on the cell it is about, never thrown past the row.
import { z } from 'zod'
import type { ImportKindSpec } from '@shared/import/column-spec'
import type { ImportRow, RowProblem } from '@shared/import/import-row'
import { columnOfPath, schemaInput, schemaProblems, WHOLE_ROW } from '@shared/import/schema-input'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import type { RowDecision, RowResult } from './import-handler'

export type ParsedRow<F, E> = { ok: true; form: F; extra: E } | { ok: false; problems: RowProblem[] }

/** The row through the kind's form schema and extra schema; every issue of both, on its cell. */
export function parseRow<F = unknown, E = unknown>(spec: ImportKindSpec, row: ImportRow): ParsedRow<F, E> {
  const input = schemaInput(row)
  const form = spec.formSchema.safeParse(input)
  const extra = spec.extraSchema ? spec.extraSchema.safeParse(input) : ({ success: true, data: null } as const)
  if (form.success && extra.success) return { ok: true, form: form.data as F, extra: extra.data as E }
  const issues = [...(form.success ? [] : form.error.issues), ...(extra.success ? [] : extra.error.issues)]
  return { ok: false, problems: schemaProblems(spec, row, new z.ZodError(issues)) }
}

/** An application-layer refusal as problems of the row; anything else is not the row's fault and is rethrown. */
export function refusalProblems(spec: ImportKindSpec, row: ImportRow, error: unknown): RowProblem[] {
  if (error instanceof InputError) {
    return Object.entries(error.fields).map(([field, reason]) => {
      const column = columnOfPath(spec, field.split('.'))
      return { row: row.rowNumber, column: column?.header ?? WHOLE_ROW, value: column ? (row.raw[column.field] ?? '') : '', reason }
    })
  }
  if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof ForbiddenError) {
    return [{ row: row.rowNumber, column: WHOLE_ROW, value: '', reason: error.message }]
  }
  throw error
}

/** Runs one row's decision; a refusal becomes the row's problems and nothing of the row is written. */
export async function judgeRow(spec: ImportKindSpec, row: ImportRow, decide: () => Promise<RowDecision>): Promise<RowResult> {
  try {
    return { row: row.rowNumber, ...(await decide()) }
  } catch (error) {
    return { row: row.rowNumber, problems: refusalProblems(spec, row, error) }
  }
}

export interface ParsedImportRow<F, E> {
  row: ImportRow
  parsed: ParsedRow<F, E>
}

/** Every row of a batch through its kind's schemas. */
export function parseRows<F, E = null>(spec: ImportKindSpec, rows: readonly ImportRow[]): ParsedImportRow<F, E>[] {
  return rows.map((row) => ({ row, parsed: parseRow<F, E>(spec, row) }))
}

/** The rows that parsed, for a batch's look-ups. */
export function parsedValues<F, E>(rows: readonly ParsedImportRow<F, E>[]): { form: F; extra: E }[] {
  return rows.flatMap(({ parsed }) => (parsed.ok ? [{ form: parsed.form, extra: parsed.extra }] : []))
}

/** Judges the rows in file order; a row that did not parse is reported and never reaches `decide`. */
export async function judgeRows<F, E>(spec: ImportKindSpec, rows: readonly ParsedImportRow<F, E>[], decide: (form: F, extra: E) => Promise<RowDecision>): Promise<RowResult[]> {
  const results: RowResult[] = []
  for (const { row, parsed } of rows) {
    if (!parsed.ok) results.push({ row: row.rowNumber, problems: parsed.problems })
    else results.push(await judgeRow(spec, row, () => decide(parsed.form, parsed.extra)))
  }
  return results
}
