// Worked examples: each expected score, grade, listing and change was computed by hand from the
// published tables of HN-2026.1 (docs/scoring-standard.md), not by running the engine, so that a
// wrong engine (or a wrong change to the standard's data) fails here. The arithmetic is in the
// comment of each case.
import { describe, expect, it } from 'vitest'
import { CURRENT_STANDARD, scoreSubject, type ScoringRecord, type ScoringSubject } from './index'

type R = Omit<ScoringRecord, 'id' | 'kind' | 'status'> & { status?: ScoringRecord['status'] }
const rec = (r: R, i: number): ScoringRecord => ({
  id: `r${i + 1}`,
  kind: r.categoryCode.startsWith('GOOD') ? 'GOOD' : 'BAD',
  status: r.status ?? 'ACTIVE',
  ...r,
})
const contractor = (...records: R[]): ScoringSubject => ({ id: 'e1', subjectType: 'ENTERPRISE', enterpriseType: 'CONTRACTOR', records: records.map(rec) })
const supervisor = (...records: R[]): ScoringSubject => ({ id: 'e2', subjectType: 'ENTERPRISE', enterpriseType: 'SUPERVISOR', records: records.map(rec) })
const person = (...records: R[]): ScoringSubject => ({ id: 'p1', subjectType: 'PERSON', records: records.map(rec) })

const award = (from: string, until: string): R => ({ categoryCode: 'GOOD.AWARD.NATIONAL', decidedOn: from, publishFrom: from, publishUntil: until })

interface Expected {
  score: number
  grade: string
  listed: boolean
  listedOn?: string | null
  removableOn?: string | null
  next: { date: string; score: number; grade: string; blacklisted: boolean }[]
  excluded?: string[]
}

