import { describe, expect, it } from 'vitest'
import { scoreMany } from './batch'
import { scoreSubject } from './engine'
import { HN_2026_1 } from './standard-2026'
import { firm, person, rec } from './testing'

const on = (records: ReturnType<typeof rec>[], asOf: string) => scoreSubject(firm('CONTRACTOR', records), HN_2026_1, asOf)
const AWARDS = () => [rec('GOOD.AWARD.NATIONAL', '2025-01-10', { id: 'n1' }), rec('GOOD.AWARD.NATIONAL', '2025-02-10', { id: 'n2' })]

describe('blacklist grounds (建市〔2017〕241号 第十四条)', () => {
  const single: [string, string, string][] = [
    ['qualification obtained with false materials', 'BAD.FRAUD.QUALIFICATION_OBTAINED', 'QUALIFICATION_FRAUD'],
    ['转包 or lending the qualification, penalised', 'BAD.CONTRACT.TRANSFER_OR_LEND', 'TRANSFER_OR_LEND'],
    ['a 重大 accident', 'BAD.ACCIDENT.MAJOR', 'SERIOUS_ACCIDENT'],
    ['an egregious 较大 accident', 'BAD.ACCIDENT.LARGER_EGREGIOUS', 'SERIOUS_ACCIDENT'],
    ['refusing to pay project money after a ruling', 'BAD.COURT.REFUSE_PAYMENT', 'REFUSE_PAYMENT'],
  ]

  it.each(single)('%s lists the subject for 12 months and grades it C whatever its points', (_, code, ground) => {
    const records = [...AWARDS(), rec(code, '2026-03-16', { id: 'g' })]
    const s = on(records, '2026-06-15')
    expect(s.score).toBeGreaterThanOrEqual(105) // the awards alone would make it AA or better
    expect(s.grade).toBe('C')
    expect(s.supervision.grade).toBe('C')
    expect(s.blacklist).toMatchObject({ listed: true, listedOn: '2026-03-16', removableOn: '2027-03-16' })
    expect(s.blacklist.grounds).toEqual([expect.objectContaining({ code: ground, recordIds: ['g'], since: '2026-03-16', until: '2027-03-16' })])
    expect(s.blacklist.bars).toContain('不得作为评优表彰、政策试点和项目扶持对象。')
    // the day before listing and the removal day
    expect(on(records, '2026-03-15').blacklist.listed).toBe(false)
    expect(on(records, '2027-03-15').blacklist.listed).toBe(true)
    const removed = on(records, '2027-03-16')
    expect(removed.blacklist).toEqual({ listed: false, grounds: [], listedOn: null, removableOn: null, bars: [] })
    // the record still counts as a bad record after removal (public 36 months)
    expect(removed.contributions.map((c) => c.recordId)).toContain('g')
    expect(s.nextChanges.find((c) => c.date === '2027-03-16')).toMatchObject({
      blacklisted: false,
      causes: [{ type: 'BLACKLIST_REMOVED' }],
    })
  })

  it('does not list for the neighbouring categories that are not grounds', () => {
    for (const code of ['BAD.FRAUD.FALSE_MATERIALS', 'BAD.CONTRACT.ILLEGAL_SUBCONTRACT', 'BAD.ACCIDENT.GENERAL', 'BAD.ACCIDENT.LARGER', 'BAD.WAGES.ARREARS', 'BAD.BIDDING.COLLUSION']) {
      expect(on([rec(code, '2026-03-16')], '2026-06-15').blacklist.listed, code).toBe(false)
    }
  })

  it('lists for two 较大 accidents decided within 12 months, from the second one', () => {
    const records = [
      rec('BAD.ACCIDENT.LARGER', '2025-04-01', { id: 'a1' }),
      rec('BAD.ACCIDENT.LARGER', '2026-03-01', { id: 'a2' }), // 11 months later
    ]
    expect(on(records, '2026-02-28').blacklist.listed).toBe(false)
    const s = on(records, '2026-03-01')
    expect(s.blacklist).toMatchObject({ listed: true, listedOn: '2026-03-01', removableOn: '2027-03-01' })
    expect(s.blacklist.grounds[0].recordIds).toEqual(['a1', 'a2'])
    expect(s.grade).toBe('C')
  })

  it('does not list for two 较大 accidents 13 months apart, nor exactly 12 months apart', () => {
    const apart = (second: string) => [
      rec('BAD.ACCIDENT.LARGER', '2025-01-10', { id: 'a1' }),
      rec('BAD.ACCIDENT.LARGER', second, { id: 'a2' }),
    ]
    for (const second of ['2026-02-10', '2026-01-10']) {
      const s = on(apart(second), '2026-03-01')
      expect(s.blacklist.listed, second).toBe(false)
      expect(s.score).toBe(76) // both still deduct
      expect(s.grade).toBe('C') // by points, not by listing
      expect(s.nextChanges.some((c) => c.blacklisted)).toBe(false)
    }
    // one day inside the year
    expect(on(apart('2026-01-09'), '2026-03-01').blacklist.listed).toBe(true)
  })

  it('judges "within a year" by decision days, not publication days', () => {
    const records = [
      rec('BAD.ACCIDENT.LARGER', '2025-01-20', { id: 'a1', decidedOn: '2025-01-10' }),
      rec('BAD.ACCIDENT.LARGER', '2026-01-15', { id: 'a2', decidedOn: '2026-01-12' }),
    ]
    expect(on(records, '2026-02-01').blacklist.listed).toBe(false)
  })

  it('extends the listing when a new ground arises while listed', () => {
    const records = [rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2025-05-01', { id: 'g1' }), rec('BAD.COURT.REFUSE_PAYMENT', '2026-02-01', { id: 'g2' })]
    const s = on(records, '2026-04-01')
    expect(s.blacklist).toMatchObject({ listed: true, listedOn: '2025-05-01', removableOn: '2027-02-01' })
    expect(s.blacklist.grounds.map((g) => g.code)).toEqual(['TRANSFER_OR_LEND', 'REFUSE_PAYMENT'])
    // after the first ground's year the second one alone keeps the listing
    expect(on(records, '2026-05-01').blacklist).toMatchObject({ listed: true, listedOn: '2025-05-01', removableOn: '2027-02-01' })
    expect(on(records, '2027-02-01').blacklist.listed).toBe(false)
  })

  it('starts a new listing after a gap', () => {
    const records = [rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2024-01-01', { id: 'g1' }), rec('BAD.COURT.REFUSE_PAYMENT', '2025-06-01', { id: 'g2' })]
    expect(on(records, '2025-03-01').blacklist.listed).toBe(false)
    expect(on(records, '2025-07-01').blacklist).toMatchObject({ listed: true, listedOn: '2025-06-01', removableOn: '2026-06-01' })
  })

  it('ends a listing early when its record’s publication ends (241号 第十三条) or the record is withdrawn', () => {
    const repaired = [rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2026-01-01', { id: 'g', until: '2026-07-01' })]
    expect(on(repaired, '2026-06-30').blacklist).toMatchObject({ listed: true, removableOn: '2026-07-01' })
    expect(on(repaired, '2026-07-01').blacklist.listed).toBe(false)
    const withdrawn = [rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2026-01-01', { id: 'g', status: 'WITHDRAWN' })]
    expect(on(withdrawn, '2026-03-01').blacklist.listed).toBe(false)
    // a pair needs both records still counting
    const pair = [
      rec('BAD.ACCIDENT.LARGER', '2025-09-01', { id: 'a1', until: '2026-04-01' }),
      rec('BAD.ACCIDENT.LARGER', '2026-02-01', { id: 'a2' }),
    ]
    expect(on(pair, '2026-03-31').blacklist).toMatchObject({ listed: true, removableOn: '2026-04-01' })
    expect(on(pair, '2026-04-01').blacklist.listed).toBe(false)
  })

  it('does not list a practitioner for enterprise-only grounds, but does for accidents', () => {
    const p = scoreSubject(person([rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2026-01-01', { id: 'g' })]), HN_2026_1, '2026-03-01')
    expect(p.blacklist.listed).toBe(false)
    expect(p.excluded[0]).toMatchObject({ recordId: 'g', reason: 'NOT_APPLICABLE' })
    const q = scoreSubject(person([rec('BAD.ACCIDENT.MAJOR', '2026-01-01')]), HN_2026_1, '2026-03-01')
    expect([q.blacklist.listed, q.grade]).toEqual([true, 'C'])
  })

  it('gives scoreMany the same listing', () => {
    const subjects = [
      firm('CONTRACTOR', [...AWARDS(), rec('BAD.ACCIDENT.MAJOR', '2026-03-16')], 'listed'),
      firm('CONTRACTOR', AWARDS(), 'clean'),
    ]
    expect(scoreMany(subjects, HN_2026_1, '2026-06-15')).toEqual([
      { subjectId: 'listed', score: 105, grade: 'C', blacklisted: true },
      { subjectId: 'clean', score: 120, grade: 'AAA', blacklisted: false },
    ])
  })
})
