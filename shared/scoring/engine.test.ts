import { describe, expect, it } from 'vitest'
import type { EnterpriseType } from '../domain/enums'
import { countsOn, lastCountingDay, scoreSubject } from './engine'
import { scoringRecordFromRow } from './record-input'
import { HN_2026_1 } from './standard-2026'
import { firm, person, rec } from './testing'

const ASOF = '2026-06-15'
const score = (subject: Parameters<typeof scoreSubject>[0], asOf = ASOF) => scoreSubject(subject, HN_2026_1, asOf)
const contractor = (...records: ReturnType<typeof rec>[]) => firm('CONTRACTOR', records)

describe('scoreSubject: one example per subject type', () => {
  it('施工企业: awards, a site award and a penalty', () => {
    const s = score(
      contractor(
        rec('GOOD.AWARD.NATIONAL', '2024-12-20', { id: 'luban' }),
        rec('GOOD.SAFETY.PROVINCIAL', '2025-04-01', { id: 'site' }),
        rec('BAD.PENALTY.MINOR', '2026-03-02', { id: 'fine' }),
      ),
    )
    expect(s).toMatchObject({ subjectClass: 'CONSTRUCTION', subjectClassLabel: '施工企业', score: 111, grade: 'AAA', gradeLabel: '信用很好' })
    expect(s.breakdown).toEqual({ baseScore: 100, goodRaw: 13, good: 13, bad: -2, floorAdjustment: 0 })
    expect(s.contributions.map((c) => [c.recordId, c.points, c.rule.label])).toEqual([
      ['luban', 10, '国家级工程质量奖'],
      ['site', 3, '省级安全文明标准化工地'],
      ['fine', -2, '一般行政处罚'],
    ])
    expect(s.supervision).toMatchObject({ grade: 'AAA', inspectionsPerQuarter: 0.5 })
    expect(s.supervision.inspection).toContain('在建项目')
  })

  it('监理企业: criticism after an inspection', () => {
    const s = score(firm('SUPERVISOR', [rec('BAD.NOTICE.CRITICISM', '2026-02-10'), rec('BAD.PENALTY.SERIOUS', '2025-09-01')]))
    expect(s).toMatchObject({ subjectClass: 'SUPERVISION', score: 94, grade: 'B', gradeLabel: '信用一般' })
    expect(s.supervision.inspection).toContain('监理履职')
  })

  it('勘察设计企业 (survey and design alike): a provincial award, and no site-safety award', () => {
    for (const type of ['SURVEY', 'DESIGN'] as EnterpriseType[]) {
      const s = score(firm(type, [rec('GOOD.AWARD.PROVINCIAL', '2025-06-01'), rec('GOOD.SAFETY.PROVINCIAL', '2025-06-01', { id: 'site' })]))
      expect(s).toMatchObject({ subjectClass: 'SURVEY_DESIGN', score: 105, grade: 'AA' })
      expect(s.excluded).toEqual([expect.objectContaining({ recordId: 'site', reason: 'NOT_APPLICABLE', reasonLabel: '该记录类别不适用于此类主体，不计分' })])
    }
  })

  it('其他企业 (招标代理, 造价咨询, 质量检测, 园林绿化, 建设单位): smaller good cap, lower AAA line', () => {
    for (const type of ['TENDER_AGENT', 'COST_CONSULTANT', 'QUALITY_TESTING', 'LANDSCAPING', 'OWNER'] as EnterpriseType[]) {
      const s = score(firm(type, [rec('GOOD.AWARD.NATIONAL', '2025-01-05'), rec('GOOD.COMMENDATION.CITY', '2025-03-01', { id: 'city' })]))
      expect([type, s.subjectClass, s.score, s.grade]).toEqual([type, 'OTHER_FIRM', 110, 'AAA'])
      expect(s.contributions.find((c) => c.recordId === 'city')).toMatchObject({ rawPoints: 2, points: 0, capped: true, cappedBy: 'GOOD_TOTAL' })
    }
  })

  it('注册执业人员: a commendation and a suspension; enterprise-only categories do not apply', () => {
    const s = score(
      person([
        rec('GOOD.COMMENDATION.PROVINCIAL', '2025-01-10'),
        rec('BAD.PENALTY.SERIOUS', '2025-12-01'),
        rec('BAD.WAGES.ARREARS', '2026-01-10', { id: 'wages' }),
      ]),
    )
    expect(s).toMatchObject({ subjectClass: 'PRACTITIONER', subjectClassLabel: '注册执业人员', score: 98, grade: 'A' })
    expect(s.excluded.map((e) => [e.recordId, e.reason])).toEqual([['wages', 'NOT_APPLICABLE']])
    expect(s.supervision.qualification).toContain('执业注册')
  })
})

