// What the project and stage import handlers share: each row parsed with its kind's form and extra
// schemas, then judged in file order by the use cases' bodies (judgeRow), a row that did not parse
// reported with its problems and never reaching a body.
import type { KeyRing } from '@shared/certificates/key-file'
import type { ImportKindSpec } from '@shared/import/column-spec'
import type { ImportRow, RowOutcome, RowResult } from '@web/server/import/import-handler'
import { judgeRow, parseRow, type ParsedRow } from '@web/server/import/judge-row'
import { isoDate } from '@web/server/lib/values'

export interface ParsedImportRow<F, E> {
  row: ImportRow
  parsed: ParsedRow<F, E>
}

export function parseRows<F, E = null>(spec: ImportKindSpec, rows: readonly ImportRow[]): ParsedImportRow<F, E>[] {
  return rows.map((row) => ({ row, parsed: parseRow<F, E>(spec, row) }))
}

/** The rows that parsed, for a batch's look-ups. */
export function parsedValues<F, E>(rows: readonly ParsedImportRow<F, E>[]): { form: F; extra: E }[] {
  return rows.flatMap(({ parsed }) => (parsed.ok ? [{ form: parsed.form, extra: parsed.extra }] : []))
}

export async function judgeRows<F, E>(
  spec: ImportKindSpec,
  rows: readonly ParsedImportRow<F, E>[],
  decide: (form: F, extra: E) => Promise<RowOutcome>,
): Promise<RowResult[]> {
  const results: RowResult[] = []
  for (const { row, parsed } of rows) {
    if (!parsed.ok) results.push({ row: row.rowNumber, problems: parsed.problems })
    else results.push(await judgeRow(spec, row, () => decide(parsed.form, parsed.extra)))
  }
  return results
}

/** A stored amount as the forms' two-decimal text, so that 8800 and 8800.00 compare equal. */
export function money(value: { toFixed(digits: number): string } | number): string {
  return value.toFixed(2)
}

/** A stored calendar day as 'YYYY-MM-DD'. */
export const day = (value: Date): string => isoDate(value)

/** The fields of `wanted` whose value differs from `stored` (both plain, compared with ===). */
export function differingFields<T extends Record<string, string | number | null>>(stored: T, wanted: T): (keyof T & string)[] {
  return (Object.keys(wanted) as (keyof T & string)[]).filter((k) => stored[k] !== wanted[k])
}

/** The reason a correction made by an import gives (the superseded certificate's status reason). */
export function importCorrectionReason(fileName: string): string {
  // the forms allow 200 characters of reason; a long file name is cut, the words around it stay
  const name = fileName.length > 150 ? `${fileName.slice(0, 149)}…` : fileName
  return `批量导入更正（文件：${name}）`
}

/** The key ring, or how to read it when a batch first needs it (the import engine's setting is the latter). */
export type KeyRingSource = KeyRing | (() => KeyRing)

export function keyRingOf(source: KeyRingSource): KeyRing {
  return typeof source === 'function' ? source() : source
}
