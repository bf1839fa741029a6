// Dates as people type them in spreadsheets, read into 'YYYY-MM-DD' only when the day is certain.
//
// The forms accept 'YYYY-MM-DD' and 'YYYYMMDD' (toIsoDate in shared/dates/calendar-date.ts). A
// spreadsheet adds the separators Chinese Excel and WPS display (2024/3/5, 2024.3.5, 2024年3月5日,
// unpadded months and days) and Excel's serial numbers; each is taken apart here and the final
// check that the day exists is toIsoDate's. Orders that put the year last (3/5/2024) are refused:
// they are 3 May in one locale and 5 March in another, and nothing in the cell says which.

import { toIsoDate } from '../dates/calendar-date'
import { toHalfWidth } from '../validators/normalize'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * An Excel serial number → 'YYYY-MM-DD'; null when it names no day.
 *
 * 1900 date system (the default): serial 1 is 1900-01-01. Excel, copying Lotus 1-2-3, counts a
 * 29 February 1900 that never was as serial 60, so serials 1-59 are 1899-12-31 + n, serial 60 is
 * refused (null), and from 61 (1900-03-01) on a serial is 1899-12-30 + n. 1904 date system (old
 * Mac workbooks): serial 0 is 1904-01-01. A fraction is the time of day, in the wall-clock time of
 * whoever typed it, so the day is the integer part.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null
  const n = Math.floor(serial)
  let utc: number
  if (date1904) utc = Date.UTC(1904, 0, 1) + n * DAY_MS
  else if (n < 1 || n === 60) return null
  else utc = (n < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + n * DAY_MS
  const iso = new Date(utc).toISOString()
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : null
}

/**
 * Bare numbers read as serials: 10000-99999, the days 1927-05-18 to 2173-10-14. A smaller number in
 * a date column is far likelier a year (2024) or a count than a day of the 1900s, so it is refused.
 */
export const SERIAL_DATE_MIN = 10_000
export const SERIAL_DATE_MAX = 99_999

export type DateReading = { iso: string } | { problem: string }

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`)
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/
const COMPACT = /^\d{8}$/
const SERIAL = /^\d{5}(?:\.\d+)?$/
const YEAR_LAST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/
const SHORT_YEAR = /^\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$/

const pad = (s: string) => s.padStart(2, '0')

function fromParts(text: string, year: string, month: string, day: string): DateReading {
  const iso = toIsoDate(`${year}-${pad(month)}-${pad(day)}`)
  return iso ? { iso } : { problem: `「${text}」不是存在的日期` }
}

/** A serial in a date column (a number cell, or its digits in a CSV): see SERIAL_DATE_MIN. */
export function readSerialDate(serial: number, date1904 = false): DateReading {
  if (serial < SERIAL_DATE_MIN || serial >= SERIAL_DATE_MAX + 1) {
    return { problem: `「${serial}」不是日期，请填写年月日，如 2024-03-05` }
  }
  const iso = excelSerialToIsoDate(serial, date1904)
  return iso ? { iso } : { problem: `「${serial}」不是日期，请填写年月日，如 2024-03-05` }
}

/** Text in a date column → 'YYYY-MM-DD', or the reason it is not read. */
export function readDateText(input: string): DateReading {
  const text = toHalfWidth(input).trim()
  let m = YEAR_FIRST.exec(text)
  if (m) return fromParts(text, m[1], m[3], m[4])
  m = CHINESE.exec(text)
  if (m) return fromParts(text, m[1], m[2], m[3])
  if (COMPACT.test(text)) return fromParts(text, text.slice(0, 4), text.slice(4, 6), text.slice(6, 8))
  if (SERIAL.test(text)) return readSerialDate(Number(text))
  if (YEAR_LAST.test(text)) return { problem: `「${text}」无法确定月和日的先后，请按“年-月-日”填写，如 2024-03-05` }
  if (SHORT_YEAR.test(text)) return { problem: `「${text}」的年份应为4位，如 2024-03-05` }
  return { problem: `「${text}」不是可识别的日期，请按“年-月-日”填写，如 2024-03-05` }
}

/**
 * A date cell of an xlsx file. exceljs builds it from the serial as if the serial counted UTC days
 * (ignoring the 1900-02-29 above, so days before 1900-03-01 come out one day early): the calendar
 * day is the UTC one. Reading it in China time, as toIsoDate(Date) does, would move every cell
 * holding a time after 16:00 to the next day.
 */
export function readDateValue(value: Date): DateReading {
  const t = value.getTime()
  if (Number.isNaN(t)) return { problem: '日期无效' }
  if (t < Date.UTC(1900, 2, 1)) return { problem: '1900年3月1日以前的日期无法准确读取，请以文本填写，如 1899-12-31' }
  return { iso: new Date(t).toISOString().slice(0, 10) }
}
