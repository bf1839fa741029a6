// Three subjects whose grades were computed by hand from the published standard
// (docs/scoring-standard.md, HN-2026.1), not by running the engine: the db tests store them, run
// the recompute and the explanation, and compare with these numbers, so that a loader, storage
// or mapping bug shows (comparing with scoreSubject, the engine they call, could not). The cases
// are those of shared/scoring/worked-examples.test.ts, plus records that must not count.
import type { Db } from '@db/client'

/** The day the expectations are for. */
export const HAND_DAY = '2026-06-15'
/** An earlier day stored as history: before the penalty, the listing and the criticism began. */
export const HISTORY_DAY = '2025-12-31'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

type Category =
  | 'GOOD.AWARD.NATIONAL'
  | 'BAD.PENALTY.MINOR'
  | 'BAD.PENALTY.SERIOUS'
  | 'BAD.PENALTY.GRAVE'
  | 'BAD.NOTICE.CRITICISM'
  | 'BAD.CONTRACT.TRANSFER_OR_LEND'

export interface HandRecord {
  categoryCode: Category
  decisionNumber: string
  decidedOn: string
  publishFrom: string
  publishUntil: string
  points: number
  status?: 'ACTIVE' | 'WITHDRAWN'
}

const award = (decisionNumber: string, from: string, until: string): HandRecord => ({ categoryCode: 'GOOD.AWARD.NATIONAL', decisionNumber, decidedOn: from, publishFrom: from, publishUntil: until, points: 10 })

/**
 * 施工企业 with three 国家级工程质量奖 (+10 each = 30, category and total cap 20 → +20) and one
 * 一般行政处罚 (−2, in full): 100 + 20 − 2 = 118 ≥ 110 → AAA. Three 严重行政处罚 do not count on
 * HAND_DAY: one ended 2026-01-01, one public only from 2026-07-01, one withdrawn.
 * Next: 2026-09-01 the penalty ends → 120 AAA; 2027-01-01 the first award ends but the other two
 * still fill the cap → no change; 2028-01-01 both end → 100 A.
 * On HISTORY_DAY: the three awards (+20) and the ended 严重行政处罚 still public (−10) → 110 AAA.
 */
export const CAPPED = {
  uscc: '91460100HAND00001X',
  name: '海南手算建工集团有限公司',
  records: [
    award('建质奖〔2024〕1号', '2024-01-01', '2027-01-01'),
    award('建质奖〔2025〕2号', '2025-01-01', '2028-01-01'),
    award('建质奖〔2025〕3号', '2025-01-01', '2028-01-01'),
    { categoryCode: 'BAD.PENALTY.MINOR', decisionNumber: '琼建罚〔2026〕811号', decidedOn: '2026-02-20', publishFrom: '2026-03-01', publishUntil: '2026-09-01', points: -2 },
    { categoryCode: 'BAD.PENALTY.GRAVE', decisionNumber: '琼建罚〔2023〕812号', decidedOn: '2023-01-01', publishFrom: '2023-01-01', publishUntil: '2026-01-01', points: -10 },
    { categoryCode: 'BAD.PENALTY.GRAVE', decisionNumber: '琼建罚〔2026〕813号', decidedOn: '2026-06-10', publishFrom: '2026-07-01', publishUntil: '2029-07-01', points: -10 },
    { categoryCode: 'BAD.PENALTY.GRAVE', decisionNumber: '琼建罚〔2026〕814号', decidedOn: '2026-01-01', publishFrom: '2026-01-05', publishUntil: '2029-01-05', points: -10, status: 'WITHDRAWN' },
  ] satisfies HandRecord[],
  /** the decision numbers that must never be named on HAND_DAY */
  notPublic: ['琼建罚〔2023〕812号', '琼建罚〔2026〕813号', '琼建罚〔2026〕814号'],
  expected: {
    score: 118,
    grade: 'AAA',
    blacklisted: false,
    subjectClass: 'CONSTRUCTION',
    breakdown: { baseScore: 100, goodRaw: 30, good: 20, bad: -2, floorAdjustment: 0 },
    inspectionsPerQuarter: 0.5,
    /** ended and withdrawn; the one not yet begun is not counted as "no longer" public */
    noLongerPublic: 2,
    next: [
      { date: '2026-09-01', score: 120, grade: 'AAA', blacklisted: false },
      { date: '2028-01-01', score: 100, grade: 'A', blacklisted: false },
    ],
    history: { score: 110, grade: 'AAA', blacklisted: false },
  },
} as const

/**
 * 注册执业人员 with a 较重行政处罚 (−5) and a 通报批评 (−1): 100 − 6 = 94 < 95 → B.
 * Next: 2026-09-01 the criticism ends → 95 A (the lower edge of A is inclusive); 2027-01-10 → 100.
 * On HISTORY_DAY neither has begun → 100 A.
 */
