// The wire shapes of the exchange API's batch writes: an item of each kind (the kind's import
// columns by field name, each a text or a number, read with the import's own cell normalisation),
// the request body, and the per-item answer. write-exchange-batch.ts checks items with these, and
// the exchange OpenAPI document (web/lib/openapi/exchange-document.ts) is generated from them.
import { z } from 'zod'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import type { ImportKindId } from '@shared/import/import-kind-ids'
import { EXCHANGE_BATCH_MAX_ITEMS } from './exchange-kinds'

const cell = z.union([z.string(), z.number()], { error: '应为文本或数字' })

/** One item of `kind`: its columns' fields, no others; a required column's field must be given. */
export function exchangeItemSchema(kind: ImportKindId) {
  const spec = IMPORT_KINDS[kind]
  const shape: Record<string, z.ZodType> = {}
  for (const c of spec.columns) {
    const codes = c.codeTable ? `；取值见代码表“${c.codeTable.name}”：${c.codeTable.entries.map((e) => `${e.value}（${e.label}）`).join('、')}` : ''
    const described = cell.nullable().describe(`${c.header}${c.required ? '（必填）' : ''}：${c.description}${codes}`).meta({ examples: [c.example] })
    shape[c.field] = c.required ? described : described.optional()
  }
  return z.strictObject(shape).describe(`一项${spec.label}，字段与批量导入模板“${spec.label}”的各列相同；值按导入的规则读取（全角字符、日期写法、千分位等）`)
}

export function exchangeBatchBodySchema(kind: ImportKindId) {
  return z.strictObject({ items: z.array(exchangeItemSchema(kind)).min(1).max(EXCHANGE_BATCH_MAX_ITEMS) })
}

export const itemErrorSchema = z.object({
  field: z.string().describe('the item field at fault, or (item) for the item as a whole'),
  message: z.string(),
})

export const itemAnswerSchema = z.discriminatedUnion('status', [
  z
    .object({ index: z.number().int().nonnegative(), status: z.enum(['created', 'changed', 'unchanged']), id: z.string().describe('the database id of the entity written or found') })
    .describe('accepted: written (created, changed) or already so (unchanged)'),
  z.object({ index: z.number().int().nonnegative(), status: z.literal('refused'), errors: z.array(itemErrorSchema).min(1) }).describe('refused: nothing of the item written'),
])

export const exchangeBatchAnswerSchema = z.object({
  items: z.array(itemAnswerSchema).describe('one answer per item, in the order of the request (index from 0)'),
  counts: z.object({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
})
