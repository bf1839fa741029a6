// The public credit-grade reads on both databases. The ranking and its filters read the latest
// stored snapshots in a stable order (pages and export agree); the blacklist shows listings in
// force with their grounds' records; a subject's explanation, its history and the stored-grade
// check. Expected scores, grades, listings and changes are computed by hand from the published
// standard (testing/hand-scored-subjects.ts), never by the engine the code under test calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { CURRENT_STANDARD } from '@shared/scoring'
import { recomputeSubjectGrade } from './recompute-grades'
import { blacklistFiltersSchema, blacklistListQuerySchema, creditGradeFiltersSchema, creditGradeListQuerySchema } from './credit-queries'
import type { CreditGradeListItem, SubjectCredit } from './credit-schemas'
import { listCreditGrades } from './list-credit-grades'
import { exportCreditGrades } from './export-credit-grades'
import { getLatestGradeDays } from './get-latest-grade-days'
import { listBlacklist } from './list-blacklist'
import { exportBlacklist } from './export-blacklist'
import { explainEnterpriseCredit } from './explain-enterprise-credit'
import { explainPractitionerCredit } from './explain-practitioner-credit'
import { checkCredit } from './check-credit'
import { addHandScoredSubjects, CAPPED, HAND_DAY, HISTORY_DAY, LISTED, PRACTITIONER, type HandScoredSubjects } from './testing/hand-scored-subjects'

const providers = await testProviders()
const AS_OF = HAND_DAY
/** noon Beijing time of AS_OF: the use cases read the China calendar day of an instant */
const NOON = new Date(`${AS_OF}T12:00:00+08:00`)
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const keyOf = (item: Pick<CreditGradeListItem, 'subject'>) => (item.subject.type === 'ENTERPRISE' ? item.subject.uscc : item.subject.id)
const changes = (c: SubjectCredit) => c.nextChanges.map(({ date, score, grade, blacklisted }) => ({ date, score, grade, blacklisted }))

async function allPages(db: Db, raw: Record<string, string>): Promise<CreditGradeListItem[]> {
  const items: CreditGradeListItem[] = []
  for (let page = 1; ; page++) {
    const result = await listCreditGrades(db, creditGradeListQuerySchema.parse({ ...raw, page: String(page), pageSize: '100' }))
    items.push(...result.items)
    if (page >= result.pageCount) {
      expect(items).toHaveLength(result.total)
      return items
    }
  }
}

async function exported(db: Db, raw: Record<string, string>, batchSize: number): Promise<CreditGradeListItem[]> {
  const items: CreditGradeListItem[] = []
  for await (const batch of exportCreditGrades(db, creditGradeFiltersSchema.parse(raw), batchSize)) items.push(...batch)
  return items
}