describe('band edges', () => {
  // 施工, 监理 and 勘察设计 share AAA ≥ 110, AA ≥ 104, A ≥ 95, B ≥ 80
  const firmCases: [string, string[], number, string][] = [
    ['110 is AAA', ['GOOD.AWARD.NATIONAL'], 110, 'AAA'],
    ['109 is AA', ['GOOD.AWARD.NATIONAL', 'BAD.NOTICE.CRITICISM'], 109, 'AA'],
    ['104 is AA', ['GOOD.AWARD.PROVINCIAL', 'BAD.NOTICE.CRITICISM'], 104, 'AA'],
    ['103 is A', ['GOOD.AWARD.PROVINCIAL', 'BAD.PENALTY.MINOR'], 103, 'A'],
    ['95 is A', ['BAD.PENALTY.SERIOUS'], 95, 'A'],
    ['94 is B', ['BAD.PENALTY.SERIOUS', 'BAD.NOTICE.CRITICISM'], 94, 'B'],
    ['80 is B', ['BAD.PENALTY.GRAVE', 'BAD.PENALTY.SERIOUS', 'BAD.PENALTY.SERIOUS'], 80, 'B'],
    ['79 is C', ['BAD.PENALTY.GRAVE', 'BAD.PENALTY.SERIOUS', 'BAD.PENALTY.SERIOUS', 'BAD.NOTICE.CRITICISM'], 79, 'C'],
  ]
  for (const type of ['CONTRACTOR', 'SUPERVISOR', 'DESIGN'] as EnterpriseType[]) {
    it.each(firmCases)(`${type}: %s`, (_, codes, expectedScore, grade) => {
      const s = score(firm(type, codes.map((c) => rec(c, '2026-05-01'))))
      expect([s.score, s.grade]).toEqual([expectedScore, grade])
    })
  }

  // 其他企业 and 注册执业人员: AAA ≥ 108, AA ≥ 103
  const smallCases: [string, string[], number, string][] = [
    ['108 is AAA', ['GOOD.AWARD.NATIONAL', 'BAD.PENALTY.MINOR'], 108, 'AAA'],
    ['107 is AA', ['GOOD.AWARD.NATIONAL', 'BAD.PENALTY.MINOR', 'BAD.NOTICE.CRITICISM'], 107, 'AA'],
    ['103 is AA', ['GOOD.AWARD.PROVINCIAL', 'BAD.PENALTY.MINOR'], 103, 'AA'],
    ['102 is A', ['GOOD.AWARD.PROVINCIAL', 'BAD.PENALTY.MINOR', 'BAD.NOTICE.CRITICISM'], 102, 'A'],
    ['95 is A', ['BAD.PENALTY.SERIOUS'], 95, 'A'],
    ['94 is B', ['BAD.PENALTY.SERIOUS', 'BAD.NOTICE.CRITICISM'], 94, 'B'],
  ]
  it.each(smallCases)('TENDER_AGENT: %s', (_, codes, expectedScore, grade) => {
    const s = score(firm('TENDER_AGENT', codes.map((c) => rec(c, '2026-05-01'))))
    expect([s.score, s.grade]).toEqual([expectedScore, grade])
  })
  it.each(smallCases)('PERSON: %s', (_, codes, expectedScore, grade) => {
    const s = score(person(codes.map((c) => rec(c, '2026-05-01'))))
    expect([s.score, s.grade]).toEqual([expectedScore, grade])
  })
})

