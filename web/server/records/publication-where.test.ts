// The database form of the publication rule works by China calendar day: the day of an instant is
// its day in Beijing time, and a stored period [publishFrom, publishUntil) becomes a comparison
// with 00:00 Beijing time of the next day.
import { describe, expect, it } from 'vitest'
import { isRowPublicOn, lastPublicDay, publicationBoundary, publicAtWhere, publicOnWhere } from './publication-where'

describe('publicationBoundary', () => {
  it('is 00:00 Beijing time of the day after', () => {
    expect(publicationBoundary('2026-06-15')).toEqual(new Date('2026-06-15T16:00:00Z'))
    expect(publicationBoundary('2026-12-31')).toEqual(new Date('2026-12-31T16:00:00Z'))
  })
})

describe('publicAtWhere', () => {
  it('takes the China calendar day of the instant', () => {
    const on15 = publicOnWhere('2026-06-15')
    // 12:00 on 15 June, Beijing time
    expect(publicAtWhere(new Date('2026-06-15T04:00:00Z'))).toEqual(on15)
    // 01:00 on 15 June Beijing time is still 14 June in UTC: already the 15th
    expect(publicAtWhere(new Date('2026-06-14T17:00:00Z'))).toEqual(on15)
    // 00:00 sharp Beijing time
    expect(publicAtWhere(new Date('2026-06-14T16:00:00Z'))).toEqual(on15)
    // 23:59 on 14 June Beijing time: the day before
    expect(publicAtWhere(new Date('2026-06-14T15:59:59Z'))).toEqual(publicOnWhere('2026-06-14'))
  })

  it('selects active records with publishFrom ≤ day < publishUntil', () => {
    expect(publicOnWhere('2026-06-15')).toEqual({
      status: 'ACTIVE',
      publishFrom: { lt: new Date('2026-06-15T16:00:00Z') },
      publishUntil: { gte: new Date('2026-06-15T16:00:00Z') },
    })
  })
})

describe('stored rows', () => {
  const row = { status: 'ACTIVE' as const, publishFrom: new Date('2026-03-11T00:00:00Z'), publishUntil: new Date('2026-09-11T00:00:00Z') }

  it('prints the last public day as publishUntil − 1 day', () => {
    expect(lastPublicDay(new Date('2027-01-10T00:00:00Z'))).toBe('2027-01-09')
    expect(lastPublicDay(new Date('2024-03-01T00:00:00Z'))).toBe('2024-02-29')
  })

  it('are public from publishFrom through the last public day, never when withdrawn', () => {
    expect(['2026-03-10', '2026-03-11', '2026-09-10', '2026-09-11'].map((d) => isRowPublicOn(row, d))).toEqual([false, true, true, false])
    expect(isRowPublicOn({ ...row, status: 'WITHDRAWN' }, '2026-05-01')).toBe(false)
  })
})
