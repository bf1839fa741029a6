import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { makeUscc } from '@shared/validators/uscc'
import { enterpriseFiltersSchema, enterpriseListQuerySchema } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'
import { z } from 'zod'
import { keysetPageSchema, pageSchema } from '@web/server/lib/response-schemas'
import { subjectRecordSchema } from '@web/server/subjects/subjects-schemas'
import {
  enterpriseListItemSchema,
  enterpriseProfileSchema,
  enterpriseProjectSchema,
  enterpriseRegistrationSchema,
  type EnterpriseListItem,
} from './enterprises-schemas'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

const TEST_KEYS = createTestSigningKeys()

// Route handlers call connection(), which needs a Next request store; outside Next it is a no-op here.
vi.mock('next/server', () => ({ connection: async () => {} }))

const providers = await testProviders()
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
/** noon of 30 June 2026, Beijing time */
const AS_OF = new Date('2026-06-30T04:00:00Z')

// Our own rows on top of the seeded data, every field known.
const F = {
  track: { name: '海南测试业绩建工有限公司', uscc: makeUscc('91', '460100', 'MA5TTXT1') },
  twinA: { name: '海南测试同名建设有限公司', uscc: makeUscc('91', '460100', 'MA5TTXT2') },
  twinB: { name: '海南测试同名建设有限公司', uscc: makeUscc('91', '460200', 'MA5TTXT3') },
  outside: { name: '北京测试设计研究院有限公司', uscc: makeUscc('91', '110000', 'MA5TTXT4') },
  p1: '46010020250199901',
  p2: '46010020250299902',
  p3: '46010020250399903',
  permit: '460100202504019901',
}

