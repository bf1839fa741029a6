import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { projectFiltersSchema, projectListQuerySchema, type ProjectFilters } from './project-queries'
import { createProjectsRepository, stagesReached } from './projects-repository'
import type { ProjectListItem } from './projects-schemas'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

const TEST_KEYS = createTestSigningKeys()

const providers = await testProviders()
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
// noon on 30 June 2026, Beijing time
const AS_OF = new Date('2026-06-30T12:00:00+08:00')

// Projects of our own on top of the seeded data, with known stages, people and records.
const A = '46010020240199901' // all but the last stage; one permit revoked, one in force
const B = '46010020240199902' // its only permit revoked: reached 质量安全报监
const C = '46010020240199903' // registered, nothing handled yet
const D = '46010020240199904' // imported out of order: only a completion filing
const E = {
  owner: { name: '海南测试置业有限公司', uscc: '91460100TEST00001A' },
  survey: { name: '海南测试勘察院有限公司', uscc: '91460100TEST00002B' },
  design: { name: '海南测试设计院有限公司', uscc: '91460100TEST00003C' },
  contractor: { name: '海南测试建工集团有限公司', uscc: '91460100TEST00004D' },
  supervisor: { name: '海南测试监理有限公司', uscc: '91460100TEST00005E' },
}

