// The public credit-grade reads on both databases: the ranking and its filters read the latest
// stored snapshots in a stable order (pages and export agree), the blacklist shows listings in force
// with their grounds' records, and a subject's explanation is the engine's own answer for the day,
// with the stored history and a check that the stored grade still agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { CURRENT_STANDARD, scoreSubject, scoringRecordFromRow } from '@shared/scoring'
import { isPublicOn } from '@shared/records/publication'
import type { Db } from '@web/lib/db'
import { recomputeSubjectGrade } from './recompute-grades'
import { blacklistFiltersSchema, blacklistListQuerySchema, creditGradeFiltersSchema, creditGradeListQuerySchema } from './credit-queries'
import { createCreditGradesRepository, type CreditGradeListItem } from './credit-grades-repository'

const providers = await testProviders()
const AS_OF = '2026-06-30'
/** noon Beijing time of AS_OF: the repositories read the China calendar day of an instant */
const NOON = new Date(`${AS_OF}T12:00:00+08:00`)
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const keyOf = (item: Pick<CreditGradeListItem, 'subject'>) => (item.subject.type === 'ENTERPRISE' ? item.subject.uscc : item.subject.id)

type Repo = ReturnType<typeof createCreditGradesRepository>

async function allPages(repo: Repo, raw: Record<string, string>): Promise<CreditGradeListItem[]> {
  const items: CreditGradeListItem[] = []
  for (let page = 1; ; page++) {
    const result = await repo.listCreditGrades(creditGradeListQuerySchema.parse({ ...raw, page: String(page), pageSize: '100' }))
    items.push(...result.items)
    if (page >= result.pageCount) {
      expect(items).toHaveLength(result.total)
      return items
    }
  }
}

async function exported(repo: Repo, raw: Record<string, string>, batchSize: number): Promise<CreditGradeListItem[]> {
  const items: CreditGradeListItem[] = []
  for await (const batch of repo.exportCreditGrades(creditGradeFiltersSchema.parse(raw), batchSize)) items.push(...batch)
  return items
}

/** A 转包/出借资质 record (a blacklist ground) for an enterprise, public from `from`. */
async function lendingRecord(db: Db, enterpriseId: string, from: string) {
  const authority = await db.authority.findFirstOrThrow({ orderBy: { regionCode: 'asc' } })
  return db.integrityRecord.create({
    data: {
      subjectType: 'ENTERPRISE',
      enterpriseId,
      kind: 'BAD',
      categoryCode: 'BAD.CONTRACT.TRANSFER_OR_LEND',
      title: '测试：允许其他单位以本单位名义承揽工程',
      description: '测试记录',
      decisionNumber: '琼建罚〔2026〕901号',
      authorityId: authority.id,
      issuedBy: authority.name,
      decidedOn: day(from),
      publishFrom: day(from),
      publishUntil: day(`${Number(from.slice(0, 4)) + 3}${from.slice(4)}`),
      points: -10,
    },
  })
}