async function addFixture(db: TestDatabase['db']) {
  const authority = await db.authority.findUniqueOrThrow({ where: { regionCode: '460100' } })
  const owner = await db.enterprise.findFirstOrThrow({ where: { type: 'OWNER' }, orderBy: { id: 'asc' } })
  const enterprise = (e: { name: string; uscc: string }, type: 'CONTRACTOR' | 'DESIGN', regionCode: string, inProvince = true) =>
    db.enterprise.create({
      data: { ...e, type, regionCode, inProvince, legalRepresentative: '王海', registeredAddress: '海口市龙华区测试路1号', registeredCapital: '5000.5', establishedOn: day('2010-03-01') },
    })
  const track = await enterprise(F.track, 'CONTRACTOR', '460100')
  await enterprise(F.twinA, 'CONTRACTOR', '460100')
  await enterprise(F.twinB, 'CONTRACTOR', '460200')
  await enterprise(F.outside, 'DESIGN', '110000', false)

  const qualification = (certificateNumber: string, category: string, validUntil: string) =>
    db.qualification.create({
      data: { enterpriseId: track.id, category, grade: '二级', certificateNumber, issuedBy: '海南省住房和城乡建设厅', issuedOn: day('2021-01-01'), validUntil: day(validUntil) },
    })
  await qualification('DTEST0001', '建筑工程施工总承包', '2030-12-31')
  await qualification('DTEST0002', '地基基础工程专业承包', '2025-12-31') // expired
  await qualification('DTEST0003', '市政公用工程施工总承包', '2026-06-30') // last valid day is today

  const project = (projectCode: string, name: string, registeredOn: string) =>
    db.project.create({
      data: { projectCode, name, address: '海口市测试路', regionCode: '460100', category: 'BUILDING', floorArea: 1000, investment: '3000', ownerId: owner.id, registeredOn: day(registeredOn) },
    })
  const p1 = await project(F.p1, '海口市测试业绩一号楼', '2025-01-10')
  const p2 = await project(F.p2, '海口市测试业绩二号楼', '2025-02-10')
  const p3 = await project(F.p3, '海口市测试合同备案项目', '2025-03-10')
  await db.projectParticipant.create({ data: { projectId: p1.id, enterpriseId: track.id, role: 'CONTRACTOR' } })
  await db.projectParticipant.create({ data: { projectId: p2.id, enterpriseId: track.id, role: 'DESIGN' } })
  // p3: the enterprise has a contract filing and a record there, but no role: not a track record
  await db.contractFiling.create({
    data: { projectId: p3.id, filingNumber: 'HT-TEST-9901', partyRole: 'CONTRACTOR', partyId: track.id, contractPrice: '1000', signedOn: day('2025-03-20'), filedOn: day('2025-03-25'), authorityId: authority.id },
  })

  const people = [
    await db.person.create({ data: { name: '测试甲', idNumber: '460100198001019915', gender: '男', phone: '13800009901', employerId: track.id } }),
    await db.person.create({ data: { name: '测试乙', idNumber: '460100198502029926', gender: '女', employerId: track.id } }),
  ]
  const registration = (personId: string, type: 'CONSTRUCTOR_1' | 'SAFETY_ENGINEER', number: string, validUntil: string) =>
    db.registration.create({ data: { personId, type, number, specialty: '建筑工程', employerId: track.id, issuedOn: day('2020-01-01'), validUntil: day(validUntil) } })
  await registration(people[0].id, 'CONSTRUCTOR_1', '琼146202099901', '2029-01-01')
  await registration(people[0].id, 'SAFETY_ENGINEER', '琼846202099901', '2026-01-01')
  await registration(people[1].id, 'CONSTRUCTOR_1', '琼146202099902', '2028-01-01')

  await db.constructionPermit.create({
    data: {
      projectId: p1.id,
      permitNumber: F.permit,
      regionCode: '460100',
      authorityId: authority.id,
      issuedOn: day('2025-04-01'),
      scale: '地上6层',
      contractPrice: '2800',
      plannedStartOn: day('2025-04-10'),
      plannedEndOn: day('2026-12-31'),
      contractorId: track.id,
      projectManagerId: people[0].id,
    },
  })

  const record = (
    kind: 'GOOD' | 'BAD',
    title: string,
    decidedOn: string,
    publishUntil: string,
    extra: { status?: 'WITHDRAWN'; projectId?: string; publishFrom?: string } = {},
  ) =>
    db.integrityRecord.create({
      data: {
        subjectType: 'ENTERPRISE',
        enterpriseId: track.id,
        kind,
        categoryCode: kind === 'GOOD' ? 'GOOD.COMMENDATION.CITY' : 'BAD.PENALTY.MINOR',
        title,
        description: `${title}的说明`,
        decisionNumber: `海口住建罚〔2026〕${title.length}号`,
        authorityId: authority.id,
        issuedBy: '海口市住房和城乡建设局',
        decidedOn: day(decidedOn),
        publishFrom: day(extra.publishFrom ?? decidedOn),
        publishUntil: day(publishUntil),
        points: kind === 'GOOD' ? 2 : -2,
        status: extra.status ?? 'ACTIVE',
        projectId: extra.projectId,
      },
    })
  await record('BAD', '测试公示中的处罚', '2026-03-11', '2026-09-11', { projectId: p3.id })
  await record('GOOD', '测试已期满的表彰', '2020-05-01', '2023-05-01')
  await record('BAD', '测试已撤回的处罚', '2026-02-01', '2026-08-01', { status: 'WITHDRAWN' })
  await record('BAD', '测试今日期满的处罚', '2025-12-30', '2026-06-30')
  await record('GOOD', '测试尚未公示的表彰', '2026-06-20', '2029-07-15', { publishFrom: '2026-07-15' })

  const grade = (asOf: string, value: string, computedAt: string) =>
    db.creditGrade.create({
      data: {
        id: `${track.id}:${asOf}`,
        subjectType: 'ENTERPRISE',
        enterpriseId: track.id,
        subjectClass: 'CONSTRUCTION',
        standardVersion: '2026.1',
        asOf: day(asOf),
        score: value === 'AA' ? 91.5 : 80,
        grade: value,
        computedAt: new Date(computedAt),
      },
    })
  await grade('2026-06-30', 'AA', '2026-07-01T01:00:00Z')
  await grade('2025-12-31', 'A', '2026-01-01T01:00:00Z')
}

