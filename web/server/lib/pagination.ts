// Offset pagination over a total order: every list sorts by its date column and then by id, so
// pages never skip or repeat a row while the data stands still.
import { z } from 'zod'

export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20

/** The `pageSize` parameter of every paged list, numbered or by keyset. */
export const pageSizeSchema = z.coerce
  .number({ error: 'pageSize 必须是 1–100 的整数' })
  .int('pageSize 必须是 1–100 的整数')
  .min(1, 'pageSize 必须是 1–100 的整数')
  .max(MAX_PAGE_SIZE, `pageSize 不能超过 ${MAX_PAGE_SIZE}`)
  .default(DEFAULT_PAGE_SIZE)

export const paginationSchema = z.object({
  page: z.coerce.number({ error: 'page 必须是正整数' }).int('page 必须是正整数').min(1, 'page 必须是正整数').max(100_000, 'page 过大').default(1),
  pageSize: pageSizeSchema,
})

export type Pagination = z.output<typeof paginationSchema>

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export function toPage<T>(items: T[], total: number, { page, pageSize }: Pagination): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

export function skipTake({ page, pageSize }: Pagination) {
  return { skip: (page - 1) * pageSize, take: pageSize }
}
