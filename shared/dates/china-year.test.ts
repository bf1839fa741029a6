import { describe, expect, it } from 'vitest'
import { chinaCalendarYear } from './china-year'

describe('chinaCalendarYear', () => {
  it('runs from midnight 1 January to midnight 1 January, Beijing time', () => {
    expect(chinaCalendarYear(new Date('2026-06-15T12:00:00Z'))).toEqual({
      year: 2026,
      start: new Date('2025-12-31T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
  })

  it('puts New Year morning in Beijing into the new year although UTC is still in the old one', () => {
    expect(chinaCalendarYear(new Date('2025-12-31T16:00:00Z')).year).toBe(2026)
    expect(chinaCalendarYear(new Date('2025-12-31T15:59:59.999Z')).year).toBe(2025)
  })
})
