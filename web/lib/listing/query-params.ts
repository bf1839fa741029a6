// Building blocks for list filters that come from the URL (pages and API share them), with
// messages in Chinese that name what is wrong.
import { z } from 'zod'
import { isKnownRegionCode } from '@shared/regions/hainan'

/** A free-text search term; empty means no search. */
export const searchTermSchema = z
  .string()
  .trim()
  .max(100, '搜索词不能超过 100 个字符')
  .optional()
  .transform((v) => (v ? v : undefined))

export const regionFilterSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isKnownRegionCode(v), '未知的行政区划代码')

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export const dateParamSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), '日期格式应为 YYYY-MM-DD')

export const yearParamSchema = z.coerce
  .number({ error: '年份应为 2000–2100 的整数' })
  .int('年份应为 2000–2100 的整数')
  .min(2000, '年份应为 2000–2100 的整数')
  .max(2100, '年份应为 2000–2100 的整数')
  .optional()

/** An optional enum filter from the URL; '' means no filter. */
export function enumParamSchema<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (values as readonly string[]).includes(v), `${label}取值应为 ${values.join(' / ')} 之一`)
    .transform((v) => v as T[number] | undefined)
}

/** [from, to) as UTC instants for an inclusive date range or a calendar year. */
export function dateRange(opts: { from?: string; to?: string; year?: number }): { gte?: Date; lt?: Date } | undefined {
  const range: { gte?: Date; lt?: Date } = {}
  if (opts.year !== undefined) {
    range.gte = new Date(Date.UTC(opts.year, 0, 1))
    range.lt = new Date(Date.UTC(opts.year + 1, 0, 1))
  }
  if (opts.from) {
    const from = new Date(`${opts.from}T00:00:00Z`)
    if (!range.gte || from > range.gte) range.gte = from
  }
  if (opts.to) {
    const to = new Date(new Date(`${opts.to}T00:00:00Z`).getTime() + 86_400_000)
    if (!range.lt || to < range.lt) range.lt = to
  }
  return range.gte || range.lt ? range : undefined
}