/** Every enterprise as the database holds it, read without the repository: the ground truth. */
async function groundTruth(db: TestDatabase['db']) {
  return db.enterprise.findMany({ select: { uscc: true, name: true, type: true, regionCode: true, inProvince: true } })
}

type Repo = ReturnType<typeof createEnterprisesRepository>

async function allPages(repo: Repo, raw: Record<string, string>, pageSize = 100): Promise<EnterpriseListItem[]> {
  const items: EnterpriseListItem[] = []
  for (let page = 1; ; page++) {
    const result = await repo.listEnterprises(enterpriseListQuerySchema.parse({ ...raw, page: String(page), pageSize: String(pageSize) }))
    items.push(...result.items)
    if (page >= result.pageCount) {
      expect(items).toHaveLength(result.total)
      return items
    }
  }
}

async function exported(repo: Repo, raw: Record<string, string>, batchSize: number): Promise<EnterpriseListItem[]> {
  const items: EnterpriseListItem[] = []
  for await (const batch of repo.exportEnterprises(enterpriseFiltersSchema.parse(raw), batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize)
    items.push(...batch)
  }
  return items
}

describe.each(providers)('enterprises repository on %s', (provider) => {
  let t: TestDatabase
  let repo: Repo
  let truth: Awaited<ReturnType<typeof groundTruth>>

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
    await addFixture(t.db)
    repo = createEnterprisesRepository(t.db)
    truth = await groundTruth(t.db)
  })

  afterAll(async () => {
    await t?.drop()
  })

  describe('search', () => {
    it('finds enterprises by a part of the name', async () => {
      expect((await allPages(repo, { q: '测试业绩' })).map((e) => e.uscc)).toEqual([F.track.uscc])
      // a common part of seeded names: exactly those that contain it
      const items = await allPages(repo, { q: '建设' })
      expect(new Set(items.map((e) => e.uscc))).toEqual(new Set(truth.filter((e) => e.name.includes('建设')).map((e) => e.uscc)))
      expect(items.length).toBeGreaterThan(2)
    })

    it('finds an enterprise by its whole USCC, typed in lower case or full width', async () => {
      const fullWidth = [...F.track.uscc].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
      for (const q of [F.track.uscc, F.track.uscc.toLowerCase(), ` ${fullWidth} `]) {
        expect((await allPages(repo, { q })).map((e) => e.uscc)).toEqual([F.track.uscc])
      }
      // and by a part of it, like any code field (issue 15: substring search on codes)
      expect((await allPages(repo, { q: F.track.uscc.slice(6, 14).toLowerCase() })).map((e) => e.uscc)).toContain(F.track.uscc)
    })

    it('never lets LIKE wildcards match everything (text-search.ts cuts the term at them)', async () => {
      expect(await allPages(repo, { q: '%' })).toEqual([])
      expect(await allPages(repo, { q: '_' })).toEqual([])
      expect((await allPages(repo, { q: '测试%业绩' })).map((e) => e.uscc)).toEqual([F.track.uscc])
    })
  })

  describe('each filter narrows to exactly the matching enterprises', () => {
    const cases: [string, Record<string, string>, (e: Awaited<ReturnType<typeof groundTruth>>[number]) => boolean][] = [
      ['type', { type: 'CONTRACTOR' }, (e) => e.type === 'CONTRACTOR'],
      ['a Hainan region', { region: '460100' }, (e) => e.regionCode === '460100'],
      ['the province itself', { region: '460000' }, (e) => e.regionCode === '460000'],
      ['an out-of-province city', { region: '110000' }, (e) => e.regionCode === '110000'],
      ['in province', { scope: 'IN' }, (e) => e.inProvince],
      ['out of province', { scope: 'OUT' }, (e) => !e.inProvince],
      ['type and scope', { type: 'DESIGN', scope: 'OUT' }, (e) => e.type === 'DESIGN' && !e.inProvince],
      ['name and region', { q: '测试同名', region: '460200' }, (e) => e.name.includes('测试同名') && e.regionCode === '460200'],
    ]
    it.each(cases)('%s', async (_label, raw, keep) => {
      const expected = truth.filter(keep).map((e) => e.uscc)
      const items = await allPages(repo, raw)
      expect(new Set(items.map((e) => e.uscc))).toEqual(new Set(expected))
      expect(items).toHaveLength(expected.length)
    })
  })

  it('pages by name then id: pages never overlap, and the export walks the same order by keyset', async () => {
    const paged = await allPages(repo, {}, 7)
    expect(paged).toHaveLength(truth.length)
    expect(new Set(paged.map((e) => e.uscc)).size).toBe(truth.length)
    // names never go backwards in the database's own order; equal names are adjacent
    const twins = paged.map((e, i) => [e.uscc, i] as const).filter(([uscc]) => uscc === F.twinA.uscc || uscc === F.twinB.uscc)
    expect(twins).toHaveLength(2)
    expect(Math.abs(twins[0][1] - twins[1][1])).toBe(1)
    expect((await exported(repo, {}, 4)).map((e) => e.uscc)).toEqual(paged.map((e) => e.uscc))
    expect((await exported(repo, { scope: 'OUT' }, 3)).map((e) => e.uscc)).toEqual((await allPages(repo, { scope: 'OUT' }, 5)).map((e) => e.uscc))
  })

  describe('profile', () => {
    it('has the register facts, qualifications with expiry, counts and the latest stored grade', async () => {
      const profile = await repo.getEnterprise(F.track.uscc, AS_OF)
      expect(profile).toMatchObject({
        uscc: F.track.uscc,
        name: F.track.name,
        type: 'CONTRACTOR',
        regionCode: '460100',
        regionName: '海口市',
        inProvince: true,
        legalRepresentative: '王海',
        registeredAddress: '海口市龙华区测试路1号',
        registeredCapital: 5000.5,
        establishedOn: '2010-03-01',
        asOf: '2026-06-30',
        counts: {
          employees: 2,
          registeredPractitioners: 2,
          registrations: 3,
          projects: { OWNER: 0, SURVEY: 0, DESIGN: 1, CONTRACTOR: 1, SUPERVISOR: 0, total: 2 },
          // only 测试公示中的处罚 is public today: the others ended, are withdrawn or not yet public
          records: { total: 1, good: 0, bad: 1, public: 1 },
        },
        creditGrade: { grade: 'AA', score: 91.5, asOf: '2026-06-30', standardVersion: '2026.1', blacklisted: false, computedAt: '2026-07-01T01:00:00.000Z' },
      })
      expect(profile!.qualifications.map((q) => [q.certificateNumber, q.validUntil, q.expired])).toEqual([
        ['DTEST0001', '2030-12-31', false],
        ['DTEST0003', '2026-06-30', false],
        ['DTEST0002', '2025-12-31', true],
      ])
    })

    it('says the grade is not assessed when none is stored', async () => {
      expect((await repo.getEnterprise(F.twinA.uscc, AS_OF))!.creditGrade).toBeNull()
    })

    it('answers exactly what the response schemas describe: no field missing, none extra', async () => {
      const exact = (schema: z.ZodType, value: unknown) => expect(schema.parse(value)).toEqual(value)
      exact(enterpriseProfileSchema, await repo.getEnterprise(F.track.uscc, AS_OF))
      exact(keysetPageSchema(enterpriseListItemSchema), await repo.listEnterprises(enterpriseListQuerySchema.parse({ q: '测试' })))
      exact(pageSchema(enterpriseProjectSchema), await repo.listEnterpriseProjects(F.track.uscc, { page: 1, pageSize: 20 }))
      exact(pageSchema(enterpriseRegistrationSchema), await repo.listEnterpriseRegistrations(F.track.uscc, { page: 1, pageSize: 20 }, AS_OF))
      exact(pageSchema(subjectRecordSchema), await repo.listEnterpriseRecords(F.track.uscc, { page: 1, pageSize: 20 }, AS_OF))
    })

    it('is null for an unknown USCC, and so are its sub-lists', async () => {
      const unknown = makeUscc('91', '460100', 'MA5TNUL1')
      expect(await repo.getEnterprise(unknown)).toBeNull()
      expect(await repo.listEnterpriseProjects(unknown, { page: 1, pageSize: 20 })).toBeNull()
      expect(await repo.listEnterpriseRecords(unknown, { page: 1, pageSize: 20 })).toBeNull()
      expect(await repo.listEnterpriseRegistrations(unknown, { page: 1, pageSize: 20 })).toBeNull()
    })
  })

  describe('track record', () => {
    it('lists only the platform projects on which the enterprise has a role, latest first, with the permit if any', async () => {
      const page = await repo.listEnterpriseProjects(F.track.uscc, { page: 1, pageSize: 20 })
      expect(page).toEqual({
        items: [
          { role: 'DESIGN', projectCode: F.p2, projectName: '海口市测试业绩二号楼', category: 'BUILDING', regionCode: '460100', regionName: '海口市', registeredOn: '2025-02-10', permit: null },
          {
            role: 'CONTRACTOR',
            projectCode: F.p1,
            projectName: '海口市测试业绩一号楼',
            category: 'BUILDING',
            regionCode: '460100',
            regionName: '海口市',
            registeredOn: '2025-01-10',
            permit: { permitNumber: F.permit, issuedOn: '2025-04-01', status: 'ACTIVE' },
          },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
        pageCount: 1,
      })
      const contractor = await repo.listEnterpriseProjects(F.track.uscc, { role: 'CONTRACTOR', page: 1, pageSize: 20 })
      expect(contractor!.items.map((p) => p.projectCode)).toEqual([F.p1])
    })

    it('of a busy seeded enterprise is exactly its participations, paged without overlap', async () => {
      const busiest = await t.db.projectParticipant.groupBy({ by: ['enterpriseId'], _count: { _all: true }, orderBy: { _count: { enterpriseId: 'desc' } }, take: 1 })
      const enterprise = await t.db.enterprise.findUniqueOrThrow({ where: { id: busiest[0].enterpriseId } })
      const expected = await t.db.projectParticipant.findMany({ where: { enterpriseId: enterprise.id }, select: { role: true, project: { select: { projectCode: true } } } })
      expect(expected.length).toBeGreaterThan(10)
      const seen: string[] = []
      for (let page = 1; ; page++) {
        const result = (await repo.listEnterpriseProjects(enterprise.uscc, { page, pageSize: 7 }))!
        seen.push(...result.items.map((p) => `${p.role}:${p.projectCode}`))
        for (let i = 1; i < result.items.length; i++) expect(result.items[i - 1].registeredOn >= result.items[i].registeredOn).toBe(true)
        if (page >= result.pageCount) break
      }
      expect(new Set(seen).size).toBe(seen.length)
      expect(new Set(seen)).toEqual(new Set(expected.map((p) => `${p.role}:${p.project.projectCode}`)))
    })
  })

  it('lists the registrations held at the enterprise by holder name, with expiry', async () => {
    const page = await repo.listEnterpriseRegistrations(F.track.uscc, { page: 1, pageSize: 20 }, AS_OF)
    const rows = page!.items.map((r) => [r.personName, r.type, r.number, r.validUntil, r.expired])
    // which of 甲 and 乙 comes first depends on the collation (code point or pinyin); one holder's rows stay together
    const jia = [
      ['测试甲', 'CONSTRUCTOR_1', '琼146202099901', '2029-01-01', false],
      ['测试甲', 'SAFETY_ENGINEER', '琼846202099901', '2026-01-01', true],
    ]
    const yi = [['测试乙', 'CONSTRUCTOR_1', '琼146202099902', '2028-01-01', false]]
    expect([[...jia, ...yi], [...yi, ...jia]]).toContainEqual(rows)
    expect(JSON.stringify(page)).not.toMatch(/460100198001019915|13800009901/)
  })

  describe('integrity records', () => {
    /** An instant in Beijing time. */
    const beijing = (iso: string) => new Date(`${iso}+08:00`)
    const titlesAt = async (asOf: Date, kind?: 'GOOD' | 'BAD') =>
      (await repo.listEnterpriseRecords(F.track.uscc, { page: 1, pageSize: 20, ...(kind ? { kind } : {}) }, asOf))!.items.map((r) => r.title)

    it('lists only the records public today, newest decision first', async () => {
      const page = await repo.listEnterpriseRecords(F.track.uscc, { page: 1, pageSize: 20 }, AS_OF)
      expect(page!.items.map((r) => [r.title, r.kind, r.decidedOn, r.publishFrom, r.lastPublicDay, r.status, r.publication, r.isPublic])).toEqual([
        ['测试公示中的处罚', 'BAD', '2026-03-11', '2026-03-11', '2026-09-10', 'ACTIVE', 'PUBLIC', true],
      ])
      expect(page).toMatchObject({ total: 1, pageCount: 1 })
      expect(page!.items[0]).toMatchObject({
        categoryCode: 'BAD.PENALTY.MINOR',
        categoryLabel: '一般行政处罚',
        issuedBy: '海口市住房和城乡建设局',
        points: -2,
        project: { projectCode: F.p3, name: '海口市测试合同备案项目' },
      })
    })

    it('keeps a record through 23:59 Beijing time of its last public day and drops it at 00:00 of the next', async () => {
      // 测试今日期满的处罚: publishUntil 2026-06-30, so its last public day is 2026-06-29
      expect(await titlesAt(beijing('2026-06-29T23:59:59'))).toContain('测试今日期满的处罚')
      expect(await titlesAt(beijing('2026-06-30T00:00:00'))).not.toContain('测试今日期满的处罚')
    })

    it('shows a record from 00:00 Beijing time of its first public day, not a minute before', async () => {
      // 测试尚未公示的表彰: publishFrom 2026-07-15
      expect(await titlesAt(beijing('2026-07-14T23:59:59'))).not.toContain('测试尚未公示的表彰')
      expect(await titlesAt(beijing('2026-07-15T00:00:00'))).toContain('测试尚未公示的表彰')
    })

    it('never shows a withdrawn record, on any day of its period', async () => {
      for (const at of ['2026-02-01T00:00:00', '2026-05-01T12:00:00', '2026-07-31T23:59:59']) {
        expect(await titlesAt(beijing(at))).not.toContain('测试已撤回的处罚')
      }
    })

    it('counts on the profile exactly what it lists, at every boundary', async () => {
      for (const at of ['2026-06-29T23:59:59', '2026-06-30T00:00:00', '2026-07-14T23:59:59', '2026-07-15T00:00:00', '2026-09-10T23:59:59', '2026-09-11T00:00:00']) {
        const asOf = beijing(at)
        const counts = (await repo.getEnterprise(F.track.uscc, asOf))!.counts.records
        const all = (await repo.listEnterpriseRecords(F.track.uscc, { page: 1, pageSize: 20 }, asOf))!
        expect([counts.total, counts.good, counts.bad, counts.public], at).toEqual([
          all.total,
          (await titlesAt(asOf, 'GOOD')).length,
          (await titlesAt(asOf, 'BAD')).length,
          all.total,
        ])
        expect(all.items).toHaveLength(all.total)
      }
      // on 2026-07-15 both the running penalty and the new commendation are public
      expect((await repo.getEnterprise(F.track.uscc, beijing('2026-07-15T00:00:00')))!.counts.records).toEqual({ total: 2, good: 1, bad: 1, public: 2 })
    })

    it('can be narrowed to one kind and paged', async () => {
      const asOf = beijing('2026-07-20T12:00:00')
      expect(await titlesAt(asOf, 'GOOD')).toEqual(['测试尚未公示的表彰'])
      const second = await repo.listEnterpriseRecords(F.track.uscc, { page: 2, pageSize: 1 }, asOf)
      expect(second).toMatchObject({ total: 2, page: 2, pageCount: 2 })
      expect(second!.items.map((r) => r.title)).toEqual(['测试公示中的处罚'])
    })
  })

  describe('API route handlers', () => {
    const call = async (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>, url: string, params: Record<string, string> = {}) =>
      handler(new Request(`http://portal.test${url}`), { params: Promise.resolve(params) })

    beforeAll(() => {
      ;(globalThis as { __portalDb?: unknown }).__portalDb = t.db
    })
    afterAll(() => {
      delete (globalThis as { __portalDb?: unknown }).__portalDb
    })

    it('answer the list, the profile (lower case accepted) and the sub-resources', async () => {
      const list = await call((await import('@web/app/api/v1/enterprises/route')).GET as never, `/api/v1/enterprises?q=${encodeURIComponent('测试同名')}&pageSize=1`)
      expect(list.status).toBe(200)
      expect(await list.json()).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 })

      const detail = await call((await import('@web/app/api/v1/enterprises/[uscc]/route')).GET as never, '', { uscc: F.track.uscc.toLowerCase() })
      expect(detail.status).toBe(200)
      expect(await detail.json()).toMatchObject({ uscc: F.track.uscc, counts: { projects: { total: 2 } } })

      const projects = await call((await import('@web/app/api/v1/enterprises/[uscc]/projects/route')).GET as never, '?role=CONTRACTOR', { uscc: F.track.uscc })
      expect((await projects.json()).items.map((p: { projectCode: string }) => p.projectCode)).toEqual([F.p1])
      // the route reads the clock: on AS_OF only one of the three bad records is public
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(AS_OF)
      try {
        const records = await call((await import('@web/app/api/v1/enterprises/[uscc]/records/route')).GET as never, '?kind=BAD', { uscc: F.track.uscc })
        expect((await records.json()).items.map((r: { title: string }) => r.title)).toEqual(['测试公示中的处罚'])
      } finally {
        vi.useRealTimers()
      }
      const registrations = await call((await import('@web/app/api/v1/enterprises/[uscc]/registrations/route')).GET as never, '', { uscc: F.track.uscc })
      expect((await registrations.json()).total).toBe(3)
    })

    it('answer a malformed USCC with 400 naming it, an unknown one with 404, a bad filter with 400', async () => {
      const detail = (await import('@web/app/api/v1/enterprises/[uscc]/route')).GET as never
      const bad = await call(detail, '', { uscc: '91460100' })
      expect(bad.status).toBe(400)
      expect((await bad.json()).error.issues).toEqual([{ parameter: 'uscc', message: '统一社会信用代码应为18位' }])
      const unknown = await call(detail, '', { uscc: makeUscc('91', '460100', 'MA5TNUL1') })
      expect(unknown.status).toBe(404)
      expect((await unknown.json()).error.code).toBe('not_found')
      const projects = (await import('@web/app/api/v1/enterprises/[uscc]/projects/route')).GET as never
      expect((await call(projects, '', { uscc: makeUscc('91', '460100', 'MA5TNUL1') })).status).toBe(404)
      const list = await call((await import('@web/app/api/v1/enterprises/route')).GET as never, '/api/v1/enterprises?scope=ABROAD')
      expect(list.status).toBe(400)
      expect((await list.json()).error.issues[0].parameter).toBe('scope')
    })

    it('export CSV and JSON of the filtered list', async () => {
      const handler = (await import('@web/app/api/v1/enterprises/export/route')).GET as never
      const csv = await call(handler, `/api/v1/enterprises/export?q=${encodeURIComponent('测试同名')}`)
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const lines = (await csv.text()).trim().split('\n')
      expect(lines).toHaveLength(3)
      expect(lines[1]).toContain('海南测试同名建设有限公司')
      const json = await call(handler, `/api/v1/enterprises/export?format=json&scope=OUT&q=${encodeURIComponent('北京测试')}`)
      expect(await json.json()).toEqual([
        {
          uscc: F.outside.uscc,
          name: F.outside.name,
          type: 'DESIGN',
          regionCode: '110000',
          regionName: '北京市',
          inProvince: false,
          legalRepresentative: '王海',
          registeredAddress: '海口市龙华区测试路1号',
          registeredCapital: 5000.5,
          establishedOn: '2010-03-01',
        },
      ])
    })
  })
})
