// Calendar-day arithmetic on 'YYYY-MM-DD' strings, for publication periods and blacklist terms.
//
// The scoring engine compares days as strings (ISO dates sort lexically), so it never needs a
// clock or a time zone; only adding days or months needs numbers, and that goes through UTC
// midnights, where every day has exactly 24 hours. Month addition clamps the day of the month
// (Jan 31 + 1 month = Feb 28/29), the same rule prisma/seed/days.ts uses to write publishUntil,
// so a period computed here matches one the seed wrote.

import { daysInMonth, isRealDate } from '../dates/calendar-date'

const MS_PER_DAY = 86_400_000

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NaN
}

/**
 * True for a real calendar day written exactly 'YYYY-MM-DD'. Written with char codes instead of a
 * regular expression because the batch path checks every record's dates.
 */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
  const month = digit(s, 5) * 10 + digit(s, 6)
  const day = digit(s, 8) * 10 + digit(s, 9)
  return isRealDate(year, month, day)
}

/** Throws a RangeError naming `what` unless `s` is a real 'YYYY-MM-DD' day. */
export function assertIsoDay(s: unknown, what: string): asserts s is string {
  if (!isIsoDay(s)) throw new RangeError(`${what}: expected a real calendar day 'YYYY-MM-DD', got ${JSON.stringify(s)}`)
}

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))]
}

// Date.UTC reads years 0..99 as 1900..1999; setUTCFullYear does not.
function utcMs(y: number, m: number, d: number): number {
  const date = new Date(0)
  date.setUTCFullYear(y, m - 1, d)
  return date.getTime()
}

function fromUtcMs(ms: number): string {
  const date = new Date(ms)
  const y = date.getUTCFullYear()
  return `${String(y).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
}

/** `iso` plus `days` calendar days (negative to go back). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso)
  return fromUtcMs(utcMs(y, m, d) + days * MS_PER_DAY)
}

/** `iso` plus `months` calendar months, clamping the day of the month to the target month's length. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((utcMs(y2, m2, d2) - utcMs(y1, m1, d1)) / MS_PER_DAY)
}

export function maxDay(a: string, b: string): string {
  return a >= b ? a : b
}

export function minDay(a: string, b: string): string {
  return a <= b ? a : b
}
