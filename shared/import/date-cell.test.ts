import { describe, expect, it } from 'vitest'
import { excelSerialToIsoDate, readDateText, readDateValue, readSerialDate } from './date-cell'

const iso = (text: string) => {
  const r = readDateText(text)
  return 'iso' in r ? r.iso : null
}
const problem = (text: string) => {
  const r = readDateText(text)
  return 'problem' in r ? r.problem : null
}

describe('Excel serial dates', () => {
  // Microsoft documents serial 1 as 1900-01-01 and 2008-01-01 as 39448 ("DATEVALUE function");
  // 25569 is the Unix epoch and 45292 2024-01-01 in every Excel; 60 is the 1900-02-29 that never was.
  it('reads the 1900 system, around the fictitious 1900-02-29', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01')
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28')
    expect(excelSerialToIsoDate(60)).toBeNull()
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01')
    expect(excelSerialToIsoDate(25569)).toBe('1970-01-01')
    expect(excelSerialToIsoDate(39448)).toBe('2008-01-01')
    expect(excelSerialToIsoDate(45292)).toBe('2024-01-01')
    expect(excelSerialToIsoDate(45356)).toBe('2024-03-05')
    expect(excelSerialToIsoDate(0)).toBeNull()
    expect(excelSerialToIsoDate(-3)).toBeNull()
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull()
  })

  it('takes the day of a date with a time, whatever the time', () => {
    expect(excelSerialToIsoDate(45356.99999)).toBe('2024-03-05')
    expect(excelSerialToIsoDate(45356.5)).toBe('2024-03-05')
  })

  it('reads the 1904 system (serial 0 is 1904-01-01, 1462 days after the 1900 system)', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01')
    expect(excelSerialToIsoDate(45356 - 1462, true)).toBe('2024-03-05')
  })

  it('reads bare numbers as serials only from 10000 to 99999', () => {
    expect(readSerialDate(45356)).toEqual({ iso: '2024-03-05' })
    expect(readSerialDate(10_000)).toEqual({ iso: '1927-05-18' })
    expect(readSerialDate(2024)).toHaveProperty('problem')
    expect(readSerialDate(9_999)).toHaveProperty('problem')
    expect(readSerialDate(100_000)).toHaveProperty('problem')
  })
})

describe('dates typed as text', () => {
  it('reads the unambiguous forms into YYYY-MM-DD', () => {
    for (const text of ['2024-03-05', '2024-3-5', '2024/3/5', '2024/03/05', '2024.3.5', '20240305', '2024年3月5日', '2024 年 3 月 5 日', '2024年03月05']) {
      expect(iso(text), text).toBe('2024-03-05')
    }
  })

  it('reads full-width digits and surrounding spaces', () => {
    expect(iso(' ２０２４－０３－０５ ')).toBe('2024-03-05')
    expect(iso('２０２４年３月５日')).toBe('2024-03-05')
  })

  it('keeps the day of a date written with a time, as Excel writes date-times into CSV', () => {
    expect(iso('2024/3/5 0:00')).toBe('2024-03-05')
    expect(iso('2024-03-05 18:30:00')).toBe('2024-03-05')
  })

  it('reads a 5-digit number as a serial, as a date formatted as 常规 arrives in CSV', () => {
    expect(iso('45356')).toBe('2024-03-05')
    expect(iso('45356.25')).toBe('2024-03-05')
  })

  it('refuses the year-last orders, which are ambiguous, with a reason saying so', () => {
    expect(problem('3/5/2024')).toContain('无法确定月和日的先后')
    expect(problem('05-03-2024')).toContain('无法确定月和日的先后')
    expect(problem('12/31/2024')).toContain('无法确定月和日的先后')
  })

  it('refuses two-digit years, mixed separators and days that do not exist', () => {
    expect(problem('24/3/5')).toContain('年份应为4位')
    expect(problem('2024-3/5')).toContain('不是可识别的日期')
    expect(problem('2023-02-29')).toContain('不是存在的日期')
    expect(problem('2024年2月30日')).toContain('不是存在的日期')
    expect(problem('20241305')).toContain('不是存在的日期')
    expect(problem('2024年3月')).toContain('不是可识别的日期')
    expect(problem('明天')).toContain('不是可识别的日期')
    expect(problem('2024')).toContain('不是可识别的日期')
  })
})

describe('date cells of xlsx files', () => {
  it('reads the UTC day exceljs builds from the serial, even late in the day', () => {
    expect(readDateValue(new Date(Date.UTC(2024, 2, 5)))).toEqual({ iso: '2024-03-05' })
    // 23:30 on 5 March typed in Excel: read in China time it would become 6 March
    expect(readDateValue(new Date(Date.UTC(2024, 2, 5, 23, 30)))).toEqual({ iso: '2024-03-05' })
  })

  it('refuses days before 1900-03-01, which exceljs reads one day off, and invalid dates', () => {
    expect(readDateValue(new Date(Date.UTC(1900, 1, 28)))).toHaveProperty('problem')
    expect(readDateValue(new Date(Number.NaN))).toHaveProperty('problem')
  })
})
