import { describe, expect, it } from 'vitest'
import { competitionRanks, yearOverYear } from './year-over-year'

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
