import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { completionFilingFiltersSchema, completionFilingListQuerySchema, type CompletionFilingFilters } from './completion-filing-queries'
import { createCompletionFilingsRepository } from './completion-filings-repository'
import type { CompletionFilingListItem } from './completion-filings-schemas'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

const TEST_KEYS = createTestSigningKeys()

const providers = await testProviders()
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

// A project of our own on top of the seeded data: every field known, one filing revoked.
const F = {
  projectCode: '46010020240199901',
  projectName: '海口市测试滨江花园项目',
  owner: { name: '海南测试置业有限公司', uscc: '91460100TEST00001A' },
  survey: { name: '海南测试勘察院有限公司', uscc: '91460100TEST00002B' },
  design: { name: '海南测试设计院有限公司', uscc: '91460100TEST00003C' },
  contractor: { name: '海南测试建工集团有限公司', uscc: '91460100TEST00004D' },
  supervisor: { name: '海南测试监理有限公司', uscc: '91460100TEST00005E' },
  active: 'JB460100202512309901',
  revoked: 'JB460100202511109901',
  revokedPermit: '460100202405069901',
  activePermit: '460100202406039901',
}

async function addFixture(db: TestDatabase['db']) {
  const authority = await db.authority.findUniqueOrThrow({ where: { regionCode: '460100' } })
  const enterprise = (e: { name: string; uscc: string }, type: 'OWNER' | 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR') =>
    db.enterprise.create({
      data: { ...e, type, regionCode: '460100', inProvince: true, legalRepresentative: '王海', registeredAddress: '海口市龙华区', registeredCapital: '5000', establishedOn: day('2010-03-01') },
    })
  const owner = await enterprise(F.owner, 'OWNER')
  const survey = await enterprise(F.survey, 'SURVEY')
  const design = await enterprise(F.design, 'DESIGN')
  const contractor = await enterprise(F.contractor, 'CONTRACTOR')
  const supervisor = await enterprise(F.supervisor, 'SUPERVISOR')
  const manager = await db.person.create({ data: { name: '陈测试', idNumber: '46010019800101999X', gender: '男', employerId: contractor.id } })
  const project = await db.project.create({
    data: {
      projectCode: F.projectCode,
      name: F.projectName,
      address: '海口市美兰区测试路1号',
      regionCode: '460100',
      category: 'BUILDING',
      floorArea: 23000,
      investment: '15000',
      ownerId: owner.id,
      registeredOn: day('2024-01-15'),
    },
  })
  for (const [e, role] of [[owner, 'OWNER'], [survey, 'SURVEY'], [design, 'DESIGN'], [contractor, 'CONTRACTOR'], [supervisor, 'SUPERVISOR']] as const) {
    await db.projectParticipant.create({ data: { projectId: project.id, enterpriseId: e.id, role } })
  }
  const permit = (permitNumber: string, issuedOn: string, revoked: boolean) =>
    db.constructionPermit.create({
      data: {
        projectId: project.id,
        permitNumber,
        regionCode: '460100',
        authorityId: authority.id,
        issuedOn: day(issuedOn),
        scale: '地上18层 地下2层',
        floorArea: 23000,
        contractPrice: '11000',
        plannedStartOn: day(issuedOn),
        plannedEndOn: day('2025-12-01'),
        contractorId: contractor.id,
        supervisorId: supervisor.id,
        projectManagerId: manager.id,
        ...(revoked ? { status: 'REVOKED' as const, revokedOn: day('2024-05-30'), revocationReason: '建设单位申请撤回施工许可' } : {}),
      },
    })
  // the later permit first, so that order comes from the query and not from insertion
  await permit(F.activePermit, '2024-06-03', false)
  await permit(F.revokedPermit, '2024-05-06', true)
  const active = await db.completionFiling.create({
    data: {
      projectId: project.id,
      filingNumber: F.active,
      regionCode: '460100',
      authorityId: authority.id,
      acceptedOn: day('2025-12-20'),
      filedOn: day('2025-12-30'),
      actualCost: '12345.67',
      actualArea: 23456.78,
    },
  })
  await db.completionFiling.create({
    data: {
      projectId: project.id,
      filingNumber: F.revoked,
      regionCode: '460100',
      authorityId: authority.id,
      acceptedOn: day('2025-11-01'),
      filedOn: day('2025-11-10'),
      actualCost: '12000',
      actualArea: null,
      status: 'REVOKED',
      revokedOn: day('2025-12-01'),
      revocationReason: '备案材料不实，撤销备案',
    },
  })
  await db.certificate.create({
    data: {
      type: 'COMPLETION_FILING',
      serial: 'C20254601009999990',
      completionFilingId: active.id,
      projectCode: F.projectCode,
      holderUscc: F.owner.uscc,
      issuedOn: day('2025-12-30'),
    },
  })
}

/** Every filing as the database holds it, read without the repository: the ground truth. */
async function groundTruth(db: TestDatabase['db']) {
  const rows = await db.completionFiling.findMany({
    select: {
      filingNumber: true,
      regionCode: true,
      filedOn: true,
      status: true,
      project: {
        select: {
          projectCode: true,
          name: true,
          category: true,
          owner: { select: { name: true } },
          participants: { select: { role: true, enterprise: { select: { name: true } } } },
        },
      },
    },
  })
  return rows.map((r) => ({
    filingNumber: r.filingNumber,
    regionCode: r.regionCode,
    filedOn: r.filedOn.toISOString().slice(0, 10),
    status: r.status,
    projectCode: r.project.projectCode,
    projectName: r.project.name,
    category: r.project.category,
    ownerName: r.project.owner.name,
    contractorNames: r.project.participants.filter((p) => p.role === 'CONTRACTOR').map((p) => p.enterprise.name),
  }))
}
type Truth = Awaited<ReturnType<typeof groundTruth>>[number]

async function exportAll(repo: ReturnType<typeof createCompletionFilingsRepository>, filters: CompletionFilingFilters, batchSize?: number) {
  const items: CompletionFilingListItem[] = []
  let batches = 0
  for await (const batch of repo.exportCompletionFilings(filters, batchSize)) {
    batches++
    items.push(...batch)
  }
  return { items, batches }
}

describe.each(providers)('completion-filings repository on %s', (provider) => {
  let testDb: TestDatabase
  let repo: ReturnType<typeof createCompletionFilingsRepository>
  let truth: Truth[]

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
    await addFixture(testDb.db)
    repo = createCompletionFilingsRepository(testDb.db)
    truth = await groundTruth(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('has a dataset worth testing on', () => {
    expect(truth.length).toBeGreaterThan(100)
  })

  describe('each filter narrows to exactly the matching filings', () => {
    const mostCommonRegion = () => {
      const counts = new Map<string, number>()
      for (const t of truth) counts.set(t.regionCode, (counts.get(t.regionCode) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1])[0][0]
    }
    const matchesQ = (t: Truth, q: string) => {
      const code = q.trim().toUpperCase()
      return (
        t.filingNumber.includes(code) ||
        t.projectName.includes(q) ||
        t.projectCode === code ||
        t.ownerName.includes(q) ||
        t.contractorNames.some((n) => n.includes(q))
      )
    }
    const seededName = () => truth.find((t) => t.projectCode !== F.projectCode)!.projectName.slice(3, 7)
    const cases: [string, () => Record<string, string>, (t: Truth) => boolean][] = [
      ['region', () => ({ region: mostCommonRegion() }), (t) => t.regionCode === mostCommonRegion()],
      ['year', () => ({ year: '2024' }), (t) => t.filedOn.startsWith('2024-')],
      ['from/to', () => ({ from: '2023-03-01', to: '2023-09-30' }), (t) => t.filedOn >= '2023-03-01' && t.filedOn <= '2023-09-30'],
      ['year ∩ from', () => ({ year: '2023', from: '2023-07-01' }), (t) => t.filedOn >= '2023-07-01' && t.filedOn <= '2023-12-31'],
      ['category', () => ({ category: 'MUNICIPAL' }), (t) => t.category === 'MUNICIPAL'],
      ['status', () => ({ status: 'REVOKED' }), (t) => t.status === 'REVOKED'],
      ['q: part of a filing number, lower case', () => ({ q: 'jb46010020251230' }), (t) => matchesQ(t, 'jb46010020251230')],
      ['q: part of a project name', () => ({ q: seededName() }), (t) => matchesQ(t, seededName())],
      ['q: a whole project code', () => ({ q: truth[0].projectCode }), (t) => t.projectCode === truth[0].projectCode],
      ['q: owner name', () => ({ q: F.owner.name }), (t) => t.ownerName.includes(F.owner.name)],
      ['q: contractor name', () => ({ q: '测试建工' }), (t) => t.contractorNames.some((n) => n.includes('测试建工'))],
      ['region + category + year', () => ({ region: mostCommonRegion(), category: 'BUILDING', year: '2025' }), (t) => t.regionCode === mostCommonRegion() && t.category === 'BUILDING' && t.filedOn.startsWith('2025-')],
    ]

    it.each(cases)('%s', async (_name, params, predicate) => {
      const filters = completionFilingFiltersSchema.parse(params())
      const expected = truth.filter(predicate).map((t) => t.filingNumber).sort()
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(truth.length)
      const { items } = await exportAll(repo, filters)
      expect(items.map((i) => i.filingNumber).sort()).toEqual(expected)
      const page = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ ...params(), pageSize: '100' }))
      expect(page.total).toBe(expected.length)
      expect(page.items.every((i) => expected.includes(i.filingNumber))).toBe(true)
    })

    it('never lets a LIKE wildcard in the search term match everything', async () => {
      for (const q of ['%', '_', '\\', '%%']) {
        const page = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ q }))
        expect(page.total, q).toBe(0)
      }
      // the term is cut at a wildcard and every piece must occur
      const page = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ q: '测试%花园' }))
      expect(page.items.map((i) => i.filingNumber).sort()).toEqual([F.revoked, F.active].sort())
    })
  })

  it('pages in a stable order: newest filing first, pages never overlap, together they are the whole list', async () => {
    const pageSize = 7
    const first = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ pageSize: String(pageSize) }))
    expect(first.total).toBe(truth.length)
    expect(first.pageCount).toBe(Math.ceil(truth.length / pageSize))
    const seen: CompletionFilingListItem[] = [...first.items]
    for (let page = 2; page <= first.pageCount; page++) {
      const p = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ page: String(page), pageSize: String(pageSize) }))
      expect(p.items.length).toBe(page < first.pageCount ? pageSize : truth.length - pageSize * (first.pageCount - 1))
      seen.push(...p.items)
    }
    const numbers = seen.map((i) => i.filingNumber)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect([...numbers].sort()).toEqual(truth.map((t) => t.filingNumber).sort())
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].filedOn >= seen[i].filedOn).toBe(true)
    // a second pass gives the same order
    const again = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ page: '3', pageSize: String(pageSize) }))
    expect(again.items.map((i) => i.filingNumber)).toEqual(numbers.slice(2 * pageSize, 3 * pageSize))
  })

  it('answers a numbered page past the end with no items', async () => {
    // the deepest page that can be asked for by number (keyset-page.ts MAX_OFFSET_PAGE), beyond this seed's rows
    const p = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ page: '50', pageSize: '100' }))
    expect(p.items).toEqual([])
    expect(p.total).toBe(truth.length)
  })

  it('exports every row once, in list order, across keyset batches that split days with several filings', async () => {
    const all = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ pageSize: '100' }))
    const listed: string[] = []
    for (let page = 1; page <= all.pageCount; page++) {
      const p = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ page: String(page), pageSize: '100' }))
      listed.push(...p.items.map((i) => i.filingNumber))
    }
    const { items, batches } = await exportAll(repo, {}, 7)
    expect(batches).toBe(Math.ceil(truth.length / 7))
    expect(items.map((i) => i.filingNumber)).toEqual(listed)
    const byDay = new Map<string, number>()
    for (const t of truth) byDay.set(t.filedOn, (byDay.get(t.filedOn) ?? 0) + 1)
    expect([...byDay.values()].some((n) => n > 1)).toBe(true)
  })

  it('exports a filtered list in batches too', async () => {
    const { items } = await exportAll(repo, completionFilingFiltersSchema.parse({ category: 'MUNICIPAL' }), 5)
    expect(items.map((i) => i.filingNumber).sort()).toEqual(truth.filter((t) => t.category === 'MUNICIPAL').map((t) => t.filingNumber).sort())
  })

  it('gives a list item in plain JSON values', async () => {
    const page = await repo.listCompletionFilings(completionFilingListQuerySchema.parse({ q: F.active }))
    expect(page.items).toEqual([
      {
        filingNumber: F.active,
        projectCode: F.projectCode,
        projectName: F.projectName,
        category: 'BUILDING',
        regionCode: '460100',
        regionName: '海口市',
        ownerName: F.owner.name,
        ownerUscc: F.owner.uscc,
        contractors: [F.contractor],
        acceptedOn: '2025-12-20',
        filedOn: '2025-12-30',
        actualCost: 12345.67,
        actualArea: 23456.78,
        status: 'ACTIVE',
      },
    ])
  })

  it('finds a filing with every field of the certificate', async () => {
    const filing = await repo.findCompletionFiling(F.active)
    expect(filing).toMatchObject({
      filingNumber: F.active,
      projectCode: F.projectCode,
      projectName: F.projectName,
      address: '海口市美兰区测试路1号',
      ownerName: F.owner.name,
      survey: [F.survey],
      design: [F.design],
      contractors: [F.contractor],
      supervisors: [F.supervisor],
      acceptedOn: '2025-12-20',
      filedOn: '2025-12-30',
      actualCost: 12345.67,
      actualArea: 23456.78,
      authorityName: '海口市住房和城乡建设局',
      status: 'ACTIVE',
      revokedOn: null,
      revocationReason: null,
      certificate: { serial: 'C20254601009999990', status: 'VALID', statusChangedAt: null, statusReason: null },
    })
    expect(filing!.permits).toEqual([
      { permitNumber: F.revokedPermit, issuedOn: '2024-05-06', status: 'REVOKED' },
      { permitNumber: F.activePermit, issuedOn: '2024-06-03', status: 'ACTIVE' },
    ])
  })

  it('gives the revocation date and reason of a revoked filing', async () => {
    const filing = await repo.findCompletionFiling(F.revoked)
    expect(filing).toMatchObject({ status: 'REVOKED', revokedOn: '2025-12-01', revocationReason: '备案材料不实，撤销备案', actualArea: null, certificate: null })
  })

  it('finds a seeded filing with its certificate and permit', async () => {
    const seeded = truth.find((t) => t.projectCode !== F.projectCode)!
    const filing = await repo.findCompletionFiling(seeded.filingNumber)
    expect(filing?.filingNumber).toBe(seeded.filingNumber)
    expect(filing?.certificate?.serial).toMatch(/^C\d{17}$/)
    expect(filing?.permits.length).toBeGreaterThan(0)
  })

  it('answers null for an unknown filing number', async () => {
    expect(await repo.findCompletionFiling('JB000000000000000000')).toBeNull()
    expect(await repo.findCompletionFiling('')).toBeNull()
  })
})
