import { describe, expect, it } from 'vitest'
import { earliestRepairDay, repairMinimumMonths, requestEligibility, type EligibilityRecord } from './eligibility'

const bad6: EligibilityRecord = { kind: 'BAD', status: 'ACTIVE', publishFrom: '2026-03-11', publishUntil: '2026-09-11' }
const bad36: EligibilityRecord = { kind: 'BAD', status: 'ACTIVE', publishFrom: '2025-01-31', publishUntil: '2028-01-31' }
const good: EligibilityRecord = { kind: 'GOOD', status: 'ACTIVE', publishFrom: '2025-05-01', publishUntil: '2028-05-01' }

describe('which requests a record allows', () => {
  it('allows requests from the first public day through the last, never for a withdrawn record', () => {
    expect(requestEligibility(bad6, 'OBJECTION', '2026-03-10')).toMatchObject({ ok: false, reason: 'NOT_PUBLIC' })
    expect(requestEligibility(bad6, 'OBJECTION', '2026-03-11')).toEqual({ ok: true })
    expect(requestEligibility(bad6, 'OBJECTION', '2026-09-10')).toEqual({ ok: true })
    expect(requestEligibility(bad6, 'OBJECTION', '2026-09-11')).toMatchObject({ ok: false, reason: 'NOT_PUBLIC' })
    expect(requestEligibility({ ...bad6, status: 'WITHDRAWN' }, 'OBJECTION', '2026-05-01')).toMatchObject({ ok: false, reason: 'NOT_PUBLIC' })
  })

  it('allows an objection to any public record, good or bad, and nothing outside the period', () => {
    expect(requestEligibility(good, 'OBJECTION', '2026-01-01')).toEqual({ ok: true })
    expect(requestEligibility(bad6, 'OBJECTION', '2026-03-11')).toEqual({ ok: true })
    expect(requestEligibility(bad6, 'OBJECTION', '2026-09-11')).toMatchObject({ ok: false, reason: 'NOT_PUBLIC' })
    expect(requestEligibility({ ...bad6, status: 'WITHDRAWN' }, 'OBJECTION', '2026-05-01')).toMatchObject({ ok: false, reason: 'NOT_PUBLIC' })
  })

  it('allows repair only for bad records, after 3 months (periods up to 12 months) or 12 months (longer ones)', () => {
    expect(requestEligibility(good, 'REPAIR', '2027-01-01')).toMatchObject({ ok: false, reason: 'REPAIR_GOOD_RECORD' })
    expect(repairMinimumMonths(bad6)).toBe(3)
    expect(repairMinimumMonths({ publishFrom: '2026-01-01', publishUntil: '2027-01-01' })).toBe(3)
    expect(repairMinimumMonths({ publishFrom: '2026-01-01', publishUntil: '2027-01-02' })).toBe(12)
    expect(repairMinimumMonths(bad36)).toBe(12)
    expect(earliestRepairDay(bad6)).toBe('2026-06-11')
    expect(requestEligibility(bad6, 'REPAIR', '2026-06-10')).toMatchObject({ ok: false, reason: 'REPAIR_TOO_EARLY', earliestDay: '2026-06-11' })
    expect(requestEligibility(bad6, 'REPAIR', '2026-06-11')).toEqual({ ok: true })
    // months are calendar months with the day clamped, as the seed and the engine count them
    expect(earliestRepairDay(bad36)).toBe('2026-01-31')
    expect(requestEligibility(bad36, 'REPAIR', '2026-01-30')).toMatchObject({ ok: false, message: expect.stringContaining('2026-01-31') })
  })
})
