// Helpers of the subject import db tests: rows as a user types them, read by the file reader's own
// normalisation, and a pass of a handler over them as the import runner makes one (one
// transaction, batches, each batch's audit entries appended after it).
import type { Db } from '@db/client'
import type { ImportKindSpec } from '@shared/import/column-spec'
import { matchHeader } from '@shared/import/header'
import { normalizeRow } from '@shared/import/import-row'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntries, type AuditEntryInput } from '@web/server/audit/audit-log-repository'
import type { ImportBatch, ImportHandler, ImportRow, RowResult } from '@web/server/import/import-handler'

/** The job the test passes stand for. */
export const TEST_SOURCE: ImportBatch['source'] = { jobId: 'import-test-job', fileName: '测试导入.csv' }

/** Rows of the kind from cells in the template's column order, numbered from 2 as Excel shows them. */
export function typedRows(spec: ImportKindSpec, cells: readonly (readonly string[])[]): ImportRow[] {
  const header = matchHeader(spec, spec.columns.map((c) => c.header))
  return cells.map((row, i) => {
    const read = normalizeRow(spec, header, row, i + 2)
    // the runner never hands a row with unreadable cells to a handler; a test must not either
    if (read.problems.length > 0) throw new Error(`row ${i + 2} cannot be read: ${JSON.stringify(read.problems)}`)
    return read
  })
}

export interface ImportPass {
  results: RowResult[]
  /** the per-entity audit entries the handler pushed, in order */
  audit: AuditEntryInput[]
}

/** One pass of the handler over the rows, committed. */
export async function importPass(db: Db, handler: ImportHandler, actor: Actor, rows: readonly ImportRow[], now: Date, batchSize = 500): Promise<ImportPass> {
  const pass: ImportPass = { results: [], audit: [] }
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch: ImportBatch = { tx, actor, now, audit: [], changedSubjects: [], source: TEST_SOURCE }
        pass.results.push(...(await handler.writeBatch(batch, rows.slice(i, i + batchSize))))
        await appendAuditEntries(tx, batch.audit)
        pass.audit.push(...batch.audit)
      }
    },
    { timeout: 60_000 },
  )
  return pass
}

/** Row number → outcome, or the refused row's problems. */
export function outcomes(results: readonly RowResult[]) {
  return Object.fromEntries(results.map((r) => [r.row, 'outcome' in r ? r.outcome : r.problems]))
}
