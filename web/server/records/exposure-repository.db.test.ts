import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { exposureListQuerySchema } from './exposure-queries'
import { createExposureRepository } from './exposure-repository'
import { createLatestRepository } from '@web/server/home/latest-repository'

const providers = await testProviders()

// Calendar dates as the portal stores them: 00:00 UTC of the date.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
// Today is 15 June 2026 in China: at 12:00 Beijing time, and at 01:00 Beijing time (still 14 June in UTC).
const NOON = new Date('2026-06-15T04:00:00Z')
const EARLY = new Date('2026-06-14T17:00:00Z')

type Db = TestDatabase['db']

async function seed(db: Db) {
  for (const [code, name, shortName, sortOrder] of [
    ['460100', '海口市', '海口', 1],
    ['460200', '三亚市', '三亚', 2],
  ] as const) {
    await db.region.create({ data: { code, name, shortName, level: 'CITY', sortOrder } })
  }
  const authority = await db.authority.create({
    data: { regionCode: '460100', name: '海口市住房和城乡建设局', address: '海口市长滨路', phone: '0898-68724510' },
  })
  const enterprise = (uscc: string, name: string, regionCode: string) =>
    db.enterprise.create({
      data: {
        uscc,
        name,
        type: 'CONTRACTOR',
        regionCode,
        inProvince: true,
        legalRepresentative: '王海',
        registeredAddress: '海南省',
        registeredCapital: '5000',
        establishedOn: day('2010-03-01'),
      },
    })
  const haikou = await enterprise('91460100MA5T000002', '海南椰城建设工程有限公司', '460100')
  const sanya = await enterprise('91460200MA5T000003', '三亚鹿城建筑有限公司', '460200')
  const employed = await db.person.create({
    data: { name: '陈明', idNumber: '460100198001010011', gender: '男', phone: '13800000000', employerId: sanya.id },
  })
  const freelance = await db.person.create({ data: { name: '林芳', idNumber: '460100199002020022', gender: '女' } })
  const project = await db.project.create({
    data: {
      projectCode: '2024-460100-47-01-000001',
      name: '海口市某安置房项目',
      address: '海口市美兰区',
      regionCode: '460100',
      category: 'BUILDING',
      investment: '32000',
      ownerId: haikou.id,
      registeredOn: day('2024-05-10'),
    },
  })

  let n = 0
  const record = (
    title: string,
    subject: { enterpriseId: string } | { personId: string },
    opts: { kind?: 'GOOD' | 'BAD'; decidedOn?: string; publishFrom: string; publishUntil: string; status?: 'ACTIVE' | 'WITHDRAWN'; project?: boolean },
  ) =>
    db.integrityRecord.create({
      data: {
        subjectType: 'enterpriseId' in subject ? 'ENTERPRISE' : 'PERSON',
        ...subject,
        kind: opts.kind ?? 'BAD',
        categoryCode: opts.kind === 'GOOD' ? 'GOOD.COMMENDATION.CITY' : 'BAD.PENALTY.MINOR',
        title,
        description: `${title}。`,
        decisionNumber: `海口住建罚字〔2026〕第${++n}号`,
        authorityId: authority.id,
        issuedBy: '海口市住房和城乡建设局',
        decidedOn: day(opts.decidedOn ?? opts.publishFrom),
        publishFrom: day(opts.publishFrom),
        publishUntil: day(opts.publishUntil),
        points: opts.kind === 'GOOD' ? 2 : -2,
        projectId: opts.project ? project.id : null,
        status: opts.status ?? 'ACTIVE',
      },
    })
  const e1 = { enterpriseId: haikou.id }
  // boundaries of the publication period, today being 2026-06-15
  await record('公示期至昨日', e1, { publishFrom: '2025-12-15', publishUntil: '2026-06-15' }) // last day 06-14: gone
  await record('昨日开始公示', e1, { publishFrom: '2026-06-14', publishUntil: '2026-12-14', project: true })
  await record('今日开始公示', e1, { publishFrom: '2026-06-15', publishUntil: '2026-12-15' })
  await record('明日开始公示', e1, { publishFrom: '2026-06-16', publishUntil: '2026-12-16' })
  await record('今日为最后一天', e1, { decidedOn: '2025-12-16', publishFrom: '2025-12-16', publishUntil: '2026-06-16' })
  await record('已撤回', e1, { publishFrom: '2026-06-01', publishUntil: '2026-12-01', status: 'WITHDRAWN' })
  // filters
  await record('三亚企业表彰', { enterpriseId: sanya.id }, { kind: 'GOOD', publishFrom: '2026-03-02', publishUntil: '2029-03-02' })
  await record('三亚单位人员处罚', { personId: employed.id }, { publishFrom: '2026-05-20', publishUntil: '2026-11-20' })
  await record('无单位人员处罚', { personId: freelance.id }, { publishFrom: '2026-05-19', publishUntil: '2026-11-19' })
}

