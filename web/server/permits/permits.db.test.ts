// The permit use cases against seeded data: the list's order, filters and totals agree with the
// table itself, the export walks exactly the list in keyset batches, and a permit answers with
// its documented shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { exportPermits } from './export-permits'
import { getPermit } from './get-permit'
import { listPermits } from './list-permits'
import { permitFiltersSchema, permitListQuerySchema, type PermitFilters } from './permit-queries'
import { permitDetailSchema, permitListItemSchema, type PermitListItem } from './permits-schemas'

const TEST_KEYS = createTestSigningKeys()
const providers = await testProviders()

async function exportAll(db: TestDatabase['db'], filters: PermitFilters, batchSize?: number) {
  const items: PermitListItem[] = []
  let batches = 0
  for await (const batch of exportPermits(db, filters, batchSize)) {
    batches++
    items.push(...batch)
  }
  return { items, batches }
}

describe.each(providers)('permits on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('lists every permit newest first, then by id, with the table’s total', async () => {
    const all = await testDb.db.constructionPermit.findMany({ orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }], select: { permitNumber: true } })
    const page = await listPermits(testDb.db, permitListQuerySchema.parse({ pageSize: '100' }))
    expect(page.total).toBe(all.length)
    expect(page.items.map((p) => p.permitNumber)).toEqual(all.slice(0, 100).map((p) => p.permitNumber))
    for (const item of page.items) expect(permitListItemSchema.parse(item)).toEqual(item)
  })

  it('filters by region and status with the totals of the table', async () => {
    const { regionCode } = await testDb.db.constructionPermit.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { regionCode: true } })
    const expected = await testDb.db.constructionPermit.count({ where: { regionCode, status: 'ACTIVE' } })
    const page = await listPermits(testDb.db, permitListQuerySchema.parse({ region: regionCode, status: 'ACTIVE' }))
    expect(page.total).toBe(expected)
    expect(page.items.every((p) => p.regionCode === regionCode && p.status === 'ACTIVE')).toBe(true)
  })

  it('exports exactly the filtered list, in its order, across keyset batches', async () => {
    const filters = permitFiltersSchema.parse({})
    const total = await testDb.db.constructionPermit.count()
    const { items, batches } = await exportAll(testDb.db, filters, 7)
    expect(items).toHaveLength(total)
    expect(batches).toBe(Math.ceil(total / 7))
    const firstPage = await listPermits(testDb.db, permitListQuerySchema.parse({ pageSize: '100' }))
    expect(items.slice(0, firstPage.items.length)).toEqual(firstPage.items)
    expect(new Set(items.map((p) => p.permitNumber)).size).toBe(total)
  })

  it('answers a permit with every documented field, and null for an unknown number', async () => {
    const row = await testDb.db.constructionPermit.findFirstOrThrow({
      orderBy: { id: 'asc' },
      select: { permitNumber: true, contractor: { select: { uscc: true } }, certificate: { select: { serial: true } } },
    })
    const permit = await getPermit(testDb.db, row.permitNumber)
    expect(permit).not.toBeNull()
    expect(permitDetailSchema.parse(permit)).toEqual(permit)
    expect(permit).toMatchObject({ permitNumber: row.permitNumber, contractorUscc: row.contractor.uscc })
    expect(permit!.certificate?.serial ?? null).toBe(row.certificate?.serial ?? null)
    expect(await getPermit(testDb.db, '460100199901010101')).toBeNull()
  })
})
