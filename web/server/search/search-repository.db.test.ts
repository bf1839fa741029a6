import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createExposureRepository } from '@web/server/records/exposure-repository'
import { createLatestRepository } from '@web/server/home/latest-repository'
import { createPermitsRepository } from '@web/server/permits/permits-repository'
import { createSearchRepository } from './search-repository'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

const TEST_KEYS = createTestSigningKeys()

const providers = await testProviders()

const AS_OF = new Date('2026-06-30T04:00:00Z')

describe.each(providers)('site search and latest lists on %s', (provider) => {
  let testDb: TestDatabase
  let search: ReturnType<typeof createSearchRepository>['searchSite']

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
    search = createSearchRepository(testDb.db).searchSite
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('finds a permit by its number, with the same total as the permit list', async () => {
    const permit = await testDb.db.constructionPermit.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { permitNumber: true } })
    const results = await search(permit.permitNumber)
    expect(results.permits.items.map((p) => p.permitNumber)).toContain(permit.permitNumber)
    const list = await createPermitsRepository(testDb.db).listPermits({ q: permit.permitNumber, page: 1, pageSize: 5 })
    expect(results.permits.total).toBe(list.total)
  })

  it('finds a completion filing by its number', async () => {
    const filing = await testDb.db.completionFiling.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { filingNumber: true } })
    const results = await search(filing.filingNumber)
    expect(results.completionFilings.items.map((f) => f.filingNumber)).toContain(filing.filingNumber)
  })

  it('finds a project by its name and by its code', async () => {
    const project = await testDb.db.project.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { name: true, projectCode: true } })
    expect((await search(project.name)).projects.items.map((p) => p.projectCode)).toContain(project.projectCode)
    const byCode = await search(project.projectCode)
    expect(byCode.projects.items.map((p) => p.projectCode)).toEqual([project.projectCode])
    // the code also finds the project's permits and filings
    expect(byCode.permits.total).toBe(await testDb.db.constructionPermit.count({ where: { project: { projectCode: project.projectCode } } }))
  })

  it('finds an enterprise by its name and by its USCC', async () => {
    const enterprise = await testDb.db.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { name: true, uscc: true } })
    expect((await search(enterprise.name)).enterprises.items.map((e) => e.uscc)).toContain(enterprise.uscc)
    expect((await search(enterprise.uscc)).enterprises.items.map((e) => e.uscc)).toEqual([enterprise.uscc])
  })

  it('finds a practitioner by name and by registration number, showing no ID number', async () => {
    const registration = await testDb.db.registration.findFirstOrThrow({
      orderBy: { id: 'asc' },
      select: { number: true, person: { select: { id: true, name: true, idNumber: true } } },
    })
    const byName = await search(registration.person.name)
    expect(byName.practitioners.items.map((p) => p.id)).toContain(registration.person.id)
    const byNumber = await search(registration.number)
    expect(byNumber.practitioners.items.map((p) => p.id)).toEqual([registration.person.id])
    expect(JSON.stringify(byNumber)).not.toContain(registration.person.idNumber)
  })

  it('returns at most the asked number of hits per kind, and nothing for a term that matches nothing', async () => {
    const results = await search('海', 5)
    for (const section of [results.permits, results.completionFilings, results.projects, results.enterprises, results.practitioners]) {
      expect(section.items.length).toBeLessThanOrEqual(5)
      expect(section.total).toBeGreaterThanOrEqual(section.items.length)
    }
    expect(results.enterprises.total).toBeGreaterThan(5)
    expect(results.enterprises.capped).toBe(false)
    // above the cap the count stops and says so
    const cappedAt3 = await search('海', 5, 3)
    expect(cappedAt3.enterprises).toMatchObject({ total: 3, capped: true })
    expect(cappedAt3.enterprises.items.map((e) => e.uscc)).toEqual(results.enterprises.items.map((e) => e.uscc))
    const exactAt = await search('海', 5, results.enterprises.total)
    expect(exactAt.enterprises).toMatchObject({ total: results.enterprises.total, capped: false })
    const none = await search('不存在的名称ZZZ')
    expect([none.permits, none.completionFilings, none.projects, none.enterprises, none.practitioners].map((s) => s.total)).toEqual([0, 0, 0, 0, 0])
  })

  it('lists the newest permits, filings and board records, five each', async () => {
    const latest = await createLatestRepository(testDb.db).getLatestDisclosures(AS_OF, 5)
    const page = await createPermitsRepository(testDb.db).listPermits({ page: 1, pageSize: 5 })
    expect(latest.permits.map((p) => p.permitNumber)).toEqual(page.items.map((p) => p.permitNumber))
    expect(latest.completionFilings).toHaveLength(5)
    const filed = latest.completionFilings.map((f) => f.filedOn)
    expect(filed).toEqual([...filed].sort().reverse())
    // as many board records as the board holds, up to five, and the same ones as the board's first page
    const board = await createExposureRepository(testDb.db).listExposureEntries({ page: 1, pageSize: 5 }, AS_OF)
    expect(board.total).toBeGreaterThan(0)
    expect(latest.exposure.map((e) => e.id)).toEqual(board.items.map((e) => e.id))
    for (const e of latest.exposure) expect(e.lastPublicDay >= '2026-06-30').toBe(true)
  })
})