describe.each(providers)('credit-grades repository on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let repo: Repo

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'credit', asOf: AS_OF })
    repo = createCreditGradesRepository(db)
  })
  afterAll(async () => {
    await t?.drop()
  })

  describe('the ranking', () => {
    it('lists every subject once, score high to low then id, and the export agrees', async () => {
      const subjects = (await db.enterprise.count()) + (await db.person.count())
      const items = await allPages(repo, {})
      expect(items).toHaveLength(subjects)
      expect(new Set(items.map(keyOf)).size).toBe(subjects)
      for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score)
      expect(items.every((i) => i.asOf === AS_OF && i.standardVersion === CURRENT_STANDARD.version)).toBe(true)
      expect((await exported(repo, {}, 37)).map(keyOf)).toEqual(items.map(keyOf))
      // the demo data has more than one grade, so the order is not trivial
      expect(new Set(items.map((i) => i.grade)).size).toBeGreaterThan(1)
    })

    it('filters by grade, class, type, region and name, agreeing with the unfiltered list', async () => {
      const all = await allPages(repo, {})
      const check = async (raw: Record<string, string>, keep: (i: CreditGradeListItem) => boolean) => {
        const filtered = await allPages(repo, raw)
        expect(filtered.map(keyOf), JSON.stringify(raw)).toEqual(all.filter(keep).map(keyOf))
        return filtered
      }
      const grade = all.find((i) => i.grade !== 'A')!.grade
      expect((await check({ grade }, (i) => i.grade === grade)).length).toBeGreaterThan(0)
      expect((await check({ subjectClass: 'CONSTRUCTION' }, (i) => i.subjectClass === 'CONSTRUCTION')).length).toBeGreaterThan(0)
      expect((await check({ subjectType: 'PERSON' }, (i) => i.subject.type === 'PERSON')).length).toBeGreaterThan(0)
      expect((await check({ region: '460100' }, (i) => i.regionCode === '460100')).some((i) => i.subject.type === 'PERSON')).toBe(true)
      await check({ blacklisted: 'NO' }, (i) => !i.blacklisted)
      const someone = all.find((i) => i.subject.type === 'ENTERPRISE')!
      const found = await allPages(repo, { q: someone.subject.type === 'ENTERPRISE' ? someone.subject.uscc : '' })
      expect(found.map(keyOf)).toEqual([keyOf(someone)])
    })

    it('shows practitioners by name and portal id only', async () => {
      const people = await allPages(repo, { subjectType: 'PERSON' })
      const json = JSON.stringify(people)
      const person = await db.person.findFirstOrThrow({ where: { phone: { not: null } } })
      expect(json).not.toContain(person.idNumber)
      expect(json).not.toContain(person.phone!)
      expect(Object.keys(people[0].subject).sort()).toEqual(['employerName', 'id', 'name', 'type'])
    })

    it('names the days of the stored grades', async () => {
      expect(await repo.latestGradeDays()).toEqual({ from: AS_OF, to: AS_OF })
    })
  })

  describe('the blacklist and one subject’s explanation', () => {
    let enterprise: { id: string; uscc: string }
    let recordId: string

    beforeAll(async () => {
      enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'asc' }, select: { id: true, uscc: true } })
      recordId = (await lendingRecord(db, enterprise.id, '2026-03-02')).id
      await recomputeSubjectGrade(db, { type: 'ENTERPRISE', id: enterprise.id }, AS_OF)
    })

    it('lists the subject with its ground, the record behind it, and the listing dates', async () => {
      const page = await repo.listBlacklist(blacklistListQuerySchema.parse({}), NOON)
      const entry = page.items.find((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc === enterprise.uscc)
      expect(entry).toMatchObject({ listedOn: '2026-03-02', removableOn: '2027-03-02', grade: 'C' })
      expect(entry!.grounds).toEqual([
        {
          code: 'TRANSFER_OR_LEND',
          label: '转包、出借资质',
          since: '2026-03-02',
          until: '2027-03-02',
          records: [expect.objectContaining({ id: recordId, decisionNumber: '琼建罚〔2026〕901号', categoryLabel: '转包、出借资质', lastPublicDay: '2029-03-01' })],
        },
      ])
      const exportedEntries = []
      for await (const batch of repo.exportBlacklist(blacklistFiltersSchema.parse({}), NOON, 1)) exportedEntries.push(...batch)
      expect(exportedEntries).toEqual(page.items)
      // the ranking's blacklist filter finds the same subjects
      expect((await allPages(repo, { blacklisted: 'YES' })).map(keyOf).sort()).toEqual(page.items.map(keyOf).sort())
    })

    it('drops a listing once its removal day has come, even before the next recompute', async () => {
      const later = await repo.listBlacklist(blacklistListQuerySchema.parse({}), new Date('2027-03-02T12:00:00+08:00'))
      expect(later.items.some((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc === enterprise.uscc)).toBe(false)
    })

    it('explains the grade with the engine’s own numbers, record by record', async () => {
      const credit = (await repo.getEnterpriseCredit(enterprise.uscc, NOON))!
      const records = await db.integrityRecord.findMany({ where: { enterpriseId: enterprise.id } })
      const e = await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } })
      // the explanation is the engine's answer on the records public that day
      const publicRecords = records.map(scoringRecordFromRow).filter((r) => isPublicOn(r, AS_OF))
      const live = scoreSubject({ id: e.id, subjectType: 'ENTERPRISE', enterpriseType: e.type, records: publicRecords }, CURRENT_STANDARD, AS_OF)
      expect(credit).toMatchObject({ asOf: AS_OF, score: live.score, grade: 'C', gradeLabel: live.gradeLabel, subjectClass: 'CONSTRUCTION', breakdown: live.breakdown })
      expect(credit.contributions.map((c) => [c.record.id, c.points, c.countsUntil])).toEqual(live.contributions.map((c) => [c.recordId, c.points, c.countsUntil]))
      expect(credit.contributions.find((c) => c.record.id === recordId)).toMatchObject({ points: -10, rule: { code: 'BAD.CONTRACT.TRANSFER_OR_LEND' }, lastCountingDay: '2029-03-01' })
      expect(credit.blacklist).toMatchObject({ listed: true, listedOn: '2026-03-02', removableOn: '2027-03-02' })
      expect(credit.blacklist.grounds[0].records.map((r) => r.id)).toEqual([recordId])
      expect(credit.supervision.inspectionsPerQuarter).toBe(6)
      expect(credit.nextChanges.map((c) => c.date)).toEqual(live.nextChanges.map((c) => c.date))
      expect(credit.nextChanges.find((c) => c.date === '2027-03-02')?.causes.map((c) => c.type)).toContain('BLACKLIST_REMOVED')
      // history: the seed's thirteen days, oldest first, the last one the recompute above
      expect(credit.history).toHaveLength(13)
      expect(credit.history.at(-1)).toMatchObject({ asOf: AS_OF, grade: 'C', blacklisted: true })
      expect(credit.history.map((h) => h.asOf)).toEqual([...credit.history.map((h) => h.asOf)].sort())
      expect(credit.stored).toMatchObject({ asOf: AS_OF, grade: 'C', agrees: true })
    })

    it('says when the stored grade no longer agrees with the records', async () => {
      const before = (await repo.getEnterpriseCredit(enterprise.uscc, NOON))!
      await db.integrityRecord.update({ where: { id: recordId }, data: { status: 'WITHDRAWN' } })
      const credit = (await repo.getEnterpriseCredit(enterprise.uscc, NOON))!
      expect(credit.blacklist.listed).toBe(false)
      expect(credit.stored).toMatchObject({ grade: 'C', agrees: false })
      // withdrawn: no longer public, so only counted, never named
      expect(JSON.stringify(credit)).not.toContain(recordId)
      expect(JSON.stringify(credit)).not.toContain('琼建罚〔2026〕901号')
      expect(credit.noLongerPublic).toBe(before.noLongerPublic + 1)
      // nor on the blacklist, whose stored grounds still name it until the next recompute
      const listed = await repo.listBlacklist(blacklistListQuerySchema.parse({}), NOON)
      expect(JSON.stringify(listed)).not.toContain(recordId)
      await db.integrityRecord.update({ where: { id: recordId }, data: { status: 'ACTIVE' } })
    })

    it('names no record that is not public today, and counts those that no longer are', async () => {
      const authority = await db.authority.findFirstOrThrow({ orderBy: { regionCode: 'asc' } })
      const extra = (decisionNumber: string, from: string, until: string) =>
        db.integrityRecord.create({
          data: {
            subjectType: 'ENTERPRISE',
            enterpriseId: enterprise.id,
            kind: 'BAD',
            categoryCode: 'BAD.PENALTY.MINOR',
            title: `测试：${decisionNumber}`,
            description: '测试记录',
            decisionNumber,
            authorityId: authority.id,
            issuedBy: authority.name,
            decidedOn: day(from),
            publishFrom: day(from),
            publishUntil: day(until),
            points: -2,
          },
        })
      const before = (await repo.getEnterpriseCredit(enterprise.uscc, NOON))!
      // last public day 2026-06-29; and one public from the day after AS_OF
      const ended = await extra('琼建罚〔2026〕902号', '2025-12-30', '2026-06-30')
      const upcoming = await extra('琼建罚〔2026〕903号', '2026-07-01', '2027-01-01')
      try {
        const credit = (await repo.getEnterpriseCredit(enterprise.uscc, NOON))!
        const json = JSON.stringify(credit)
        for (const r of [ended, upcoming]) {
          expect(json).not.toContain(r.id)
          expect(json).not.toContain(r.decisionNumber)
        }
        expect(credit.noLongerPublic).toBe(before.noLongerPublic + 1)
        expect([credit.score, credit.grade, credit.nextChanges]).toEqual([before.score, before.grade, before.nextChanges])
        // at 23:59 on its last public day the ended record is still public, and counts
        const lastDay = (await repo.getEnterpriseCredit(enterprise.uscc, new Date('2026-06-29T23:59:59+08:00')))!
        expect(lastDay.contributions.map((c) => c.record.decisionNumber)).toContain('琼建罚〔2026〕902号')
        // from 00:00 of its first day the upcoming one is public, and counts
        const firstDay = (await repo.getEnterpriseCredit(enterprise.uscc, new Date('2026-07-01T00:00:00+08:00')))!
        expect(firstDay.contributions.map((c) => c.record.decisionNumber)).toContain('琼建罚〔2026〕903号')
      } finally {
        await db.integrityRecord.deleteMany({ where: { id: { in: [ended.id, upcoming.id] } } })
      }
    })

    it('explains a practitioner without private data, and answers null for unknown subjects', async () => {
      const person = await db.person.findFirstOrThrow({ where: { records: { some: {} }, phone: { not: null } }, orderBy: { id: 'asc' } })
      const credit = (await repo.getPractitionerCredit(person.id, NOON))!
      expect(credit.subjectClass).toBe('PRACTITIONER')
      expect(credit.subject).toMatchObject({ type: 'PERSON', id: person.id, name: person.name })
      const json = JSON.stringify(credit)
      expect(json).not.toContain(person.idNumber)
      expect(json).not.toContain(person.phone!)
      expect(await repo.getPractitionerCredit('nobody', NOON)).toBeNull()
      expect(await repo.getEnterpriseCredit('91460100MA5T00002P', NOON)).toBeNull()
    })
  })

  describe('查询我的信用等级', () => {
    it('finds an enterprise by USCC or name and a practitioner by registration number', async () => {
      const e = await db.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' } })
      expect(await repo.findCreditSubjects({ by: 'USCC', uscc: e.uscc })).toEqual({ matches: [expect.objectContaining({ type: 'ENTERPRISE', uscc: e.uscc, name: e.name })], total: 1 })
      const byName = await repo.findCreditSubjects({ by: 'NAME', name: e.name })
      expect(byName.matches.map((m) => m.name)).toContain(e.name)
      const r = await db.registration.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { person: true } })
      expect(await repo.findCreditSubjects({ by: 'REGISTRATION', number: r.number })).toEqual({
        matches: [expect.objectContaining({ type: 'PERSON', id: r.personId, name: r.person.name, registrationNumber: r.number })],
        total: 1,
      })
      expect(await repo.findCreditSubjects({ by: 'USCC', uscc: '91460100MA5T00002P' })).toEqual({ matches: [], total: 0 })
      const common = await repo.findCreditSubjects({ by: 'NAME', name: '有限公司' })
      expect(common.matches.length).toBeLessThanOrEqual(10)
      expect(common.total).toBeGreaterThan(common.matches.length)
    })
  })
})
