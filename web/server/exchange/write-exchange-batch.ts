// A batch write of the exchange API (POST /api/exchange/v1/<kind>): every item goes through the
// kind's import handler — the staff forms' own code, with their checks, region scoping and audit
// entries — in ONE transaction with the Idempotency-Key's stored answer. Accepted items are
// committed; a refused item writes nothing (the handler's guarantee) and is answered with its
// errors by field. The same key and body get the stored answer without a second write; the same
// key with another body is refused (409).
import { createHash } from 'node:crypto'
import type { Db } from '@db/client'
import { matchHeader } from '@shared/import/header'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import type { ImportKindId } from '@shared/import/import-kind-ids'
import { normalizeRow, type ImportRow, type RowProblem } from '@shared/import/import-row'
import { WHOLE_ROW } from '@shared/import/schema-input'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { appendAuditEntries, auditedTransaction, type AuditEntryInput } from '@web/server/audit/audit-log-repository'
import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'
import { recomputeSubjectGrades } from '@web/server/credit/recompute-grades'
import type { ImportBatch, ImportHandler } from '@web/server/import/import-handler'
import { ConflictError, ForbiddenError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { EXCHANGE_BATCH_MAX_ITEMS, EXCHANGE_BATCH_SCOPES, type ExchangeBatchKind } from './exchange-kinds'
import { exchangeItemSchema } from './exchange-schemas'
import { createIdempotencyRepository } from './idempotency-repository'

export interface ItemError {
  /** the item's field (the import column's field name), or (item) for the item as a whole */
  field: string
  message: string
}

/** An accepted item names the entity it wrote or found by its database id; a refused one its errors. */
export type ItemAnswer = { index: number; status: 'created' | 'changed' | 'unchanged'; id: string } | { index: number; status: 'refused'; errors: ItemError[] }

export interface ExchangeBatchAnswer {
  items: ItemAnswer[]
  counts: { created: number; changed: number; unchanged: number; refused: number }
}

export interface ExchangeBatchRequest {
  kind: ExchangeBatchKind
  idempotencyKey: string
  /** the request body as received (JSON text): its SHA-256 tells a replay from another request under the key */
  body: string
}

export interface ExchangeBatchResult {
  status: number
  answer: ExchangeBatchAnswer
  /** true when the answer is the one stored under the key (nothing was written) */
  replayed: boolean
}

const WHOLE_ITEM = '(item)'
const itemSchemas: Partial<Record<ImportKindId, ReturnType<typeof exchangeItemSchema>>> = {}
const OUTCOME_STATUS = { create: 'created', change: 'changed', unchanged: 'unchanged' } as const
const TRANSACTION_TIMEOUT_MS = 5 * 60 * 1000

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The body's items, or InputError naming what is wrong with the body as a whole. */
function itemsOf(body: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new InputError({ body: '请求体不是有效的 JSON' })
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.items)) throw new InputError({ items: '请求体应为 {"items": [...]}' })
  const extra = Object.keys(parsed).filter((k) => k !== 'items')
  if (extra.length > 0) throw new InputError({ [extra[0]]: `未知字段：${extra[0]}` })
  if (parsed.items.length === 0) throw new InputError({ items: '请至少提交一项' })
  if (parsed.items.length > EXCHANGE_BATCH_MAX_ITEMS) throw new InputError({ items: `一次最多提交 ${EXCHANGE_BATCH_MAX_ITEMS} 项` })
  return parsed.items
}

/**
 * One item as an import row of the kind (numbered index + 1), read with the import's own cell
 * normalisation; or the item's errors when it is not an object of the kind's fields with text or
 * number values.
 */
function rowOf(kind: ImportKindId, item: unknown, index: number): { row: ImportRow } | { errors: ItemError[] } {
  const spec = IMPORT_KINDS[kind]
  if (!isPlainObject(item)) return { errors: [{ field: WHOLE_ITEM, message: '每一项应为对象' }] }
  // the documented item schema, every field optional here: a missing required one is reported by
  // the import's reader below, with the template's own message
  const checked = (itemSchemas[kind] ??= exchangeItemSchema(kind).partial()).safeParse(item)
  if (!checked.success) {
    const errors: ItemError[] = []
    for (const issue of checked.error.issues) {
      if (issue.code === 'unrecognized_keys') errors.push(...issue.keys.map((field) => ({ field, message: `未知字段：${field}` })))
      else errors.push({ field: String(issue.path[0] ?? WHOLE_ITEM), message: '应为文本或数字' })
    }
    return { errors }
  }
  const header = matchHeader(spec, spec.columns.map((c) => c.header))
  const cells = spec.columns.map((c) => {
    const value = item[c.field]
    return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null
  })
  return { row: normalizeRow(spec, header, cells, index + 1) }
}

