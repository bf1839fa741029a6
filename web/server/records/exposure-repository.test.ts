import { describe, expect, it } from 'vitest'
import { exposureBoardWhere, exposureBoundary, lastPublicDay } from './exposure-repository'

describe('the exposure board day', () => {
  it('is the China calendar day: its boundary is 00:00 Beijing time of the next day', () => {
    // 12:00 on 15 June, Beijing time
    expect(exposureBoundary(new Date('2026-06-15T04:00:00Z'))).toEqual(new Date('2026-06-15T16:00:00Z'))
    // 01:00 on 15 June Beijing time is still 14 June in UTC: the same board day
    expect(exposureBoundary(new Date('2026-06-14T17:00:00Z'))).toEqual(new Date('2026-06-15T16:00:00Z'))
    // 23:59 on 14 June Beijing time: the day before
    expect(exposureBoundary(new Date('2026-06-14T15:59:00Z'))).toEqual(new Date('2026-06-14T16:00:00Z'))
  })

  it('shows active records with publishFrom ≤ today < publishUntil', () => {
    expect(exposureBoardWhere(new Date('2026-06-15T04:00:00Z'))).toEqual({
      status: 'ACTIVE',
      publishFrom: { lt: new Date('2026-06-15T16:00:00Z') },
      publishUntil: { gte: new Date('2026-06-15T16:00:00Z') },
    })
  })

  it('prints the last public day as publishUntil − 1 day', () => {
    expect(lastPublicDay(new Date('2027-01-10T00:00:00Z'))).toBe('2027-01-09')
    expect(lastPublicDay(new Date('2024-03-01T00:00:00Z'))).toBe('2024-02-29')
  })
})
