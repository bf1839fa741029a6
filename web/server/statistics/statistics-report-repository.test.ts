import { describe, expect, it } from 'vitest'
import { chinaDateRange, competitionRanks, yearOverYear } from './statistics-report-repository'

describe('competitionRanks', () => {
  it('ranks the largest first and lets ties share a rank', () => {
    expect(competitionRanks([5, 9, 5, 0])).toEqual([2, 1, 2, 4])
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1])
    expect(competitionRanks([])).toEqual([])
    expect(competitionRanks([3, 2, 1])).toEqual([1, 2, 3])
  })
})

describe('yearOverYear', () => {
  it('gives the change and the percentage to one decimal', () => {
    expect(yearOverYear(12, 10)).toEqual({ change: 2, changePercent: 20 })
    expect(yearOverYear(2, 3)).toEqual({ change: -1, changePercent: -33.3 })
    expect(yearOverYear(1, 3)).toEqual({ change: -2, changePercent: -66.7 })
    expect(yearOverYear(7, 7)).toEqual({ change: 0, changePercent: 0 })
  })
  it('has no percentage when last year had none', () => {
    expect(yearOverYear(4, 0)).toEqual({ change: 4, changePercent: null })
    expect(yearOverYear(0, 0)).toEqual({ change: 0, changePercent: null })
  })
})

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
