import { describe, expect, it } from 'vitest'
import { chinaDateRange } from './china-date-range'

describe('chinaDateRange', () => {
  it('runs from 00:00 Beijing time of the first day to 00:00 Beijing time after the last', () => {
    expect(chinaDateRange('2026-01-01', '2026-12-31')).toEqual({
      gte: new Date('2025-12-31T16:00:00Z'),
      lt: new Date('2026-12-31T16:00:00Z'),
    })
  })
  it('holds every date of the period stored at 00:00 UTC and none outside', () => {
    const { gte, lt } = chinaDateRange('2026-03-01', '2026-03-31')
    const inRange = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`)
      return d >= gte && d < lt
    }
    expect(['2026-03-01', '2026-03-31'].map(inRange)).toEqual([true, true])
    expect(['2026-02-28', '2026-04-01'].map(inRange)).toEqual([false, false])
  })
})