/** A row problem (by the column's Chinese header) as an item error (by field). */
function errorOf(kind: ImportKindId, problem: RowProblem): ItemError {
  const column = IMPORT_KINDS[kind].columns.find((c) => c.header === problem.column)
  return { field: column && problem.column !== WHOLE_ROW ? column.field : WHOLE_ITEM, message: problem.reason }
}

export async function writeExchangeBatch(
  db: Db,
  caller: ApiCaller,
  request: ExchangeBatchRequest,
  handlers: Partial<Record<ImportKindId, ImportHandler>>,
  now = new Date(),
): Promise<ExchangeBatchResult> {
  const { actor } = caller
  if (!caller.scopes.includes(EXCHANGE_BATCH_SCOPES[request.kind])) throw new ForbiddenError('令牌没有写入此类数据的权限范围')
  const handler = handlers[request.kind]
  if (!handler) throw new ForbiddenError('暂不支持写入此类数据')
  authorize(actor, handler.permission)
  const items = itemsOf(request.body)
  const requestSha256 = createHash('sha256').update(`${request.kind}\n${request.body}`, 'utf8').digest('hex')
  const spec = IMPORT_KINDS[request.kind]

  for (let attempt = 1; ; attempt++) {
    try {
      const result = await auditedTransaction(
        db,
        async (tx) => {
          const idempotency = createIdempotencyRepository(tx)
          const stored = await idempotency.find(caller.tokenId, request.idempotencyKey)
          if (stored) {
            if (stored.requestSha256 !== requestSha256) throw new ConflictError('该 Idempotency-Key 已用于另一个请求，请为新的请求使用新的键')
            return { status: stored.status, answer: JSON.parse(stored.responseJson) as ExchangeBatchAnswer, replayed: true, changedSubjects: [] as SubjectRef[] }
          }

          const answers: (ItemAnswer | undefined)[] = new Array(items.length)
          const valid: ImportRow[] = []
          const firstOfKey = new Map<string, number>()
          items.forEach((item, index) => {
            const read = rowOf(request.kind, item, index)
            if ('errors' in read) return void (answers[index] = { index, status: 'refused', errors: read.errors })
            if (read.row.problems.length > 0) return void (answers[index] = { index, status: 'refused', errors: read.row.problems.map((p) => errorOf(request.kind, p)) })
            // two items for one entity would be written one over the other: the second is refused, as in a file
            const key = spec.naturalKey.map((f) => read.row.values[f] ?? '').join('\u0000')
            const first = firstOfKey.get(key)
            if (first !== undefined) {
              return void (answers[index] = { index, status: 'refused', errors: [{ field: spec.naturalKey[0], message: `与第 ${first} 项（从 0 起）重复：同一对象在一次请求中只能出现一次` }] })
            }
            firstOfKey.set(key, index)
            valid.push(read.row)
          })

          const batch: ImportBatch = {
            tx,
            actor,
            now,
            audit: [],
            changedSubjects: [],
            source: { jobId: `exchange:${caller.tokenId}:${request.idempotencyKey}`, fileName: `数据交换接口 ${actor.username}` },
          }
          const results = valid.length > 0 ? await handler.writeBatch(batch, valid) : []
          for (const r of results) {
            const index = r.row - 1
            answers[index] = 'outcome' in r ? { index, status: OUTCOME_STATUS[r.outcome], id: r.id } : { index, status: 'refused', errors: r.problems.map((p) => errorOf(request.kind, p)) }
          }
          const itemAnswers = answers.map((a, index): ItemAnswer => a ?? { index, status: 'refused', errors: [{ field: WHOLE_ITEM, message: '未处理' }] })
          const counts = { created: 0, changed: 0, unchanged: 0, refused: 0 }
          for (const a of itemAnswers) counts[a.status]++
          const answer: ExchangeBatchAnswer = { items: itemAnswers, counts }

          const summary: AuditEntryInput = {
            userId: actor.userId,
            clientIp: actor.clientIp,
            action: 'exchange.write',
            entity: 'ApiToken',
            entityId: caller.tokenId,
            changes: { kind: request.kind, idempotencyKey: request.idempotencyKey, requestSha256, items: items.length, ...counts },
            at: now,
          }
          await appendAuditEntries(tx, [...batch.audit, summary])
          await idempotency.store({ tokenId: caller.tokenId, key: request.idempotencyKey, requestSha256, status: 200, responseJson: JSON.stringify(answer), createdAt: now })
          return { status: 200, answer, replayed: false, changedSubjects: batch.changedSubjects }
        },
        { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
      )
      // grades after the commit, as the record forms and the import do
      await recomputeSubjectGrades(db, result.changedSubjects, now)
      return { status: result.status, answer: result.answer, replayed: result.replayed }
    } catch (error) {
      // another writer appended to the audit log, or stored an answer under the same key, meanwhile:
      // nothing was written; run again (a stored answer is then found and replayed or refused)
      if (isUniqueViolation(error) && attempt < 8) continue
      throw error
    }
  }
}
