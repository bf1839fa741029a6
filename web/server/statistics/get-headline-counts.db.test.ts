import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { getHeadlineCounts } from './get-headline-counts'

const providers = await testProviders()

// 12:00 on 15 June 2026, Beijing time
const AS_OF = new Date('2026-06-15T04:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`)

async function seed(db: TestDatabase['db']) {
  await db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', sortOrder: 1 } })
  const authority = await db.authority.create({
    data: { regionCode: '460100', name: '海口市住房和城乡建设局', address: '海口市长滨路', phone: '0898-68724510' },
  })
  const enterprise = (uscc: string, name: string, type: 'OWNER' | 'CONTRACTOR') =>
    db.enterprise.create({
      data: {
        uscc,
        name,
        type,
        regionCode: '460100',
        inProvince: true,
        legalRepresentative: '王海',
        registeredAddress: '海口市龙华区',
        registeredCapital: '5000',
        establishedOn: day('2010-03-01'),
      },
    })
  const owner = await enterprise('91460100MA5T000001', '海口城市建设投资有限公司', 'OWNER')
  const contractor = await enterprise('91460100MA5T000002', '海南椰城建设工程有限公司', 'CONTRACTOR')
  const manager = await db.person.create({
    data: { name: '陈明', idNumber: '460100198001010011', gender: '男', employerId: contractor.id },
  })
  const project = await db.project.create({
    data: {
      projectCode: '2024-460100-47-01-000001',
      name: '海口市某安置房项目',
      address: '海口市美兰区',
      regionCode: '460100',
      category: 'BUILDING',
      floorArea: 52000,
      investment: '32000',
      ownerId: owner.id,
      registeredOn: day('2024-05-10'),
    },
  })
  const permit = (permitNumber: string, issuedOn: Date) =>
    db.constructionPermit.create({
      data: {
        projectId: project.id,
        permitNumber,
        regionCode: '460100',
        authorityId: authority.id,
        issuedOn,
        scale: '地上18层 地下2层',
        floorArea: 26000,
        contractPrice: '15000',
        plannedStartOn: issuedOn,
        plannedEndOn: day('2027-12-31'),
        contractorId: contractor.id,
        projectManagerId: manager.id,
      },
    })
  await permit('460100202512310101', day('2025-12-31')) // last year
  await permit('460100202601010101', day('2026-01-01')) // first moment of this year, Beijing time
  await permit('460100202606150101', day('2026-06-15'))
  await db.completionFiling.create({
    data: {
      projectId: project.id,
      filingNumber: '4601002025120001',
      regionCode: '460100',
      authorityId: authority.id,
      acceptedOn: day('2025-12-20'),
      filedOn: day('2025-12-28'),
      actualCost: '31000',
    },
  })
  await db.completionFiling.create({
    data: {
      projectId: project.id,
      filingNumber: '4601002026030001',
      regionCode: '460100',
      authorityId: authority.id,
      acceptedOn: day('2026-03-01'),
      filedOn: day('2026-03-10'),
      actualCost: '31000',
    },
  })
  const record = (title: string, publishFrom: Date, publishUntil: Date, status: 'ACTIVE' | 'WITHDRAWN' = 'ACTIVE') =>
    db.integrityRecord.create({
      data: {
        subjectType: 'ENTERPRISE',
        enterpriseId: contractor.id,
        kind: 'BAD',
        categoryCode: 'BAD-SAFETY-01',
        title,
        description: title,
        decisionNumber: `琼建罚〔2026〕${title.length}号`,
        authorityId: authority.id,
        issuedBy: '海口市住房和城乡建设局',
        decidedOn: publishFrom,
        publishFrom,
        publishUntil,
        points: -3,
        projectId: project.id,
        status,
      },
    })
  await record('在公示期内', day('2026-01-10'), day('2027-01-10'))
  await record('公示期从今天开始', AS_OF, day('2026-12-15'))
  await record('公示期已满', day('2025-01-01'), AS_OF) // publishUntil is exclusive
  await record('公示期尚未开始', day('2026-07-01'), day('2027-07-01'))
  await record('已撤回', day('2026-01-10'), day('2027-01-10'), 'WITHDRAWN')
}

describe.each(providers)('headline counts on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('counts the headline figures as of a moment', async () => {
    const counts = await getHeadlineCounts(testDb.db, AS_OF)
    expect(counts).toEqual({
      enterprises: 2,
      practitioners: 1,
      projects: 1,
      permitsThisYear: 2,
      completionFilingsThisYear: 1,
      activeExposureRecords: 2,
    })
  })

  it('counts zero everywhere in an empty database', async () => {
    const empty = await createTestDatabase(provider)
    try {
      expect(await getHeadlineCounts(empty.db, AS_OF)).toEqual({
        enterprises: 0,
        practitioners: 0,
        projects: 0,
        permitsThisYear: 0,
        completionFilingsThisYear: 0,
        activeExposureRecords: 0,
      })
    } finally {
      await empty.drop()
    }
  })
})