describe('caps', () => {
  it('cuts a category at its cap, oldest records first', () => {
    const s = score(
      contractor(
        rec('GOOD.COMMENDATION.CITY', '2024-03-01', { id: 'c1' }),
        rec('GOOD.COMMENDATION.CITY', '2024-05-01', { id: 'c2' }),
        rec('GOOD.COMMENDATION.CITY', '2024-07-01', { id: 'c3' }),
        rec('GOOD.COMMENDATION.CITY', '2024-07-01', { id: 'c0' }),
      ),
    )
    expect(s.score).toBe(104)
    expect(s.breakdown).toMatchObject({ goodRaw: 8, good: 4 })
    expect(s.contributions.map((c) => [c.recordId, c.points, c.cappedBy])).toEqual([
      ['c1', 2, null],
      ['c2', 2, null],
      ['c0', 0, 'CATEGORY'],
      ['c3', 0, 'CATEGORY'],
    ])
  })

  it('cuts all good records at the total cap, and gives the points back when older records expire', () => {
    const s = score(
      contractor(
        rec('GOOD.AWARD.NATIONAL', '2023-12-20', { id: 'n1' }),
        rec('GOOD.AWARD.NATIONAL', '2024-12-20', { id: 'n2' }),
        rec('GOOD.AWARD.PROVINCIAL', '2025-05-10', { id: 'p1' }),
        rec('GOOD.AWARD.NATIONAL', '2025-12-20', { id: 'n3' }),
      ),
    )
    expect(s.score).toBe(120)
    expect(s.contributions.map((c) => [c.recordId, c.points, c.cappedBy])).toEqual([
      ['n1', 10, null],
      ['n2', 10, null],
      ['p1', 0, 'GOOD_TOTAL'],
      ['n3', 0, 'CATEGORY'],
    ])
    // n1 stops counting on 2026-12-20: p1 (older than n3) gets its 5 back, n3 gets the 5 left;
    // the score stays 120, so the first change is when n2 goes
    expect(s.nextChanges[0]).toMatchObject({ date: '2027-12-20', score: 115, grade: 'AAA' })
    const after = scoreSubject(
      contractor(
        rec('GOOD.AWARD.NATIONAL', '2023-12-20', { id: 'n1' }),
        rec('GOOD.AWARD.NATIONAL', '2024-12-20', { id: 'n2' }),
        rec('GOOD.AWARD.PROVINCIAL', '2025-05-10', { id: 'p1' }),
        rec('GOOD.AWARD.NATIONAL', '2025-12-20', { id: 'n3' }),
      ),
      HN_2026_1,
      '2026-12-20',
    )
    expect(after.contributions.map((c) => [c.recordId, c.points, c.cappedBy])).toEqual([
      ['n2', 10, null],
      ['p1', 5, null],
      ['n3', 5, 'GOOD_TOTAL'],
    ])
    expect(after.score).toBe(120)
  })

  it('never lets the score fall below the floor, and says how much the floor added', () => {
    const s = score(person(Array.from({ length: 12 }, (_, i) => rec('BAD.PENALTY.GRAVE', '2026-01-05', { id: `g${i}` }))))
    expect(s.score).toBe(0)
    expect(s.grade).toBe('C')
    expect(s.breakdown).toEqual({ baseScore: 100, goodRaw: 0, good: 0, bad: -120, floorAdjustment: 20 })
  })
})

describe('the counting day', () => {
  const r = rec('BAD.PENALTY.SERIOUS', '2025-07-01', { id: 'x' }) // until 2026-07-01
  const scoreOn = (day: string) => score(contractor(r, rec('BAD.NOTICE.CRITICISM', '2026-05-01', { id: 'y' })), day)

  it('counts from publishFrom through the day before publishUntil, like the exposure board', () => {
    expect(r.publishUntil).toBe('2026-07-01')
    expect(lastCountingDay(r)).toBe('2026-06-30')
    expect(scoreOn('2025-06-30').excluded.find((e) => e.recordId === 'x')?.reason).toBe('NOT_YET_PUBLIC')
    expect(scoreOn('2025-07-01').contributions.map((c) => c.recordId)).toContain('x')
    expect(scoreOn('2026-06-30').contributions.find((c) => c.recordId === 'x')).toMatchObject({
      countsFrom: '2025-07-01',
      countsUntil: '2026-07-01',
      lastCountingDay: '2026-06-30',
    })
    expect(scoreOn('2026-07-01').excluded.find((e) => e.recordId === 'x')).toMatchObject({ reason: 'EXPIRED', reasonLabel: '公示期已满，不再计分' })
    expect([countsOn(r, '2025-07-01'), countsOn(r, '2026-06-30'), countsOn(r, '2026-07-01'), countsOn(r, '2025-06-30')]).toEqual([true, true, false, false])
  })

  it('changes the grade on the day the record leaves the board, not a day earlier', () => {
    // 95 − 1 = 94 (B) while both count; the serious penalty's last day is 2026-06-30
    expect([scoreOn('2026-06-30').score, scoreOn('2026-06-30').grade]).toEqual([94, 'B'])
    expect([scoreOn('2026-07-01').score, scoreOn('2026-07-01').grade]).toEqual([99, 'A'])
    expect(scoreOn('2026-06-15').nextChanges[0]).toMatchObject({
      date: '2026-07-01',
      score: 99,
      grade: 'A',
      causes: [{ type: 'RECORD_EXPIRES', recordId: 'x', categoryCode: 'BAD.PENALTY.SERIOUS', categoryLabel: '较重行政处罚' }],
    })
  })
})

