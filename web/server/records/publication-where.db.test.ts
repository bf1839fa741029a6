// The publication rule's two forms — isPublicOn over calendar days and publicOnWhere in the
// database — give the same answer for any records and any day, on SQLite and on PostgreSQL.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { isPublicOn } from '@shared/records/publication'
import { publicOnWhere } from './publication-where'

const providers = await testProviders()

// A short window, so that generated periods start and end on the queried day often.
const FIRST = Date.UTC(2026, 0, 1)
const dayArb = fc.integer({ min: 0, max: 20 }).map((n) => new Date(FIRST + n * 86_400_000).toISOString().slice(0, 10))
const recordArb = fc.record({
  status: fc.constantFrom('ACTIVE' as const, 'WITHDRAWN' as const),
  publishFrom: dayArb,
  publishUntil: dayArb,
})

describe.each(providers)('publicOnWhere agrees with isPublicOn (%s)', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('selects exactly the records isPublicOn calls public, for every day', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 12 }), dayArb, async (records, day) => {
        await t.db.integrityRecord.deleteMany()
        const ids: string[] = []
        for (const [i, r] of records.entries()) {
          const row = await t.db.integrityRecord.create({
            data: {
              subjectType: 'ENTERPRISE',
              kind: 'BAD',
              categoryCode: 'BAD.PENALTY.MINOR',
              title: `记录 ${i}`,
              description: '—',
              decisionNumber: `琼建罚〔2026〕${i}号`,
              issuedBy: '海南省住房和城乡建设厅',
              decidedOn: new Date(`${r.publishFrom}T00:00:00Z`),
              publishFrom: new Date(`${r.publishFrom}T00:00:00Z`),
              publishUntil: new Date(`${r.publishUntil}T00:00:00Z`),
              points: -1,
              status: r.status,
            },
          })
          ids.push(row.id)
        }
        const selected = await t.db.integrityRecord.findMany({ where: publicOnWhere(day), select: { id: true } })
        const expected = ids.filter((_, i) => isPublicOn(records[i], day)).sort()
        expect(selected.map((s) => s.id).sort()).toEqual(expected)
      }),
      { numRuns: 40 },
    )
  })
})
