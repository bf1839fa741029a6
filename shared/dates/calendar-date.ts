// Calendar dates as 'YYYY-MM-DD' strings.
//
// Codes on permits, ID numbers and certificates carry bare calendar dates, not instants, so
// we compare them as strings (ISO dates sort lexically) and never go through local time:
// the same code must validate identically in Node on a UTC server, in a browser and in the
// WeChat runtime on a phone. When a JS Date has to become a calendar date we read it in
// China Standard Time (UTC+8, no daylight saving since 1991), the zone every authority
// of the portal works in.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when year/month/day name a day of the Gregorian calendar (year 1..9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

function fromParts(match: RegExpExecArray | null): string | null {
  if (!match) return null
  const [, y, m, d] = match
  return isRealDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null
}

/** 'YYYYMMDD' (as printed inside codes) → 'YYYY-MM-DD', or null if not a real date. */
export function compactToIsoDate(compact: string): string | null {
  return fromParts(COMPACT_DATE.exec(compact))
}

/** 'YYYY-MM-DD' → 'YYYYMMDD'; assumes a valid ISO date. */
export function isoToCompactDate(iso: string): string {
  return iso.replace(/-/g, '')
}

/** The calendar date of an instant in China Standard Time, as 'YYYY-MM-DD'. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * Normalizes 'YYYY-MM-DD', 'YYYYMMDD' or a Date to 'YYYY-MM-DD'; null when the input is not a
 * real calendar date (e.g. '2023-02-29') or an invalid Date.
 */
export function toIsoDate(input: string | Date): string | null {
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? null : chinaDateOf(input)
  }
  if (typeof input !== 'string') return null
  return fromParts(ISO_DATE.exec(input)) ?? fromParts(COMPACT_DATE.exec(input))
}
