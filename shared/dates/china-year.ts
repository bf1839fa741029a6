// Calendar years as the authorities count them: in China Standard Time (UTC+8, no daylight
// saving), so a permit issued at 07:00 on 1 January Beijing time belongs to the new year even
// though it is still 31 December in UTC.
import { chinaDateOf } from '@shared/dates/calendar-date'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

export interface InstantRange {
  /** inclusive */
  start: Date
  /** exclusive */
  end: Date
}

/** The instants of the China calendar year that contains `asOf`. */
export function chinaCalendarYear(asOf: Date): InstantRange & { year: number } {
  const year = Number(chinaDateOf(asOf).slice(0, 4))
  return {
    year,
    start: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS),
  }
}
