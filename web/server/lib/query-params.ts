// Building blocks for list filters that come from the URL (pages and API share them), with
// messages in Chinese that name what is wrong.
import { z } from 'zod'
import { HAINAN_REGIONS } from '@shared/regions/hainan'
import { hasControlCharacter } from './database-text'
import { MAX_SEARCH_PIECES, searchPieces } from './text-search'

/** URL parameters left empty by a GET form mean "no filter". */
const emptyAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** Longest search term, in characters. */
export const MAX_SEARCH_TERM_LENGTH = 100

/**
 * A free-text search term; empty means no search. Bounded in length and in pieces (each piece
 * is one more LIKE over every searched column: text-search.ts), refused with a message rather than
 * cut, so that nobody reads results for a search they did not make.
 */
export const searchTermSchema = z.preprocess(
  emptyAsAbsent,
  z
    .string()
    .trim()
    .max(MAX_SEARCH_TERM_LENGTH, `搜索词不能超过 ${MAX_SEARCH_TERM_LENGTH} 个字符`)
    .refine((term) => searchPieces(term).length <= MAX_SEARCH_PIECES, '搜索词中 %、_、\\ 等特殊字符过多，请精简后再搜索')
    // PostgreSQL cannot bind a NUL: a refused parameter, not a database error (database-text.ts)
    .refine((term) => !hasControlCharacter(term), '搜索词不能包含控制字符')
    .optional(),
)

const REGION_CODES = HAINAN_REGIONS.map((r) => r.code) as [string, ...string[]]

export const regionFilterSchema = z.preprocess(
  (v) => (typeof v === 'string' ? emptyAsAbsent(v.trim()) : v),
  z.enum(REGION_CODES, { error: '未知的行政区划代码' }).optional(),
)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function isRealIsoDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
}

export const dateParamSchema = z.preprocess(
  emptyAsAbsent,
  z
    .string()
    .regex(ISO_DATE, '日期格式应为 YYYY-MM-DD')
    .refine(isRealIsoDate, { message: '日期不存在', abort: true })
    .optional(),
)

export const yearParamSchema = z.preprocess(
  emptyAsAbsent,
  z.coerce
    .number({ error: '年份应为 2000–2100 的整数' })
    .int('年份应为 2000–2100 的整数')
    .min(2000, '年份应为 2000–2100 的整数')
    .max(2100, '年份应为 2000–2100 的整数')
    .optional(),
)

/** An optional enum filter from the URL; '' means no filter. */
export function enumParamSchema<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.preprocess(emptyAsAbsent, z.enum(values, { error: `${label}取值应为 ${values.join(' / ')} 之一` }).optional())
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
