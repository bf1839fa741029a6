import { describe, expect, it } from 'vitest'
import { periodLabel, resolveStatisticsPeriod, sameDateLastYear, statisticsQuerySchema } from './statistics-queries'

// 09:00 on 24 November 2026, Beijing time
const AS_OF = new Date('2026-11-24T01:00:00Z')

describe('statisticsQuerySchema', () => {
  it('reads year and month, empty meaning absent', () => {
    expect(statisticsQuerySchema.parse({ year: '2025', month: '03' })).toEqual({ year: 2025, month: 3 })
    expect(statisticsQuerySchema.parse({ year: '', month: '' })).toEqual({})
    expect(statisticsQuerySchema.parse({})).toEqual({})
  })

  it.each([
    [{ month: '13' }, 'month'],
    [{ month: '0' }, 'month'],
    [{ month: '1.5' }, 'month'],
    [{ year: '1999' }, 'year'],
    [{ year: 'x' }, 'year'],
  ])('rejects %j naming %s', (input, parameter) => {
    const result = statisticsQuerySchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([parameter])
  })
})

describe('resolveStatisticsPeriod', () => {
  it('defaults to the current year in China time, cut at today and compared with the same dates', () => {
    expect(resolveStatisticsPeriod({}, AS_OF)).toEqual({
      year: 2026,
      month: null,
      from: '2026-01-01',
      to: '2026-11-24',
      previousFrom: '2025-01-01',
      previousTo: '2025-11-24',
      partial: true,
      label: '2026年1月1日至11月24日',
      previousLabel: '2025年1月1日至11月24日',
    })
  })

  it('takes the China date: 23:00 UTC on 31 December is already the new year', () => {
    const p = resolveStatisticsPeriod({}, new Date('2026-12-31T17:00:00Z'))
    expect([p.year, p.from, p.to, p.label]).toEqual([2027, '2027-01-01', '2027-01-01', '2027年1月1日'])
  })

  it('gives a past year whole', () => {
    expect(resolveStatisticsPeriod({ year: 2025 }, AS_OF)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
      partial: false,
      label: '2025年',
      previousLabel: '2024年',
    })
  })

  it('gives a month, and the current month up to today', () => {
    expect(resolveStatisticsPeriod({ year: 2026, month: 3 }, AS_OF)).toMatchObject({ from: '2026-03-01', to: '2026-03-31', partial: false, label: '2026年3月', previousLabel: '2025年3月' })
    expect(resolveStatisticsPeriod({ month: 11 }, AS_OF)).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-24',
      previousTo: '2025-11-24',
      partial: true,
      label: '2026年11月1日至24日',
    })
  })

  it('compares a whole February with the whole February before, leap day included', () => {
    expect(resolveStatisticsPeriod({ year: 2025, month: 2 }, AS_OF)).toMatchObject({ to: '2025-02-28', previousFrom: '2024-02-01', previousTo: '2024-02-29' })
    expect(resolveStatisticsPeriod({ year: 2024, month: 2 }, AS_OF)).toMatchObject({ to: '2024-02-29', previousTo: '2023-02-28' })
  })

  it('leaves a future period whole (it simply has no records yet)', () => {
    expect(resolveStatisticsPeriod({ year: 2026, month: 12 }, AS_OF)).toMatchObject({ to: '2026-12-31', partial: false })
  })

  it('on the last day of a period, the period is whole', () => {
    expect(resolveStatisticsPeriod({ month: 11 }, new Date('2026-11-30T04:00:00Z'))).toMatchObject({ to: '2026-11-30', partial: false, label: '2026年11月' })
  })
})

describe('sameDateLastYear and periodLabel', () => {
  it('moves 29 February to 28 February', () => {
    expect(sameDateLastYear('2024-02-29')).toBe('2023-02-28')
    expect(sameDateLastYear('2026-11-24')).toBe('2025-11-24')
  })
  it('labels whole months and spans of days', () => {
    expect(periodLabel('2026-01-01', '2026-06-30')).toBe('2026年1—6月')
    expect(periodLabel('2026-03-01', '2026-03-15')).toBe('2026年3月1日至15日')
    expect(periodLabel('2025-12-01', '2026-01-31')).toBe('2025年12月1日至2026年1月31日')
  })
})
