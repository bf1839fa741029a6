// GET /api/exchange/v1/ministry-export: the ministry export (web/server/ministry-export, the code of
// `npm run export:ministry`) for an exchange token: a city's or county's token gets its regions'
// rows, the province's everything. JSON Lines carry every table (or the one asked for), each line
// `{"table": …, "row": {…}}`, then one closing line `{"end": {…}}` with the next cursor and the
// counts, so a reader can tell a complete answer from a broken connection. CSV is one table per
// request, byte for byte the command's file of that table. The export sends full ID numbers (the
// ministry's tables key people by them), so each request is audited as the token's service account.
import type { Db } from '@db/client'
import { ministryTable, type MinistryTableName } from '@shared/ministry/tables'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { exportToMinistry, type MinistryExport } from '@web/server/ministry-export/export-to-ministry'
import { csvHeader, csvLines, jsonRow } from '@web/server/ministry-export/ministry-lines'
import { authorize } from '@web/server/staff/authorize'
import { requireScope } from './exchange-scope'
import { ministryExportQuerySchema, parseMinistrySince, type MinistryExportQuery } from './ministry-export-query'

export interface MinistryExportAnswer {
  format: MinistryExportQuery['format']
  /** the one table asked for, or null for all */
  table: MinistryTableName | null
  mode: MinistryExport['mode']
  afterSeq: number | null
  headSeq: number
  nextCursor: string
  /** the answer's text, a batch at a time (read once) */
  chunks: AsyncGenerator<string>
}

/** The query's problems by parameter (an unknown parameter named as itself). */
function parseQuery(query: Record<string, string>): MinistryExportQuery {
  const parsed = ministryExportQuerySchema.safeParse(query)
  if (parsed.success) return parsed.data
  // no prototype: a parameter named __proto__ must be reported like any other
  const fields: Record<string, string> = Object.create(null)
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] ??= `未知参数：${key}`
    else fields[String(issue.path[0] ?? 'query')] ??= issue.message
  }
  throw new InputError(fields)
}

async function* jsonlChunks(run: MinistryExport): AsyncGenerator<string> {
  const rows: Record<string, number> = {}
  for await (const batch of run.batches) {
    const table = ministryTable(batch.table)
    rows[batch.table] = (rows[batch.table] ?? 0) + batch.rows.length
    yield batch.rows.map((row) => `${JSON.stringify({ table: batch.table, row: jsonRow(table, row) })}\n`).join('')
  }
  yield `${JSON.stringify({ end: { mode: run.mode, afterSeq: run.afterSeq, headSeq: run.headSeq, nextCursor: run.nextCursor, rows, skipped: run.skipped } })}\n`
}

async function* csvChunks(run: MinistryExport, name: MinistryTableName): AsyncGenerator<string> {
  const table = ministryTable(name)
  yield csvHeader(table)
  for await (const batch of run.batches) if (batch.rows.length > 0) yield csvLines(table, batch.rows)
}

export async function exportMinistryForExchange(db: Db, caller: ApiCaller, query: Record<string, string>, now = new Date()): Promise<MinistryExportAnswer> {
  requireScope(caller, 'read')
  authorize(caller.actor, 'workspace.read')
  const q = parseQuery(query)
  if (q.since !== undefined && q.cursor !== undefined) throw new InputError({ cursor: '游标与起始时间只能给一个' })
  if (q.format === 'csv' && q.table === undefined) throw new InputError({ table: 'CSV 每次导出一张表：请用 table 参数指定表名' })
  const run = await exportToMinistry(db, {
    cursor: q.cursor,
    since: q.since === undefined ? undefined : parseMinistrySince(q.since)!,
    regions: caller.actor.regions,
    tables: q.table === undefined ? undefined : [q.table],
  })
  const { actor } = caller
  await withAuditRetry(db, (tx) =>
    appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'exchange.ministry-export',
      entity: 'ApiToken',
      entityId: caller.tokenId,
      changes: { mode: run.mode, afterSeq: run.afterSeq, headSeq: run.headSeq, format: q.format, table: q.table ?? null, regions: actor.regions },
      at: now,
    }),
  )
  return {
    format: q.format,
    table: q.table ?? null,
    mode: run.mode,
    afterSeq: run.afterSeq,
    headSeq: run.headSeq,
    nextCursor: run.nextCursor,
    chunks: q.format === 'csv' ? csvChunks(run, q.table!) : jsonlChunks(run),
  }
}
