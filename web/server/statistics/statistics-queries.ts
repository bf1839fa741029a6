// The period of the statistics tables (/statistics, /api/v1/statistics/permits and its export):
// a calendar year, or one month of it.
//
// Periods are calendar dates in China time. A period that contains today ends today, and it is
// compared with the same dates one year earlier (1 Jan–24 Nov 2026 against 1 Jan–24 Nov 2025),
// as the regulator's monthly summaries do: comparing a year to date with a whole year would show
// a fall that is not there.
import { z } from 'zod'
import { chinaDateOf, daysInMonth } from '@shared/dates/calendar-date'
import { yearParamSchema } from '@web/server/lib/query-params'
import type { StatisticsPeriod } from './statistics-schemas'

const MONTH = /^(0?[1-9]|1[0-2])$/

export const monthParamSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string({ error: '月份应为 1–12 的整数' })
    .trim()
    .regex(MONTH, '月份应为 1–12 的整数')
    .transform(Number)
    .optional(),
)

export const statisticsQuerySchema = z.object({
  /** calendar year; default: the current year in China time */
  year: yearParamSchema,
  /** 1–12; absent: the whole year */
  month: monthParamSchema,
})

export type StatisticsQuery = z.output<typeof statisticsQuerySchema>

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function sameDateLastYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return iso(y - 1, m, Math.min(d, daysInMonth(y - 1, m)))
}

/** A Chinese label for the dates from–to (inclusive). */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number)
  const [ty, tm, td] = to.split('-').map(Number)
  if (from === to) return `${fy}年${fm}月${fd}日`
  const wholeMonths = fd === 1 && td === daysInMonth(ty, tm)
  if (fy === ty && wholeMonths) {
    if (fm === 1 && tm === 12) return `${fy}年`
    if (fm === tm) return `${fy}年${fm}月`
    return `${fy}年${fm}—${tm}月`
  }
  if (fy === ty && fm === tm) return `${fy}年${fm}月${fd}日至${td}日`
  if (fy === ty) return `${fy}年${fm}月${fd}日至${tm}月${td}日`
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`
}

/** The period a query names, as of `asOf` (which decides the default year and where "today" cuts). */
export function resolveStatisticsPeriod(query: StatisticsQuery, asOf: Date): StatisticsPeriod {
  const today = chinaDateOf(asOf)
  const year = query.year ?? Number(today.slice(0, 4))
  const month = query.month ?? null
  const from = month === null ? iso(year, 1, 1) : iso(year, month, 1)
  const last = month === null ? iso(year, 12, 31) : iso(year, month, daysInMonth(year, month))
  const partial = from <= today && today < last
  const to = partial ? today : last
  const previousFrom = sameDateLastYear(from)
  // a whole month or year is compared with the whole one before (all of a leap February)
  const previousTo = partial
    ? sameDateLastYear(to)
    : month === null
      ? iso(year - 1, 12, 31)
      : iso(year - 1, month, daysInMonth(year - 1, month))
  return {
    year,
    month,
    from,
    to,
    previousFrom,
    previousTo,
    partial,
    label: periodLabel(from, to),
    previousLabel: periodLabel(previousFrom, previousTo),
  }
}