const AS_OF = '2026-06-15'
const cases: [string, ScoringSubject, string, Expected][] = [
  ['a contractor without records: base 100, band A (95 ≤ s < 104)', contractor(), AS_OF, { score: 100, grade: 'A', listed: false, next: [] }],
  [
    // 3 × 国家级奖 +10 = 30, category cap 20, total cap 20 → +20; 一般行政处罚 −2 → 118 ≥ 110 → AAA.
    // 2026-09-01 the penalty ends → 120. 2027-01-01 the first award ends: the other two still give 20,
    // so nothing changes. 2028-01-01 the last two end together → 100, A.
    'caps: three national awards count 20, a minor penalty deducts in full',
    contractor(
      award('2024-01-01', '2027-01-01'),
      award('2025-01-01', '2028-01-01'),
      award('2025-01-01', '2028-01-01'),
      { categoryCode: 'BAD.PENALTY.MINOR', decidedOn: '2026-02-20', publishFrom: '2026-03-01', publishUntil: '2026-09-01' },
    ),
    AS_OF,
    {
      score: 118,
      grade: 'AAA',
      listed: false,
      next: [
        { date: '2026-09-01', score: 120, grade: 'AAA', blacklisted: false },
        { date: '2028-01-01', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // 监理企业: 2 × 国家级奖 +10 = 20, category cap 10 → 10; 3 × 省级表彰 +3 = 9, cap 6 → 6;
    // 16 > total cap 15 → 115 ≥ 110 → AAA.
    'the supervisor class has its own caps: category caps, then the total cap',
    supervisor(
      award('2025-01-01', '2028-01-01'),
      award('2025-02-01', '2028-02-01'),
      ...[0, 1, 2].map((i): R => ({ categoryCode: 'GOOD.COMMENDATION.PROVINCIAL', decidedOn: `2025-0${3 + i}-01`, publishFrom: `2025-0${3 + i}-01`, publishUntil: `2028-0${3 + i}-01` })),
    ),
    AS_OF,
    {
      score: 115,
      grade: 'AAA',
      listed: false,
      // 2028-01-01 the first award ends: the second still fills the cap of 10 → no change.
      // 2028-02-01 both awards gone: +6 → 106, AA (104 ≤ s < 110). 2028-03-01 the first
      // commendation ends: the two left still give +6 (the cap) → no change. 2028-04-01 one left,
      // +3 → 103, A (95 ≤ s < 104). 2028-05-01 none → 100.
      next: [
        { date: '2028-02-01', score: 106, grade: 'AA', blacklisted: false },
        { date: '2028-04-01', score: 103, grade: 'A', blacklisted: false },
        { date: '2028-05-01', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // 注册执业人员: 较重行政处罚 −5, 通报批评 −1 → 94 < 95 → B. The criticism ends 2026-09-01 → 95, A
    // (the lower edge of A is inclusive); the penalty ends 2027-01-10 → 100.
    'a practitioner at the edge of B and A',
    person(
      { categoryCode: 'BAD.PENALTY.SERIOUS', decidedOn: '2026-01-05', publishFrom: '2026-01-10', publishUntil: '2027-01-10' },
      { categoryCode: 'BAD.NOTICE.CRITICISM', decidedOn: '2026-02-25', publishFrom: '2026-03-01', publishUntil: '2026-09-01' },
    ),
    AS_OF,
    {
      score: 94,
      grade: 'B',
      listed: false,
      next: [
        { date: '2026-09-01', score: 95, grade: 'A', blacklisted: false },
        { date: '2027-01-10', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // The day before a record ends it still counts; on publishUntil it does not.
    'the last counting day is publishUntil − 1',
    person({ categoryCode: 'BAD.NOTICE.CRITICISM', decidedOn: '2026-01-01', publishFrom: '2026-01-01', publishUntil: '2026-07-01' }),
    '2026-06-30',
    { score: 99, grade: 'A', listed: false, next: [{ date: '2026-07-01', score: 100, grade: 'A', blacklisted: false }] },
  ],
  [
    // 转包、出借资质 −10 lists for 12 months from its first public day 2026-03-01 (ground (二));
    // 2 awards +20 → 110 would be AAA, but while listed the grade is at most C.
    // 2027-03-01 removed → AAA again (the record still counts −10 until 2029-03-01).
    'a blacklist ground holds the grade at C whatever the points',
    contractor(
      award('2025-01-01', '2028-01-01'),
      award('2025-01-01', '2028-01-01'),
      { categoryCode: 'BAD.CONTRACT.TRANSFER_OR_LEND', decidedOn: '2026-02-20', publishFrom: '2026-03-01', publishUntil: '2029-03-01' },
    ),
    AS_OF,
    {
      score: 110,
      grade: 'C',
      listed: true,
      listedOn: '2026-03-01',
      removableOn: '2027-03-01',
      next: [
        { date: '2027-03-01', score: 110, grade: 'AAA', blacklisted: false },
        { date: '2028-01-01', score: 90, grade: 'B', blacklisted: false },
        { date: '2029-03-01', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // Two 较大事故 (−12 each) decided 2025-05-10 and 2026-04-20: within 12 months → ground (三),
    // established on the later record's first public day 2026-05-01, listed until 2027-05-01.
    // 120 − 24 = 96 → A by points, C while listed.
    'two larger accidents within twelve months list the subject',
    contractor(
      award('2025-01-01', '2028-01-01'),
      award('2025-01-01', '2028-01-01'),
      { categoryCode: 'BAD.ACCIDENT.LARGER', decidedOn: '2025-05-10', publishFrom: '2025-05-20', publishUntil: '2028-05-20' },
      { categoryCode: 'BAD.ACCIDENT.LARGER', decidedOn: '2026-04-20', publishFrom: '2026-05-01', publishUntil: '2029-05-01' },
    ),
    AS_OF,
    {
      score: 96,
      grade: 'C',
      listed: true,
      listedOn: '2026-05-01',
      removableOn: '2027-05-01',
      next: [
        { date: '2027-05-01', score: 96, grade: 'A', blacklisted: false },
        { date: '2028-01-01', score: 76, grade: 'C', blacklisted: false },
        { date: '2028-05-20', score: 88, grade: 'B', blacklisted: false },
        { date: '2029-05-01', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // The same, but the second decision is exactly 12 months after the first: not "within" 12
    // months, so no ground; 96 → A.
    'two larger accidents twelve months to the day apart do not list',
    contractor(
      award('2025-01-01', '2028-01-01'),
      award('2025-01-01', '2028-01-01'),
      { categoryCode: 'BAD.ACCIDENT.LARGER', decidedOn: '2025-05-10', publishFrom: '2025-05-20', publishUntil: '2028-05-20' },
      { categoryCode: 'BAD.ACCIDENT.LARGER', decidedOn: '2026-05-10', publishFrom: '2026-05-15', publishUntil: '2029-05-15' },
    ),
    AS_OF,
    {
      score: 96,
      grade: 'A',
      listed: false,
      listedOn: null,
      removableOn: null,
      next: [
        { date: '2028-01-01', score: 76, grade: 'C', blacklisted: false },
        { date: '2028-05-20', score: 88, grade: 'B', blacklisted: false },
        { date: '2029-05-15', score: 100, grade: 'A', blacklisted: false },
      ],
    },
  ],
  [
    // A withdrawn 严重行政处罚 does not count; 拖欠农民工工资 does not apply to practitioners.
    'withdrawn and inapplicable records do not count',
    person(
      { categoryCode: 'BAD.PENALTY.GRAVE', decidedOn: '2026-01-01', publishFrom: '2026-01-05', publishUntil: '2029-01-05', status: 'WITHDRAWN' },
      { categoryCode: 'BAD.WAGES.ARREARS', decidedOn: '2026-01-01', publishFrom: '2026-01-05', publishUntil: '2027-01-05' },
    ),
    AS_OF,
    { score: 100, grade: 'A', listed: false, next: [], excluded: ['WITHDRAWN', 'NOT_APPLICABLE'] },
  ],
  [
    // 11 × 严重行政处罚 −10 = −110 → −10, raised to the floor 0 → C.
    'the score never falls below the floor',
    person(
      ...Array.from({ length: 11 }, (): R => ({ categoryCode: 'BAD.PENALTY.GRAVE', decidedOn: '2026-01-01', publishFrom: '2026-01-05', publishUntil: '2029-01-05' })),
    ),
    AS_OF,
    { score: 0, grade: 'C', listed: false, next: [{ date: '2029-01-05', score: 100, grade: 'A', blacklisted: false }] },
  ],
]

describe('worked examples of HN-2026.1, computed by hand', () => {
  it.each(cases)('%s', (_name, subject, asOf, expected) => {
    const result = scoreSubject(subject, CURRENT_STANDARD, asOf)
    expect(result.score).toBe(expected.score)
    expect(result.grade).toBe(expected.grade)
    expect(result.blacklist.listed).toBe(expected.listed)
    if (expected.listedOn !== undefined) expect(result.blacklist.listedOn).toBe(expected.listedOn)
    if (expected.removableOn !== undefined) expect(result.blacklist.removableOn).toBe(expected.removableOn)
    expect(result.nextChanges.map(({ date, score, grade, blacklisted }) => ({ date, score, grade, blacklisted }))).toEqual(expected.next)
    if (expected.excluded) expect(result.excluded.map((e) => e.reason)).toEqual(expected.excluded)
  })
})
