// Calendar days as integers (days since 1970-01-01), the generator's unit of time.
//
// Every date column the seed writes is a calendar date stored at 00:00 UTC of that day (the
// convention of prisma/migrations.db.test.ts); read in China time (shared/dates) it is the
// same day. Integers keep the arithmetic exact and cheap; conversion happens at the edges.

const MS_PER_DAY = 86_400_000

export type Day = number

/** 'YYYY-MM-DD' → day number; throws on a malformed or unreal date. */
export function dayOf(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got "${iso}"`)
  const day = ymdToDay(Number(m[1]), Number(m[2]), Number(m[3]))
  if (isoOf(day) !== iso) throw new RangeError(`not a real date: "${iso}"`)
  return day
}

export function ymdToDay(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY)
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** 'YYYYMMDD' as printed inside codes. */
export function compactOf(day: Day): string {
  return isoOf(day).replace(/-/g, '')
}

/** The instant written to the database: 00:00 UTC of the day. */
export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY)
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCDay()
}

export function isWeekend(day: Day): boolean {
  const w = weekdayOf(day)
  return w === 0 || w === 6
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Adds calendar months, clamping the day of month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY)
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  return ymdToDay(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)))
}

export function addYears(day: Day, years: number): Day {
  return addMonths(day, 12 * years)
}

/** Moves a Saturday or Sunday to the following Monday (offices file on working days). */
export function nextWorkingDay(day: Day): Day {
  const w = weekdayOf(day)
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day
}