async function addFixture(db: TestDatabase['db']) {
  const authority = await db.authority.findUniqueOrThrow({ where: { regionCode: '460100' } })
  const province = await db.authority.findUniqueOrThrow({ where: { regionCode: '460000' } })
  const enterprise = (e: { name: string; uscc: string }, type: 'OWNER' | 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR') =>
    db.enterprise.create({
      data: { ...e, type, regionCode: '460100', inProvince: true, legalRepresentative: '王海', registeredAddress: '海口市龙华区', registeredCapital: '5000', establishedOn: day('2010-03-01') },
    })
  const owner = await enterprise(E.owner, 'OWNER')
  const survey = await enterprise(E.survey, 'SURVEY')
  const design = await enterprise(E.design, 'DESIGN')
  const contractor = await enterprise(E.contractor, 'CONTRACTOR')
  const supervisor = await enterprise(E.supervisor, 'SUPERVISOR')
  const person = (name: string, idNumber: string, employerId: string) =>
    db.person.create({ data: { name, idNumber, gender: '男', phone: '13800138000', employerId } })
  const manager = await person('陈测试', '46010019800101999X', contractor.id)
  const chief = await person('林测试', '460100198202029998', supervisor.id)
  const designLead = await person('吴测试', '460100198303039997', design.id)

  const project = (projectCode: string, name: string, registeredOn: string, category: 'BUILDING' | 'MUNICIPAL' = 'BUILDING') =>
    db.project.create({
      data: {
        projectCode,
        name,
        address: '海口市美兰区测试路1号',
        regionCode: '460100',
        category,
        floorArea: category === 'BUILDING' ? 23000.5 : null,
        investment: '15000.25',
        ownerId: owner.id,
        registeredOn: day(registeredOn),
      },
    })
  const a = await project(A, '海口市测试滨江花园项目', '2024-01-15')
  const b = await project(B, '海口市测试滨江花园二期', '2024-01-16')
  await project(C, '海口市测试滨江花园三期', '2024-01-17')
  const d = await project(D, '海口市测试滨江大道工程', '2024-01-18', 'MUNICIPAL')

  for (const [e, role] of [[owner, 'OWNER'], [survey, 'SURVEY'], [design, 'DESIGN'], [contractor, 'CONTRACTOR'], [supervisor, 'SUPERVISOR']] as const) {
    await db.projectParticipant.create({ data: { projectId: a.id, enterpriseId: e.id, role } })
  }
  // key people in no particular order
  await db.projectKeyPerson.create({ data: { projectId: a.id, personId: chief.id, role: 'CHIEF_SUPERVISOR' } })
  await db.projectKeyPerson.create({ data: { projectId: a.id, personId: designLead.id, role: 'DESIGN_LEAD' } })
  await db.projectKeyPerson.create({ data: { projectId: a.id, personId: manager.id, role: 'PROJECT_MANAGER' } })

  const contract = (projectId: string, filingNumber: string, partyRole: 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR', partyId: string, filedOn: string, status: 'ACTIVE' | 'REVOKED' = 'ACTIVE') =>
    db.contractFiling.create({
      data: { projectId, filingNumber, partyRole, partyId, contractPrice: '1234.5', signedOn: day(filedOn), filedOn: day(filedOn), authorityId: authority.id, status },
    })
  // inserted out of date order on purpose
  await contract(a.id, 'HT4601002024999903', 'CONTRACTOR', contractor.id, '2024-04-10')
  await contract(a.id, 'HT4601002024999901', 'SURVEY', survey.id, '2024-02-01')
  await contract(a.id, 'HT4601002024999904', 'SUPERVISOR', supervisor.id, '2024-04-12', 'REVOKED')
  await contract(a.id, 'HT4601002024999902', 'DESIGN', design.id, '2024-02-05')
  await contract(b.id, 'HT4601002024999905', 'DESIGN', design.id, '2024-02-06')

  const review = (projectId: string, certificateNumber: string, passedOn: string) =>
    db.drawingReview.create({ data: { projectId, certificateNumber, reviewAgency: '海南测试施工图审查中心', passedOn: day(passedOn), authorityId: authority.id } })
  await review(a.id, 'SC4601002024999901', '2024-03-20')
  await review(b.id, 'SC4601002024999902', '2024-03-21')

  const supervision = (projectId: string, filingNumber: string, filedOn: string) =>
    db.supervisionFiling.create({ data: { projectId, filingNumber, supervisionStation: '海口市建设工程质量安全监督站', filedOn: day(filedOn), authorityId: authority.id } })
  await supervision(a.id, 'JD4601002024999901', '2024-04-20')
  await supervision(b.id, 'JD4601002024999902', '2024-04-21')

  const permit = (projectId: string, permitNumber: string, issuedOn: string, revoked: boolean, authorityId = authority.id) =>
    db.constructionPermit.create({
      data: {
        projectId,
        permitNumber,
        regionCode: '460100',
        authorityId,
        issuedOn: day(issuedOn),
        scale: '地上18层',
        contractPrice: '11000',
        plannedStartOn: day(issuedOn),
        plannedEndOn: day('2026-12-01'),
        contractorId: contractor.id,
        projectManagerId: manager.id,
        ...(revoked ? { status: 'REVOKED' as const, revokedOn: day('2024-05-30'), revocationReason: '以欺骗手段取得施工许可证，依法予以撤销' } : {}),
      },
    })
  await permit(a.id, '460100202406039901', '2024-06-03', false, province.id)
  await permit(a.id, '460100202405069901', '2024-05-06', true)
  await permit(b.id, '460100202405079901', '2024-05-07', true)

  await db.completionFiling.create({
    data: { projectId: d.id, filingNumber: 'JB460100202512309902', regionCode: '460100', authorityId: authority.id, acceptedOn: day('2025-12-20'), filedOn: day('2025-12-30'), actualCost: '900' },
  })

  const record = (title: string, opts: { kind?: 'GOOD' | 'BAD'; person?: string; from: string; until: string; status?: 'ACTIVE' | 'WITHDRAWN' }) =>
    db.integrityRecord.create({
      data: {
        subjectType: opts.person ? 'PERSON' : 'ENTERPRISE',
        enterpriseId: opts.person ? null : contractor.id,
        personId: opts.person ?? null,
        kind: opts.kind ?? 'BAD',
        categoryCode: 'BAD.PENALTY.MINOR',
        title,
        description: title,
        decisionNumber: `海口住建罚字〔2026〕第${title.length}号`,
        authorityId: authority.id,
        issuedBy: '海口市住房和城乡建设局',
        decidedOn: day(opts.from),
        publishFrom: day(opts.from),
        publishUntil: day(opts.until),
        points: -2,
        projectId: a.id,
        status: opts.status ?? 'ACTIVE',
      },
    })
  await record('在公示期内的处罚', { from: '2026-03-01', until: '2026-09-01' })
  await record('今天开始公示的项目经理记录', { person: manager.id, from: '2026-06-30', until: '2027-06-30' })
  await record('良好行为', { kind: 'GOOD', from: '2025-01-10', until: '2028-01-10' })
  await record('今天起已不公示', { from: '2026-01-01', until: '2026-06-30' })
  await record('明天才开始公示', { from: '2026-07-01', until: '2027-07-01' })
  await record('已撤回', { from: '2026-03-01', until: '2026-09-01', status: 'WITHDRAWN' })
}

/** Every project with its furthest stage, read without the repository: the ground truth. */
async function groundTruth(db: TestDatabase['db']) {
  const [projects, ...stageRows] = await Promise.all([
    db.project.findMany({ select: { projectCode: true, id: true, name: true, regionCode: true, category: true, registeredOn: true, owner: { select: { name: true } } } }),
    db.contractFiling.findMany({ select: { projectId: true, status: true } }),
    db.drawingReview.findMany({ select: { projectId: true, status: true } }),
    db.supervisionFiling.findMany({ select: { projectId: true, status: true } }),
    db.constructionPermit.findMany({ select: { projectId: true, status: true } }),
    db.completionFiling.findMany({ select: { projectId: true, status: true } }),
  ])
  return projects.map((p) => {
    let reached = -1
    stageRows.forEach((rows, i) => {
      if (rows.some((r) => r.projectId === p.id && r.status !== 'REVOKED')) reached = i
    })
    return {
      projectCode: p.projectCode,
      name: p.name,
      regionCode: p.regionCode,
      category: p.category,
      registeredOn: p.registeredOn.toISOString().slice(0, 10),
      ownerName: p.owner.name,
      reached,
    }
  })
}
type Truth = Awaited<ReturnType<typeof groundTruth>>[number]

async function exportAll(repo: ReturnType<typeof createProjectsRepository>, filters: ProjectFilters, batchSize?: number) {
  const items: ProjectListItem[] = []
  let batches = 0
  for await (const batch of repo.exportProjects(filters, batchSize)) {
    batches++
    items.push(...batch)
  }
  return { items, batches }
}

describe.each(providers)('projects repository on %s', (provider) => {
  let testDb: TestDatabase
  let repo: ReturnType<typeof createProjectsRepository>
  let truth: Truth[]

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
    await addFixture(testDb.db)
    repo = createProjectsRepository(testDb.db)
    truth = await groundTruth(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('has a dataset worth testing on: projects at every stage, some with none', () => {
    expect(truth.length).toBeGreaterThan(300)
    for (let i = -1; i < STAGE_ORDER.length; i++) expect(truth.some((t) => t.reached === i), `stage ${i}`).toBe(true)
  })

  describe('each filter narrows to exactly the matching projects', () => {
    const mostCommonRegion = () => {
      const counts = new Map<string, number>()
      for (const t of truth) counts.set(t.regionCode, (counts.get(t.regionCode) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1])[0][0]
    }
    const seededName = () => truth.find((t) => !t.projectCode.endsWith('99901'))!.name.slice(3, 7)
    const seededOwner = () => truth.find((t) => !t.projectCode.startsWith('4601002024019990'))!.ownerName
    const atLeast = (stage: Stage) => (t: Truth) => t.reached >= STAGE_ORDER.indexOf(stage)
    const cases: [string, () => Record<string, string>, (t: Truth) => boolean][] = [
      ['region', () => ({ region: mostCommonRegion() }), (t) => t.regionCode === mostCommonRegion()],
      ['category', () => ({ category: 'MUNICIPAL' }), (t) => t.category === 'MUNICIPAL'],
      ['year', () => ({ year: '2024' }), (t) => t.registeredOn.startsWith('2024-')],
      ['from/to', () => ({ from: '2022-02-01', to: '2022-08-31' }), (t) => t.registeredOn >= '2022-02-01' && t.registeredOn <= '2022-08-31'],
      ['q: part of a name', () => ({ q: seededName() }), (t) => t.name.includes(seededName()) || t.ownerName.includes(seededName())],
      ['q: a whole project code', () => ({ q: truth[5].projectCode }), (t) => t.projectCode === truth[5].projectCode],
      ['q: owner name', () => ({ q: seededOwner() }), (t) => t.ownerName.includes(seededOwner()) || t.name.includes(seededOwner())],
      ...STAGE_ORDER.map((stage): [string, () => Record<string, string>, (t: Truth) => boolean] => [`stage=${stage}`, () => ({ stage }), atLeast(stage)]),
      ['region + stage + category', () => ({ region: mostCommonRegion(), stage: 'CONSTRUCTION_PERMIT', category: 'BUILDING' }), (t) => t.regionCode === mostCommonRegion() && t.category === 'BUILDING' && atLeast('CONSTRUCTION_PERMIT')(t)],
      ['q + stage', () => ({ q: '测试滨江', stage: 'SUPERVISION_FILING' }), (t) => t.name.includes('测试滨江') && atLeast('SUPERVISION_FILING')(t)],
    ]

    it.each(cases)('%s', async (_name, params, predicate) => {
      const expected = truth.filter(predicate).map((t) => t.projectCode).sort()
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(truth.length)
      const { items } = await exportAll(repo, projectFiltersSchema.parse(params()))
      expect(items.map((i) => i.projectCode).sort()).toEqual(expected)
      const page = await repo.listProjects(projectListQuerySchema.parse({ ...params(), pageSize: '100' }))
      expect(page.total).toBe(expected.length)
      expect(page.items.every((i) => expected.includes(i.projectCode))).toBe(true)
    })

    it('counts a revoked permit as not reached, and a later stage without the earlier ones as reached', async () => {
      const codes = async (stage: string) => (await exportAll(repo, projectFiltersSchema.parse({ q: '测试滨江', stage }))).items.map((i) => i.projectCode).sort()
      expect(await codes('CONSTRUCTION_PERMIT')).toEqual([A, D])
      expect(await codes('SUPERVISION_FILING')).toEqual([A, B, D])
      expect(await codes('CONTRACT_FILING')).toEqual([A, B, D])
      expect(await codes('COMPLETION_FILING')).toEqual([D])
    })

    it('never lets a LIKE wildcard in the search term match everything', async () => {
      for (const q of ['%', '_', '\\']) expect((await repo.listProjects(projectListQuerySchema.parse({ q }))).total, q).toBe(0)
    })
  })

  it('gives each list item its furthest stage, the same as the ground truth', async () => {
    const { items } = await exportAll(repo, {})
    const byCode = new Map(truth.map((t) => [t.projectCode, t.reached]))
    for (const item of items) {
      const reached = byCode.get(item.projectCode)!
      expect(item.stageReached, item.projectCode).toBe(reached < 0 ? null : STAGE_ORDER[reached])
    }
  })

  it('pages in a stable order: newest registration first, pages never overlap, together they are the whole list', async () => {
    const pageSize = 9
    const first = await repo.listProjects(projectListQuerySchema.parse({ pageSize: String(pageSize) }))
    expect(first.total).toBe(truth.length)
    const seen: ProjectListItem[] = [...first.items]
    for (let page = 2; page <= first.pageCount; page++) {
      seen.push(...(await repo.listProjects(projectListQuerySchema.parse({ page: String(page), pageSize: String(pageSize) }))).items)
    }
    const codes = seen.map((i) => i.projectCode)
    expect(new Set(codes).size).toBe(codes.length)
    expect([...codes].sort()).toEqual(truth.map((t) => t.projectCode).sort())
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].registeredOn >= seen[i].registeredOn).toBe(true)
  })

  it('exports every row once, in list order, across keyset batches that split days with several projects', async () => {
    const listed: string[] = []
    const first = await repo.listProjects(projectListQuerySchema.parse({ pageSize: '100' }))
    for (let page = 1; page <= first.pageCount; page++) {
      listed.push(...(await repo.listProjects(projectListQuerySchema.parse({ page: String(page), pageSize: '100' }))).items.map((i) => i.projectCode))
    }
    const { items, batches } = await exportAll(repo, {}, 11)
    expect(batches).toBe(Math.ceil(truth.length / 11))
    expect(items.map((i) => i.projectCode)).toEqual(listed)
    const byDay = new Map<string, number>()
    for (const t of truth) byDay.set(t.registeredOn, (byDay.get(t.registeredOn) ?? 0) + 1)
    expect([...byDay.values()].some((n) => n > 1)).toBe(true)
  })

  it('exports in default batches of 1,000 rows', async () => {
    const { items, batches } = await exportAll(repo, {})
    expect(batches).toBe(1)
    expect(items).toHaveLength(truth.length)
  })

  it('finds the stages of more projects than SQLite binds parameters in one query (999)', async () => {
    const rows = await testDb.db.project.findMany({ select: { id: true, projectCode: true } })
    const unknown = Array.from({ length: 1500 }, (_, i) => `no-such-project-${i}`)
    const reached = await stagesReached(testDb.db, [...unknown.slice(0, 700), ...rows.map((r) => r.id), ...unknown.slice(700)])
    expect(reached.size).toBe(1500 + rows.length)
    const byCode = new Map(truth.map((t) => [t.projectCode, t.reached]))
    for (const r of rows) {
      const i = byCode.get(r.projectCode)!
      expect(reached.get(r.id)).toBe(i < 0 ? null : STAGE_ORDER[i])
    }
    expect(reached.get('no-such-project-0')).toBeNull()
  })

  it('gives a list item in plain JSON values', async () => {
    const page = await repo.listProjects(projectListQuerySchema.parse({ q: A }))
    expect(page.items).toEqual([
      {
        projectCode: A,
        name: '海口市测试滨江花园项目',
        category: 'BUILDING',
        regionCode: '460100',
        regionName: '海口市',
        address: '海口市美兰区测试路1号',
        ownerName: E.owner.name,
        ownerUscc: E.owner.uscc,
        registeredOn: '2024-01-15',
        investment: 15000.25,
        floorArea: 23000.5,
        stageReached: 'CONSTRUCTION_PERMIT',
      },
    ])
  })

  describe('one project', () => {
    it('assembles the five-stage timeline in order, with done, dates, authorities and documents', async () => {
      const project = await repo.getProject(A, AS_OF)
      expect(project).not.toBeNull()
      const stages = project!.stages
      expect(stages.map((s) => [s.stage, s.number, s.done, s.doneOn])).toEqual([
        ['CONTRACT_FILING', 1, true, '2024-02-01'],
        ['DRAWING_REVIEW', 2, true, '2024-03-20'],
        ['SUPERVISION_FILING', 3, true, '2024-04-20'],
        ['CONSTRUCTION_PERMIT', 4, true, '2024-06-03'],
        ['COMPLETION_FILING', 5, false, null],
      ])
      expect(stages[0].documents.map((d) => [d.number, d.date, d.status, d.party?.role])).toEqual([
        ['HT4601002024999901', '2024-02-01', 'ACTIVE', 'SURVEY'],
        ['HT4601002024999902', '2024-02-05', 'ACTIVE', 'DESIGN'],
        ['HT4601002024999903', '2024-04-10', 'ACTIVE', 'CONTRACTOR'],
        ['HT4601002024999904', '2024-04-12', 'REVOKED', 'SUPERVISOR'],
      ])
      expect(stages[0].documents[0]).toEqual({
        number: 'HT4601002024999901',
        date: '2024-02-01',
        status: 'ACTIVE',
        authorityName: '海口市住房和城乡建设局',
        party: { role: 'SURVEY', ...E.survey },
        contractPrice: 1234.5,
        agency: null,
        revokedOn: null,
        revocationReason: null,
      })
      expect(stages[1].documents[0]).toMatchObject({ number: 'SC4601002024999901', agency: '海南测试施工图审查中心', party: null, contractPrice: null })
      expect(stages[2].documents[0]).toMatchObject({ number: 'JD4601002024999901', agency: '海口市建设工程质量安全监督站' })
      expect(stages[3].documents).toEqual([
        {
          number: '460100202405069901',
          date: '2024-05-06',
          status: 'REVOKED',
          authorityName: '海口市住房和城乡建设局',
          party: null,
          contractPrice: null,
          agency: null,
          revokedOn: '2024-05-30',
          revocationReason: '以欺骗手段取得施工许可证，依法予以撤销',
        },
        {
          number: '460100202406039901',
          date: '2024-06-03',
          status: 'ACTIVE',
          authorityName: '海南省住房和城乡建设厅',
          party: null,
          contractPrice: null,
          agency: null,
          revokedOn: null,
          revocationReason: null,
        },
      ])
      expect(stages[4].documents).toEqual([])
      expect(project!.stageReached).toBe('CONSTRUCTION_PERMIT')
    })

    it('marks a stage whose only document is revoked as not done', async () => {
      const project = await repo.getProject(B, AS_OF)
      expect(project!.stages.map((s) => s.done)).toEqual([true, true, true, false, false])
      expect(project!.stages[3].documents.map((d) => d.status)).toEqual(['REVOKED'])
      expect(project!.stageReached).toBe('SUPERVISION_FILING')
    })

    it('gives five empty stages for a project with no records', async () => {
      const project = await repo.getProject(C, AS_OF)
      expect(project!.stages.map((s) => [s.stage, s.done, s.documents.length])).toEqual(STAGE_ORDER.map((s) => [s, false, 0]))
      expect(project!.stageReached).toBeNull()
    })

    it('gives the participants by role with their key people, names only', async () => {
      const project = await repo.getProject(A, AS_OF)
      const people = await testDb.db.person.findMany({ where: { name: { in: ['陈测试', '林测试', '吴测试'] } }, select: { id: true, name: true } })
      const id = (name: string) => people.find((p) => p.name === name)!.id
      expect(project!.participants).toEqual([
        { role: 'OWNER', enterprises: [E.owner], keyPeople: [] },
        { role: 'SURVEY', enterprises: [E.survey], keyPeople: [] },
        { role: 'DESIGN', enterprises: [E.design], keyPeople: [{ role: 'DESIGN_LEAD', id: id('吴测试'), name: '吴测试' }] },
        { role: 'CONTRACTOR', enterprises: [E.contractor], keyPeople: [{ role: 'PROJECT_MANAGER', id: id('陈测试'), name: '陈测试' }] },
        { role: 'SUPERVISOR', enterprises: [E.supervisor], keyPeople: [{ role: 'CHIEF_SUPERVISOR', id: id('林测试'), name: '林测试' }] },
      ])
      const json = JSON.stringify(project)
      expect(json).not.toContain('46010019800101999X')
      expect(json).not.toContain('13800138000')
    })

    it('gives the integrity records public on the day, newest first', async () => {
      const project = await repo.getProject(A, AS_OF)
      expect(project!.records.map((r) => [r.title, r.kind, r.publishFrom, r.lastPublicDay, r.subject.type])).toEqual([
        ['今天开始公示的项目经理记录', 'BAD', '2026-06-30', '2027-06-29', 'PERSON'],
        ['在公示期内的处罚', 'BAD', '2026-03-01', '2026-08-31', 'ENTERPRISE'],
        ['良好行为', 'GOOD', '2025-01-10', '2028-01-09', 'ENTERPRISE'],
      ])
      expect(project!.records[1]).toMatchObject({
        decisionNumber: '海口住建罚字〔2026〕第8号',
        decidedOn: '2026-03-01',
        issuedBy: '海口市住房和城乡建设局',
        subject: { type: 'ENTERPRISE', ...E.contractor },
      })
      expect(Object.keys(project!.records[0].subject).sort()).toEqual(['id', 'name', 'type'])
    })

    it('judges the publication period by the China calendar day', async () => {
      // 16:30 UTC on 30 June is already 1 July in Beijing
      const project = await repo.getProject(A, new Date('2026-06-30T16:30:00Z'))
      expect(project!.records.map((r) => r.title)).toEqual(['明天才开始公示', '今天开始公示的项目经理记录', '在公示期内的处罚', '良好行为'])
    })

    it('finds a seeded project with a full timeline', async () => {
      const seeded = truth.find((t) => t.reached === 4)!
      const project = await repo.getProject(seeded.projectCode, AS_OF)
      expect(project!.stages.every((s) => s.done)).toBe(true)
      expect(project!.stageReached).toBe('COMPLETION_FILING')
      expect(project!.participants.find((p) => p.role === 'CONTRACTOR')!.enterprises.length).toBeGreaterThan(0)
    })

    it('answers null for an unknown project code', async () => {
      expect(await repo.getProject('46010020240199999', AS_OF)).toBeNull()
      expect(await repo.getProject('', AS_OF)).toBeNull()
    })
  })
})
