// The dry run's problems as a CSV to download: 行号, 列, 值, 原因, UTF-8 with a BOM (what Excel in
// China opens without asking). The 值 column echoes what users typed, so every text cell goes
// through the formula guard: a cell "=HYPERLINK(…)" in an uploaded file must not become a live
// formula in the report an officer opens.
import type { Writable } from 'node:stream'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import type { RowProblem } from '@shared/import/import-row'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'

export const PROBLEM_REPORT_HEADERS = ['行号', '列', '值', '原因'] as const

async function* records(problems: AsyncIterable<RowProblem> | Iterable<RowProblem>): AsyncGenerator<(string | number)[]> {
  yield [...PROBLEM_REPORT_HEADERS]
  for await (const p of problems) yield [p.row, neutralizeFormula(p.column), neutralizeFormula(p.value), neutralizeFormula(p.reason)]
}

/** Writes the report to `stream` (streaming: the problems are not collected first) and ends it. */
export async function writeProblemReport(problems: AsyncIterable<RowProblem> | Iterable<RowProblem>, stream: Writable): Promise<void> {
  await pipeline(Readable.from(records(problems)), stringify({ bom: true, record_delimiter: 'windows' }), stream)
}
