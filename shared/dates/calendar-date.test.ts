import { describe, it, expect } from 'vitest'
import { chinaDateOf, compactToIsoDate, daysInMonth, isLeapYear, isRealDate, isoToCompactDate, toIsoDate } from './calendar-date'

describe('calendar dates', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true)
    expect(isLeapYear(2023)).toBe(false)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(2023, 4)).toBe(30)
    expect(daysInMonth(2023, 12)).toBe(31)
  })

  it('accepts real dates and rejects impossible ones', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true)
    expect(isRealDate(2023, 2, 29)).toBe(false)
    expect(isRealDate(1900, 2, 29)).toBe(false)
    expect(isRealDate(2023, 4, 31)).toBe(false)
    expect(isRealDate(2023, 13, 1)).toBe(false)
    expect(isRealDate(2023, 0, 1)).toBe(false)
    expect(isRealDate(2023, 1, 0)).toBe(false)
    expect(isRealDate(2023.5, 1, 1)).toBe(false)
  })

  it('converts between compact and ISO forms', () => {
    expect(compactToIsoDate('20240229')).toBe('2024-02-29')
    expect(compactToIsoDate('20230229')).toBeNull()
    expect(compactToIsoDate('2024229')).toBeNull()
    expect(compactToIsoDate('2024-02-29')).toBeNull()
    expect(isoToCompactDate('2024-02-29')).toBe('20240229')
    expect(toIsoDate('2024-03-15')).toBe('2024-03-15')
    expect(toIsoDate('20240315')).toBe('2024-03-15')
    expect(toIsoDate('2024-3-15')).toBeNull()
    expect(toIsoDate('2024-02-30')).toBeNull()
    expect(toIsoDate(new Date('invalid'))).toBeNull()
  })

  it('reads instants in China time, whatever the host time zone', () => {
    // 2024-03-15T16:30Z is already 00:30 on the 16th in Haikou
    expect(chinaDateOf(new Date('2024-03-15T16:30:00Z'))).toBe('2024-03-16')
    expect(chinaDateOf(new Date('2024-03-15T15:59:59Z'))).toBe('2024-03-15')
    expect(toIsoDate(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01')
  })
})