describe.each(providers)('exposure repository on %s', (provider) => {
  let testDb: TestDatabase
  let repo: ReturnType<typeof createExposureRepository>
  const list = (params: Record<string, string>, asOf = NOON) => repo.listExposureEntries(exposureListQuerySchema.parse(params), asOf)
  const titles = async (params: Record<string, string>, asOf = NOON) => (await list(params, asOf)).items.map((e) => e.title)

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
    repo = createExposureRepository(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('shows exactly the active records in their publication period, newest decision first', async () => {
    expect(await titles({})).toEqual([
      '今日开始公示',
      '昨日开始公示',
      '三亚单位人员处罚',
      '无单位人员处罚',
      '三亚企业表彰',
      '今日为最后一天',
    ])
  })

  it('works by China calendar day: at 01:00 Beijing time the board is already the 15th', async () => {
    expect(await titles({}, EARLY)).toEqual(await titles({}, NOON))
    // on the 16th the last-day record has gone and tomorrow's has come
    const next = await titles({}, new Date('2026-06-16T04:00:00Z'))
    expect(next).toContain('明日开始公示')
    expect(next).not.toContain('今日为最后一天')
  })

  it('prints the last public day and the project', async () => {
    const { items } = await list({})
    const last = items.find((e) => e.title === '今日为最后一天')!
    expect(last).toMatchObject({ decidedOn: '2025-12-16', publishFrom: '2025-12-16', lastPublicDay: '2026-06-15' })
    const withProject = items.find((e) => e.title === '昨日开始公示')!
    expect(withProject.project).toEqual({ projectCode: '2024-460100-47-01-000001', name: '海口市某安置房项目' })
    expect(withProject.subject).toEqual({ type: 'ENTERPRISE', name: '海南椰城建设工程有限公司', uscc: '91460100MA5T000002' })
    expect(withProject).toMatchObject({ regionCode: '460100', regionName: '海口市' })
  })

  it('names a person only: no ID number, no phone', async () => {
    const { items } = await list({ subjectType: 'PERSON' })
    expect(items.map((e) => e.title)).toEqual(['三亚单位人员处罚', '无单位人员处罚'])
    expect(items[0].subject).toEqual({ type: 'PERSON', id: expect.any(String), name: '陈明' })
    expect(items[0]).toMatchObject({ regionCode: '460200', regionName: '三亚市' })
    expect(items[1]).toMatchObject({ regionCode: null, regionName: null })
    const json = JSON.stringify(items)
    expect(json).not.toContain('460100198001010011')
    expect(json).not.toContain('13800000000')
  })

  it('filters by kind, region (enterprise or employer), dates and search', async () => {
    expect(await titles({ kind: 'GOOD' })).toEqual(['三亚企业表彰'])
    expect(await titles({ region: '460200' })).toEqual(['三亚单位人员处罚', '三亚企业表彰'])
    expect(await titles({ from: '2026-05-19', to: '2026-06-14' })).toEqual(['昨日开始公示', '三亚单位人员处罚', '无单位人员处罚'])
    expect(await titles({ q: '鹿城' })).toEqual(['三亚企业表彰'])
    expect(await titles({ q: '林芳' })).toEqual(['无单位人员处罚'])
    const { items } = await list({ q: '陈明' })
    expect(await titles({ q: items[0].decisionNumber })).toEqual(['三亚单位人员处罚'])
  })

  it('pages in a stable order and exports the same rows', async () => {
    const page1 = await list({ pageSize: '4' })
    const page2 = await list({ pageSize: '4', page: '2' })
    expect(page1.total).toBe(6)
    expect(page1.pageCount).toBe(2)
    const all = [...page1.items, ...page2.items]
    const exported = []
    for await (const batch of repo.exportExposureEntries({}, NOON)) exported.push(...batch)
    expect(exported).toEqual(all)
  })

  it('feeds the home page and the RSS feed from the same board', async () => {
    const latest = await createLatestRepository(testDb.db).latestExposureEntries(3, NOON)
    expect(latest.map((e) => e.title)).toEqual(['今日开始公示', '昨日开始公示', '三亚单位人员处罚'])
    expect(latest[2].subject).toEqual({ type: 'PERSON', id: expect.any(String), name: '陈明' })
  })
})