export const PRACTITIONER = {
  name: '手算测试人员',
  idNumber: '46010019800101888X',
  records: [
    { categoryCode: 'BAD.PENALTY.SERIOUS', decisionNumber: '琼建罚〔2026〕821号', decidedOn: '2026-01-05', publishFrom: '2026-01-10', publishUntil: '2027-01-10', points: -5 },
    { categoryCode: 'BAD.NOTICE.CRITICISM', decisionNumber: '琼建通〔2026〕822号', decidedOn: '2026-02-25', publishFrom: '2026-03-01', publishUntil: '2026-09-01', points: -1 },
  ] satisfies HandRecord[],
  expected: {
    score: 94,
    grade: 'B',
    blacklisted: false,
    subjectClass: 'PRACTITIONER',
    breakdown: { baseScore: 100, goodRaw: 0, good: 0, bad: -6, floorAdjustment: 0 },
    next: [
      { date: '2026-09-01', score: 95, grade: 'A', blacklisted: false },
      { date: '2027-01-10', score: 100, grade: 'A', blacklisted: false },
    ],
    history: { score: 100, grade: 'A', blacklisted: false },
  },
} as const

/**
 * 施工企业 with two 国家级工程质量奖 (+20) and a 转包、出借资质 (−10): 110 points, but the record is
 * blacklist ground (二), listed 12 months from its first public day 2026-03-01 → grade C.
 * Next: 2027-03-01 off the list → 110 AAA; 2028-01-01 the awards end → 90 B; 2029-03-01 → 100 A.
 * On HISTORY_DAY the record has not begun → 120 AAA, not listed.
 */
export const LISTED = {
  uscc: '91460100HAND00002Y',
  name: '海南手算劳务分包有限公司',
  records: [
    award('建质奖〔2025〕4号', '2025-01-01', '2028-01-01'),
    award('建质奖〔2025〕5号', '2025-01-01', '2028-01-01'),
    { categoryCode: 'BAD.CONTRACT.TRANSFER_OR_LEND', decisionNumber: '琼建罚〔2026〕831号', decidedOn: '2026-02-20', publishFrom: '2026-03-01', publishUntil: '2029-03-01', points: -10 },
  ] satisfies HandRecord[],
  expected: {
    score: 110,
    grade: 'C',
    blacklisted: true,
    subjectClass: 'CONSTRUCTION',
    listedOn: '2026-03-01',
    removableOn: '2027-03-01',
    ground: { code: 'TRANSFER_OR_LEND', label: '转包、出借资质', since: '2026-03-01', until: '2027-03-01' },
    /** the ground's record: 36 months of publication, last public day the day before publishUntil */
    lastPublicDay: '2029-02-28',
    inspectionsPerQuarter: 6,
    next: [
      { date: '2027-03-01', score: 110, grade: 'AAA', blacklisted: false },
      { date: '2028-01-01', score: 90, grade: 'B', blacklisted: false },
      { date: '2029-03-01', score: 100, grade: 'A', blacklisted: false },
    ],
    /** with the ground's record withdrawn: 100 + 20 → 120 AAA, not listed */
    withdrawn: { score: 120, grade: 'AAA', blacklisted: false },
    history: { score: 120, grade: 'AAA', blacklisted: false },
  },
} as const

export interface HandScoredSubjects {
  capped: { id: string; recordIds: Record<string, string> }
  practitioner: { id: string; recordIds: Record<string, string> }
  listed: { id: string; recordIds: Record<string, string> }
}

async function addRecords(db: Db, owner: { enterpriseId: string } | { personId: string }, records: readonly HandRecord[]): Promise<Record<string, string>> {
  const authority = await db.authority.findFirstOrThrow({ orderBy: { regionCode: 'asc' } })
  const ids: Record<string, string> = {}
  for (const r of records) {
    const row = await db.integrityRecord.create({
      data: {
        subjectType: 'enterpriseId' in owner ? 'ENTERPRISE' : 'PERSON',
        ...owner,
        kind: r.categoryCode.startsWith('GOOD') ? 'GOOD' : 'BAD',
        categoryCode: r.categoryCode,
        title: `手算测试：${r.decisionNumber}`,
        description: '测试记录',
        decisionNumber: r.decisionNumber,
        authorityId: authority.id,
        issuedBy: authority.name,
        decidedOn: day(r.decidedOn),
        publishFrom: day(r.publishFrom),
        publishUntil: day(r.publishUntil),
        points: r.points,
        status: r.status ?? 'ACTIVE',
      },
    })
    ids[r.decisionNumber] = row.id
  }
  return ids
}

/** Stores the three subjects with their records (no grades: the test runs the recompute). */
export async function addHandScoredSubjects(db: Db): Promise<HandScoredSubjects> {
  const enterprise = (e: { uscc: string; name: string }) =>
    db.enterprise.create({
      data: { uscc: e.uscc, name: e.name, type: 'CONTRACTOR', regionCode: '460100', inProvince: true, legalRepresentative: '王手算', registeredAddress: '海口市龙华区', registeredCapital: '5000', establishedOn: day('2010-03-01') },
    })
  const capped = await enterprise(CAPPED)
  const listed = await enterprise(LISTED)
  const person = await db.person.create({ data: { name: PRACTITIONER.name, idNumber: PRACTITIONER.idNumber, gender: '男' } })
  return {
    capped: { id: capped.id, recordIds: await addRecords(db, { enterpriseId: capped.id }, CAPPED.records) },
    listed: { id: listed.id, recordIds: await addRecords(db, { enterpriseId: listed.id }, LISTED.records) },
    practitioner: { id: person.id, recordIds: await addRecords(db, { personId: person.id }, PRACTITIONER.records) },
  }
}
