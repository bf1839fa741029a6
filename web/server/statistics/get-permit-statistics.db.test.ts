import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { cityCountyRegions } from '@shared/regions/hainan'
import type { StatisticsQuery } from './statistics-queries'
import { getPermitStatistics } from './get-permit-statistics'
import type { FiguresTable } from './statistics-schemas'

const providers = await testProviders()

// 12:00 on 15 June 2026, Beijing time
const AS_OF = new Date('2026-06-15T04:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

type Db = TestDatabase['db']

// Hand-made fixtures; the expected figures below are computed by hand from this list.
// [region, issuedOn, floorArea, contractPrice, status]
const PERMITS: [string, Date, number | null, string, 'ACTIVE' | 'REVOKED'][] = [
  ['460100', day('2026-01-01'), 1000.5, '100.25', 'ACTIVE'],
  ['460100', day('2026-03-10'), null, '200', 'ACTIVE'],
  ['460100', day('2026-06-15'), 2000, '300.5', 'ACTIVE'], // today
  ['460100', day('2026-06-16'), 5000, '999', 'ACTIVE'], // after today: outside the year to date
  ['460100', day('2025-12-31'), 800, '80', 'ACTIVE'], // last year, after the same date
  ['460100', day('2025-06-15'), 100, '10', 'ACTIVE'], // same date last year: compared
  ['460100', day('2025-06-16'), 100, '10', 'ACTIVE'], // the day after: not compared
  ['460200', day('2026-02-01'), 1000, '50.1', 'ACTIVE'],
  ['460200', day('2026-02-02'), 1500.25, '60.2', 'REVOKED'], // revoked later: still handled
  ['460200', day('2025-01-01'), 1, '1', 'ACTIVE'],
  ['460200', day('2025-02-01'), 1, '1', 'ACTIVE'],
  ['460200', day('2025-03-01'), 1, '1', 'ACTIVE'],
  ['460200', day('2025-04-01'), 1, '1', 'ACTIVE'],
  ['469001', new Date('2026-02-28T16:00:00Z'), null, '1', 'ACTIVE'], // stored at 00:00 Beijing time of 1 March
  ['469001', day('2025-05-05'), 1, '1', 'ACTIVE'],
  ['469001', day('2024-12-31'), 1, '1', 'ACTIVE'],
]

// [region, filedOn, actualArea, actualCost]
const FILINGS: [string, Date, number | null, string][] = [
  ['460100', day('2026-04-01'), 5000, '3000'],
  ['469001', day('2026-05-01'), null, '100.5'], // after a whole-number group: SQLite groupBy _sum would read 100
  ['460100', day('2025-04-01'), 1, '1'],
  ['460100', day('2025-04-02'), 1, '1'],
]

async function seed(db: Db) {
  for (const [code, name, shortName, sortOrder] of [
    ['460100', '海口市', '海口', 1],
    ['460200', '三亚市', '三亚', 2],
    ['469001', '五指山市', '五指山', 5],
  ] as const) {
    await db.region.create({ data: { code, name, shortName, level: 'CITY', sortOrder } })
  }
  const authorities = new Map<string, string>()
  for (const code of ['460100', '460200', '469001']) {
    const a = await db.authority.create({ data: { regionCode: code, name: `${code}住建局`, address: '海南省', phone: '0898-00000000' } })
    authorities.set(code, a.id)
  }
  const enterprise = await db.enterprise.create({
    data: {
      uscc: '91460100MA5T000002',
      name: '海南椰城建设工程有限公司',
      type: 'CONTRACTOR',
      regionCode: '460100',
      inProvince: true,
      legalRepresentative: '王海',
      registeredAddress: '海口市龙华区',
      registeredCapital: '5000',
      establishedOn: day('2010-03-01'),
    },
  })
  const manager = await db.person.create({ data: { name: '陈明', idNumber: '460100198001010011', gender: '男', employerId: enterprise.id } })
  const project = await db.project.create({
    data: {
      projectCode: '2024-460100-47-01-000001',
      name: '某项目',
      address: '海南省',
      regionCode: '460100',
      category: 'BUILDING',
      investment: '32000',
      ownerId: enterprise.id,
      registeredOn: day('2024-05-10'),
    },
  })
  let n = 0
  for (const [regionCode, issuedOn, floorArea, contractPrice, status] of PERMITS) {
    await db.constructionPermit.create({
      data: {
        projectId: project.id,
        permitNumber: `P${++n}`,
        regionCode,
        authorityId: authorities.get(regionCode)!,
        issuedOn,
        scale: '—',
        floorArea,
        contractPrice,
        plannedStartOn: issuedOn,
        plannedEndOn: day('2028-12-31'),
        contractorId: enterprise.id,
        projectManagerId: manager.id,
        status,
      },
    })
  }
  for (const [regionCode, filedOn, actualArea, actualCost] of FILINGS) {
    await db.completionFiling.create({
      data: {
        projectId: project.id,
        filingNumber: `F${++n}`,
        regionCode,
        authorityId: authorities.get(regionCode)!,
        acceptedOn: filedOn,
        filedOn,
        actualArea,
        actualCost,
      },
    })
  }
}

const row = (table: FiguresTable, code: string) => table.rows.find((r) => r.regionCode === code)!

describe.each(providers)('permit statistics on %s', (provider) => {
  let testDb: TestDatabase
  const report = (query: StatisticsQuery) => getPermitStatistics(testDb.db, query, AS_OF)

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('sums the year to date per region and compares it with the same dates last year', async () => {
    const { period, permits } = await report({})
    expect(period).toMatchObject({ from: '2026-01-01', to: '2026-06-15', previousFrom: '2025-01-01', previousTo: '2025-06-15' })
    expect(permits.rows.map((r) => r.regionCode)).toEqual(cityCountyRegions().map((r) => r.code))
    expect(row(permits, '460100')).toEqual({
      regionCode: '460100',
      regionName: '海口市',
      regionShortName: '海口',
      count: 3,
      floorArea: 3000.5,
      amount: 600.75,
      rank: 1,
      previousCount: 1,
      change: 2,
      changePercent: 200,
    })
    expect(row(permits, '460200')).toMatchObject({ count: 2, floorArea: 2500.25, amount: 110.3, rank: 2, previousCount: 4, change: -2, changePercent: -50 })
    expect(row(permits, '469001')).toMatchObject({ count: 1, floorArea: 0, amount: 1, rank: 3, previousCount: 1, change: 0, changePercent: 0 })
    expect(row(permits, '460400')).toMatchObject({ count: 0, floorArea: 0, amount: 0, rank: 4, previousCount: 0, change: 0, changePercent: null })
    expect(permits.total).toEqual({ count: 6, floorArea: 5500.75, amount: 712.05, previousCount: 6, change: 0, changePercent: 0 })
  })

  it('counts completion filings by filing date in the same way', async () => {
    const { completionFilings } = await report({})
    expect(row(completionFilings, '460100')).toMatchObject({ count: 1, floorArea: 5000, amount: 3000, rank: 1, previousCount: 2, change: -1, changePercent: -50 })
    expect(row(completionFilings, '469001')).toMatchObject({ count: 1, floorArea: 0, amount: 100.5, rank: 1, previousCount: 0, change: 1, changePercent: null })
    expect(row(completionFilings, '460200')).toMatchObject({ count: 0, rank: 3 })
    expect(completionFilings.total).toEqual({ count: 2, floorArea: 5000, amount: 3100.5, previousCount: 2, change: 0, changePercent: 0 })
  })

  it('gives a month by China calendar date, against the whole month last year', async () => {
    const { permits } = await report({ year: 2026, month: 2 })
    expect(row(permits, '460200')).toMatchObject({ count: 2, previousCount: 1, change: 1, changePercent: 100 })
    // 00:00 Beijing time on 1 March is March, though it is still 28 February in UTC
    expect(row(permits, '469001')).toMatchObject({ count: 0 })
    expect(permits.total).toMatchObject({ count: 2, previousCount: 1 })
    const march = await report({ year: 2026, month: 3 })
    expect(row(march.permits, '469001')).toMatchObject({ count: 1 })
  })

  it('gives a past year whole', async () => {
    const { permits } = await report({ year: 2025 })
    expect(row(permits, '460100')).toMatchObject({ count: 3, floorArea: 1000, amount: 100, previousCount: 0, changePercent: null })
    expect(permits.total).toMatchObject({ count: 8, previousCount: 1, change: 7, changePercent: 700 })
  })

  it('counts month by month, months not yet begun left empty', async () => {
    const { monthly, permits } = await report({})
    expect(monthly.map((m) => m.permits)).toEqual([1, 2, 2, 0, 0, 1, null, null, null, null, null, null])
    expect(monthly.map((m) => m.previousPermits)).toEqual([1, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0, 1])
    expect(monthly.map((m) => m.completionFilings)).toEqual([0, 0, 0, 1, 1, 0, null, null, null, null, null, null])
    expect(monthly.map((m) => m.previousCompletionFilings)).toEqual([0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0])
    // the months of the year to date add up to the year's total
    expect(monthly.reduce((s, m) => s + (m.permits ?? 0), 0)).toBe(permits.total.count)
  })
})
