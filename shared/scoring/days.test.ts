import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths as seedAddMonths, dayOf, isoOf } from '../../scripts/seed/days'
import { addDays, addMonths, assertIsoDay, daysBetween, isIsoDay, maxDay, minDay } from './days'

describe('scoring days', () => {
  it('recognises real YYYY-MM-DD days only', () => {
    for (const ok of ['2024-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) expect(isIsoDay(ok), ok).toBe(true)
    for (const bad of ['2023-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-01', '20260401', '2026-04-01T00:00', ' 2026-04-01', '2026/04/01', '', null, 20260401, undefined]) {
      expect(isIsoDay(bad), String(bad)).toBe(false)
    }
    expect(() => assertIsoDay('2026-02-30', 'asOf')).toThrow(/asOf/)
  })

  it('adds months clamping the day of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2025-11-15', 36)).toBe('2028-11-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })

  it('adds months exactly as the seed does when it writes publishUntil', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2000-01-01'), max: dayOf('2040-12-31') }), fc.constantFrom(6, 12, 24, 36), (day, months) => {
        expect(addMonths(isoOf(day), months)).toBe(isoOf(seedAddMonths(day, months)))
      }),
    )
  })

  it('adds days across month, year and leap-day boundaries, also for years below 100', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28')
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
    fc.assert(
      fc.property(fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2050-12-31') }), fc.integer({ min: -2000, max: 2000 }), (day, n) => {
        expect(addDays(isoOf(day), n)).toBe(isoOf(day + n))
        expect(daysBetween(isoOf(day), addDays(isoOf(day), n))).toBe(n)
      }),
    )
    expect([maxDay('2026-01-02', '2025-12-31'), minDay('2026-01-02', '2025-12-31')]).toEqual(['2026-01-02', '2025-12-31'])
  })
})
