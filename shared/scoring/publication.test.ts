import { describe, expect, it } from 'vitest'
import { addMonths as seedAddMonths, dayOf, isoOf } from '../../scripts/seed/days'
import { RECORD_CATEGORIES } from '../../scripts/seed/records'
import { publicationUntil } from './publication'
import { HN_2026_1 } from './standard-2026'

describe('publicationUntil', () => {
  it('is 36 months for good records (241号: 3 years)', () => {
    expect(publicationUntil(HN_2026_1, 'GOOD.AWARD.NATIONAL', '2025-05-20')).toBe('2028-05-20')
  })

  it('is the category’s months for bad records', () => {
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-08-31')).toBe('2026-02-28')
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.SERIOUS', '2025-05-20', null)).toBe('2026-05-20')
  })

  it('is never shorter than the penalty: public at least through the penalty’s last day', () => {
    // a 6-month category, a one-year suspension: public until the suspension is over
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-05-20', '2026-05-19')).toBe('2026-05-20')
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-05-20', '2027-01-31')).toBe('2027-02-01')
    // a penalty ending within the category's period changes nothing
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.GRAVE', '2025-05-20', '2026-05-19')).toBe('2028-05-20')
    // the penalty's last day is the last public day
    expect(publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-05-20', '2025-11-20')).toBe('2025-11-21')
  })

  it('agrees with the publishUntil the seed writes for each of its categories', () => {
    for (const [code, seed] of Object.entries(RECORD_CATEGORIES)) {
      for (const from of ['2024-01-31', '2024-02-29', '2025-07-15', '2026-12-31']) {
        expect(publicationUntil(HN_2026_1, code, from), `${code} ${from}`).toBe(isoOf(seedAddMonths(dayOf(from), seed.publishMonths)))
      }
    }
  })

  it('rejects an unknown category, a penalty on a good record and malformed days', () => {
    expect(() => publicationUntil(HN_2026_1, 'BAD.NO.SUCH', '2025-01-01')).toThrow(/unknown category/)
    expect(() => publicationUntil(HN_2026_1, 'GOOD.AWARD.NATIONAL', '2025-01-01', '2025-06-01')).toThrow(/good record/)
    expect(() => publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-02-30')).toThrow(RangeError)
    expect(() => publicationUntil(HN_2026_1, 'BAD.PENALTY.MINOR', '2025-02-01', '2025/06/01')).toThrow(RangeError)
  })
})