describe('excluded records', () => {
  it('gives the reason for each record that does not count', () => {
    const s = score(
      contractor(
        rec('BAD.PENALTY.GRAVE', '2026-01-01', { id: 'withdrawn', status: 'WITHDRAWN' }),
        rec('BAD.NO.SUCH', '2026-01-01', { id: 'unknown' }),
        rec('BAD.PENALTY.MINOR', '2026-01-01', { id: 'flipped', kind: 'GOOD' }),
        rec('BAD.PENALTY.MINOR', '2026-08-01', { id: 'future' }),
        rec('BAD.PENALTY.MINOR', '2025-01-01', { id: 'old' }),
      ),
    )
    expect(s.score).toBe(100)
    expect(s.contributions).toEqual([])
    expect(s.excluded.map((e) => [e.recordId, e.reason])).toEqual([
      ['withdrawn', 'WITHDRAWN'],
      ['unknown', 'UNKNOWN_CATEGORY'],
      ['flipped', 'KIND_MISMATCH'],
      ['future', 'NOT_YET_PUBLIC'],
      ['old', 'EXPIRED'],
    ])
    // the future record shows up in the schedule
    expect(s.nextChanges).toEqual([
      expect.objectContaining({ date: '2026-08-01', score: 98, causes: [expect.objectContaining({ type: 'RECORD_STARTS', recordId: 'future' })] }),
      expect.objectContaining({ date: '2027-02-01', score: 100, causes: [expect.objectContaining({ type: 'RECORD_EXPIRES', recordId: 'future' })] }),
    ])
  })
})

describe('nextChanges', () => {
  it('lists the days score or grade change as records expire, with the resulting score and grade', () => {
    const s = score(
      contractor(
        rec('GOOD.AWARD.PROVINCIAL', '2024-04-10', { id: 'award' }), // until 2027-04-10
        rec('BAD.PENALTY.MINOR', '2026-03-01', { id: 'minor' }), // until 2026-09-01
        rec('BAD.NOTICE.CRITICISM', '2026-03-01', { id: 'notice' }), // until 2026-09-01
        rec('BAD.ACCIDENT.GENERAL', '2026-01-20', { id: 'accident' }), // until 2027-01-20
      ),
    )
    expect([s.score, s.grade]).toEqual([94, 'B'])
    expect(s.nextChanges.map((c) => [c.date, c.score, c.grade, c.causes.map((x) => x.recordId).join(',')])).toEqual([
      ['2026-09-01', 97, 'A', 'minor,notice'],
      ['2027-01-20', 105, 'AA', 'accident'],
      ['2027-04-10', 100, 'A', 'award'],
    ])
  })

  it('is empty for a subject without records', () => {
    expect(score(contractor()).nextChanges).toEqual([])
  })
})

describe('input checks', () => {
  it('rejects a malformed day, naming the record', () => {
    expect(() => score(contractor(), '2026-02-30')).toThrow(/asOf/)
    expect(() => score(contractor({ ...rec('BAD.PENALTY.MINOR', '2026-01-01', { id: 'bad-day' }), publishUntil: '2026-7-1' }))).toThrow(/bad-day.*publishUntil/)
  })

  it('rejects a subject type without a rule set', () => {
    expect(() => score({ id: 'x', subjectType: 'ENTERPRISE', enterpriseType: 'SHIPYARD' as EnterpriseType, records: [] })).toThrow(/no rule set/)
  })
})

describe('scoringRecordFromRow', () => {
  const row = {
    id: 'r1',
    kind: 'BAD' as const,
    categoryCode: 'BAD.PENALTY.MINOR',
    decidedOn: new Date('2026-03-02T00:00:00Z'),
    publishFrom: new Date('2026-03-02T00:00:00Z'),
    publishUntil: new Date('2026-09-02T00:00:00Z'),
    status: 'ACTIVE' as const,
  }

  it('reads Prisma dates as China calendar days, whether stored at 00:00 UTC or 00:00 Beijing time', () => {
    expect(scoringRecordFromRow(row)).toEqual({
      id: 'r1',
      kind: 'BAD',
      categoryCode: 'BAD.PENALTY.MINOR',
      decidedOn: '2026-03-02',
      publishFrom: '2026-03-02',
      publishUntil: '2026-09-02',
      status: 'ACTIVE',
    })
    const beijingMidnight = { ...row, publishUntil: new Date('2026-09-01T16:00:00Z') }
    expect(scoringRecordFromRow(beijingMidnight).publishUntil).toBe('2026-09-02')
    expect(scoringRecordFromRow({ ...row, decidedOn: '2026-03-01' }).decidedOn).toBe('2026-03-01')
  })

  it('throws on an unreadable date', () => {
    expect(() => scoringRecordFromRow({ ...row, publishFrom: new Date('nope') })).toThrow(/r1: publishFrom/)
  })
})