describe.each(providers)('credit grades on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let hand: HandScoredSubjects

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'credit', asOf: AS_OF })
    hand = await addHandScoredSubjects(db)
    for (const ref of [{ type: 'ENTERPRISE' as const, id: hand.capped.id }, { type: 'ENTERPRISE' as const, id: hand.listed.id }, { type: 'PERSON' as const, id: hand.practitioner.id }]) {
      await recomputeSubjectGrade(db, ref, HISTORY_DAY)
      await recomputeSubjectGrade(db, ref, AS_OF)
    }
  })
  afterAll(async () => {
    await t?.drop()
  })

  describe('the ranking', () => {
    it('lists every subject once, score high to low then id, and the export agrees', async () => {
      const subjects = (await db.enterprise.count()) + (await db.person.count())
      const items = await allPages(db, {})
      expect(items).toHaveLength(subjects)
      expect(new Set(items.map(keyOf)).size).toBe(subjects)
      for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score)
      expect(items.every((i) => i.asOf === AS_OF && i.standardVersion === CURRENT_STANDARD.version)).toBe(true)
      expect((await exported(db, {}, 37)).map(keyOf)).toEqual(items.map(keyOf))
      // the demo data has more than one grade, so the order is not trivial
      expect(new Set(items.map((i) => i.grade)).size).toBeGreaterThan(1)
    })

    it('shows the hand-computed grades of the stored subjects', async () => {
      const items = await allPages(db, {})
      const find = (key: string) => items.find((i) => keyOf(i) === key)
      expect(find(CAPPED.uscc)).toMatchObject({ score: 118, grade: 'AAA', blacklisted: false, subjectClass: 'CONSTRUCTION', subjectClassLabel: '施工企业', regionName: '海口市', asOf: AS_OF })
      expect(find(LISTED.uscc)).toMatchObject({ score: 110, grade: 'C', blacklisted: true, subjectClass: 'CONSTRUCTION' })
      expect(find(hand.practitioner.id)).toMatchObject({ score: 94, grade: 'B', blacklisted: false, subjectClass: 'PRACTITIONER', regionName: null })
    })

    it('filters by grade, class, type, region and name, agreeing with the unfiltered list', async () => {
      const all = await allPages(db, {})
      const check = async (raw: Record<string, string>, keep: (i: CreditGradeListItem) => boolean) => {
        const filtered = await allPages(db, raw)
        expect(filtered.map(keyOf), JSON.stringify(raw)).toEqual(all.filter(keep).map(keyOf))
        return filtered
      }
      const grade = all.find((i) => i.grade !== 'A')!.grade
      expect((await check({ grade }, (i) => i.grade === grade)).length).toBeGreaterThan(0)
      expect((await check({ subjectClass: 'CONSTRUCTION' }, (i) => i.subjectClass === 'CONSTRUCTION')).length).toBeGreaterThan(0)
      expect((await check({ subjectType: 'PERSON' }, (i) => i.subject.type === 'PERSON')).length).toBeGreaterThan(0)
      expect((await check({ region: '460100' }, (i) => i.regionCode === '460100')).some((i) => i.subject.type === 'PERSON')).toBe(true)
      await check({ blacklisted: 'NO' }, (i) => !i.blacklisted)
      expect((await allPages(db, { q: CAPPED.uscc })).map(keyOf)).toEqual([CAPPED.uscc])
      expect((await allPages(db, { q: '手算劳务', grade: 'C' })).map(keyOf)).toEqual([LISTED.uscc])
    })

    it('shows practitioners by name and portal id only', async () => {
      const people = await allPages(db, { subjectType: 'PERSON' })
      const json = JSON.stringify(people)
      const person = await db.person.findFirstOrThrow({ where: { phone: { not: null } } })
      expect(json).not.toContain(person.idNumber)
      expect(json).not.toContain(person.phone!)
      expect(json).not.toContain(PRACTITIONER.idNumber)
      expect(Object.keys(people[0].subject).sort()).toEqual(['employerName', 'id', 'name', 'type'])
    })

    it('names the days of the stored grades', async () => {
      expect(await getLatestGradeDays(db)).toEqual({ from: AS_OF, to: AS_OF })
    })
  })

  describe('the blacklist', () => {
    it('lists the subject with its ground, the record behind it, and the listing dates', async () => {
      const page = await listBlacklist(db, blacklistListQuerySchema.parse({}), NOON)
      const entry = page.items.find((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc === LISTED.uscc)
      expect(entry).toMatchObject({ listedOn: '2026-03-01', removableOn: '2027-03-01', score: 110, grade: 'C', asOf: AS_OF, regionName: '海口市' })
      expect(entry!.grounds).toEqual([
        {
          ...LISTED.expected.ground,
          records: [
            expect.objectContaining({
              id: hand.listed.recordIds['琼建罚〔2026〕831号'],
              decisionNumber: '琼建罚〔2026〕831号',
              categoryLabel: '转包、出借资质',
              decidedOn: '2026-02-20',
              publishFrom: '2026-03-01',
              lastPublicDay: LISTED.expected.lastPublicDay,
            }),
          ],
        },
      ])
      expect(page.items.some((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc === CAPPED.uscc)).toBe(false)
      const exportedEntries = []
      for await (const batch of exportBlacklist(db, blacklistFiltersSchema.parse({}), NOON, 1)) exportedEntries.push(...batch)
      expect(exportedEntries).toEqual(page.items)
      // the ranking's blacklist filter finds the same subjects
      expect((await allPages(db, { blacklisted: 'YES' })).map(keyOf).sort()).toEqual(page.items.map(keyOf).sort())
    })

    it('drops a listing once its removal day has come, even before the next recompute', async () => {
      const lastDay = await listBlacklist(db, blacklistListQuerySchema.parse({ q: LISTED.uscc }), new Date('2027-02-28T23:59:59+08:00'))
      expect(lastDay.items.map(keyOf)).toEqual([LISTED.uscc])
      const later = await listBlacklist(db, blacklistListQuerySchema.parse({ q: LISTED.uscc }), new Date('2027-03-01T00:00:00+08:00'))
      expect(later.items).toEqual([])
    })
  })

  describe('one subject’s explanation', () => {
    it('explains the capped contractor with the hand-computed numbers, record by record', async () => {
      const credit = (await explainEnterpriseCredit(db, CAPPED.uscc, NOON))!
      const e = CAPPED.expected
      expect(credit).toMatchObject({ asOf: AS_OF, score: e.score, grade: e.grade, subjectClass: e.subjectClass, breakdown: e.breakdown, noLongerPublic: e.noLongerPublic })
      expect(credit.blacklist).toMatchObject({ listed: false, listedOn: null, removableOn: null, grounds: [], bars: [] })
      expect(credit.supervision.inspectionsPerQuarter).toBe(e.inspectionsPerQuarter)
      // three awards and the penalty count; the cap of 20 leaves one award at 0
      const byNumber = Object.fromEntries(credit.contributions.map((c) => [c.record.decisionNumber, c]))
      expect(Object.keys(byNumber).sort()).toEqual(['建质奖〔2024〕1号', '建质奖〔2025〕2号', '建质奖〔2025〕3号', '琼建罚〔2026〕811号'].sort())
      expect(credit.contributions.filter((c) => c.kind === 'GOOD').map((c) => c.points).sort()).toEqual([0, 10, 10])
      expect(credit.contributions.filter((c) => c.kind === 'GOOD').map((c) => c.rawPoints)).toEqual([10, 10, 10])
      expect(byNumber['建质奖〔2024〕1号']).toMatchObject({ points: 10, capped: false, countsFrom: '2024-01-01', lastCountingDay: '2026-12-31', countsUntil: '2027-01-01' })
      expect(byNumber['琼建罚〔2026〕811号']).toMatchObject({ kind: 'BAD', points: -2, rule: { code: 'BAD.PENALTY.MINOR' }, lastCountingDay: '2026-08-31', countsUntil: '2026-09-01' })
      expect(changes(credit)).toEqual(e.next)
      expect(credit.nextChanges[0].causes.map((c) => c.record?.decisionNumber)).toContain('琼建罚〔2026〕811号')
      // ended, not yet begun, withdrawn: never named, anywhere in the answer
      const json = JSON.stringify(credit)
      for (const n of CAPPED.notPublic) expect(json).not.toContain(n)
      // the stored history, oldest first, and the stored grade still agreeing
      expect(credit.history.map(({ asOf, score, grade, blacklisted }) => ({ asOf, score, grade, blacklisted }))).toEqual([
        { asOf: HISTORY_DAY, ...e.history },
        { asOf: AS_OF, score: 118, grade: 'AAA', blacklisted: false },
      ])
      expect(credit.stored).toMatchObject({ asOf: AS_OF, score: 118, grade: 'AAA', blacklisted: false, agrees: true })
    })

    it('explains the listed contractor: grade C, the ground, its record and the removal day', async () => {
      const credit = (await explainEnterpriseCredit(db, LISTED.uscc, NOON))!
      const e = LISTED.expected
      expect(credit).toMatchObject({ score: e.score, grade: e.grade, subjectClass: e.subjectClass })
      expect(credit.blacklist).toMatchObject({ listed: true, listedOn: e.listedOn, removableOn: e.removableOn })
      expect(credit.blacklist.grounds).toEqual([expect.objectContaining({ ...e.ground, records: [expect.objectContaining({ decisionNumber: '琼建罚〔2026〕831号' })] })])
      expect(credit.blacklist.bars.length).toBeGreaterThan(0)
      expect(credit.supervision.inspectionsPerQuarter).toBe(e.inspectionsPerQuarter)
      expect(changes(credit)).toEqual(e.next)
      expect(credit.nextChanges[0].causes.map((c) => c.type)).toContain('BLACKLIST_REMOVED')
      expect(credit.stored).toMatchObject({ asOf: AS_OF, score: 110, grade: 'C', blacklisted: true, agrees: true })
    })

    it('says when the stored grade no longer agrees with the records', async () => {
      const recordId = hand.listed.recordIds['琼建罚〔2026〕831号']
      await db.integrityRecord.update({ where: { id: recordId }, data: { status: 'WITHDRAWN' } })
      try {
        const credit = (await explainEnterpriseCredit(db, LISTED.uscc, NOON))!
        expect(credit).toMatchObject({ score: LISTED.expected.withdrawn.score, grade: LISTED.expected.withdrawn.grade })
        expect(credit.blacklist.listed).toBe(false)
        expect(credit.stored).toMatchObject({ score: 110, grade: 'C', agrees: false })
        // withdrawn: no longer public, so only counted, never named
        expect(JSON.stringify(credit)).not.toContain(recordId)
        expect(JSON.stringify(credit)).not.toContain('琼建罚〔2026〕831号')
        expect(credit.noLongerPublic).toBe(1)
        // nor on the blacklist, whose stored grounds still name it until the next recompute
        const listed = await listBlacklist(db, blacklistListQuerySchema.parse({ q: LISTED.uscc }), NOON)
        expect(listed.items[0].grounds[0].records).toEqual([])
      } finally {
        await db.integrityRecord.update({ where: { id: recordId }, data: { status: 'ACTIVE' } })
      }
    })

    it('explains a practitioner without private data, and counts records from their first to their last public day', async () => {
      const credit = (await explainPractitionerCredit(db, hand.practitioner.id, NOON))!
      const e = PRACTITIONER.expected
      expect(credit).toMatchObject({ score: e.score, grade: e.grade, subjectClass: e.subjectClass, breakdown: e.breakdown, regionName: null, noLongerPublic: 0 })
      expect(credit.subject).toEqual({ type: 'PERSON', id: hand.practitioner.id, name: PRACTITIONER.name, employerName: null })
      expect(changes(credit)).toEqual(e.next)
      expect(JSON.stringify(credit)).not.toContain(PRACTITIONER.idNumber)

      // a 一般行政处罚 (−2) whose last public day is the day before AS_OF, and a 通报批评 (−1) public from the day after
      const authority = await db.authority.findFirstOrThrow({ orderBy: { regionCode: 'asc' } })
      const extra = (categoryCode: string, decisionNumber: string, from: string, until: string, points: number) =>
        db.integrityRecord.create({
          data: {
            subjectType: 'PERSON',
            personId: hand.practitioner.id,
            kind: 'BAD',
            categoryCode,
            title: `测试：${decisionNumber}`,
            description: '测试记录',
            decisionNumber,
            authorityId: authority.id,
            issuedBy: authority.name,
            decidedOn: day(from),
            publishFrom: day(from),
            publishUntil: day(until),
            points,
          },
        })
      const ended = await extra('BAD.PENALTY.MINOR', '琼建罚〔2025〕902号', '2025-12-15', '2026-06-15', -2)
      const upcoming = await extra('BAD.NOTICE.CRITICISM', '琼建通〔2026〕903号', '2026-06-16', '2026-12-16', -1)
      try {
        const today = (await explainPractitionerCredit(db, hand.practitioner.id, NOON))!
        const json = JSON.stringify(today)
        for (const r of [ended, upcoming]) {
          expect(json).not.toContain(r.id)
          expect(json).not.toContain(r.decisionNumber)
        }
        expect(today).toMatchObject({ score: 94, grade: 'B', noLongerPublic: 1 })
        expect(changes(today)).toEqual(e.next)
        // at 23:59 on its last public day the ended record is still public and counts: 100 − 5 − 1 − 2
        const lastDay = (await explainPractitionerCredit(db, hand.practitioner.id, new Date('2026-06-14T23:59:59+08:00')))!
        expect(lastDay.score).toBe(92)
        expect(lastDay.contributions.map((c) => c.record.decisionNumber)).toContain('琼建罚〔2025〕902号')
        // from 00:00 of its first day the upcoming one is public and counts: 100 − 5 − 1 − 1
        const firstDay = (await explainPractitionerCredit(db, hand.practitioner.id, new Date('2026-06-16T00:00:00+08:00')))!
        expect(firstDay.score).toBe(93)
        expect(firstDay.contributions.map((c) => c.record.decisionNumber)).toContain('琼建通〔2026〕903号')
      } finally {
        await db.integrityRecord.deleteMany({ where: { id: { in: [ended.id, upcoming.id] } } })
      }
    })

    it('shows no seeded practitioner’s ID number or phone, and answers null for unknown subjects', async () => {
      const person = await db.person.findFirstOrThrow({ where: { records: { some: {} }, phone: { not: null } }, orderBy: { id: 'asc' } })
      const credit = (await explainPractitionerCredit(db, person.id, NOON))!
      expect(credit.subject).toMatchObject({ type: 'PERSON', id: person.id, name: person.name })
      const json = JSON.stringify(credit)
      expect(json).not.toContain(person.idNumber)
      expect(json).not.toContain(person.phone!)
      expect(await explainPractitionerCredit(db, 'nobody', NOON)).toBeNull()
      expect(await explainEnterpriseCredit(db, '91460100MA5T00002P', NOON)).toBeNull()
    })
  })

  describe('查询我的信用等级', () => {
    it('finds an enterprise by USCC and explains it', async () => {
      const check = await checkCredit(db, { by: 'USCC', uscc: CAPPED.uscc }, NOON)
      expect(check.matches).toEqual([{ type: 'ENTERPRISE', uscc: CAPPED.uscc, name: CAPPED.name, enterpriseType: 'CONTRACTOR', enterpriseTypeLabel: expect.any(String), regionName: '海口市' }])
      expect(check.total).toBe(1)
      expect(check.credit).toMatchObject({ score: 118, grade: 'AAA' })
      expect(await checkCredit(db, { by: 'USCC', uscc: '91460100MA5T00002P' }, NOON)).toEqual({ matches: [], total: 0, credit: null })
    })

    it('finds by name, explaining only a single match', async () => {
      const one = await checkCredit(db, { by: 'NAME', name: '手算劳务' }, NOON)
      expect(one.matches.map((m) => m.name)).toEqual([LISTED.name])
      expect(one.credit).toMatchObject({ score: 110, grade: 'C' })
      const two = await checkCredit(db, { by: 'NAME', name: '海南手算' }, NOON)
      expect(two).toMatchObject({ total: 2, credit: null })
      expect(two.matches.map((m) => m.name)).toEqual([CAPPED.name, LISTED.name].sort())
      const common = await checkCredit(db, { by: 'NAME', name: '有限公司' }, NOON)
      expect(common.matches.length).toBeLessThanOrEqual(10)
      expect(common.total).toBeGreaterThan(common.matches.length)
      expect(common.credit).toBeNull()
    })

    it('finds a practitioner by registration number', async () => {
      const r = await db.registration.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { person: true } })
      const check = await checkCredit(db, { by: 'REGISTRATION', number: r.number }, NOON)
      expect(check.matches).toEqual([expect.objectContaining({ type: 'PERSON', id: r.personId, name: r.person.name, registrationNumber: r.number })])
      expect(check.credit?.subject).toMatchObject({ type: 'PERSON', id: r.personId })
    })
  })
})
