// Keyset paging of every public list against seeded data on both databases: walking "next" from
// the first page returns every row exactly once, in the order numbered (OFFSET) pages give;
// walking "previous" back from the last page gives the same rows; the count is the table's; a
// cursor that is not this list's is refused with the one clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { listPermits } from '../permits/list-permits'
import { permitListQuerySchema } from '../permits/permit-queries'
import { listCompletionFilings } from '../completion-filings/list-completion-filings'
import { completionFilingListQuerySchema } from '../completion-filings/completion-filing-queries'
import { listProjects } from '../projects/list-projects'
import { projectListQuerySchema } from '../projects/project-queries'
import { listEnterprises } from '../enterprises/list-enterprises'
import { enterpriseListQuerySchema } from '../enterprises/enterprise-queries'
import { listPractitioners } from '../practitioners/list-practitioners'
import { practitionerListQuerySchema } from '../practitioners/practitioner-queries'
import { listExposureEntries } from '../records/list-exposure-entries'
import { exposureListQuerySchema } from '../records/exposure-queries'
import { listCreditGrades } from '../credit/list-credit-grades'
import { listBlacklist } from '../credit/list-blacklist'
import { blacklistListQuerySchema, creditGradeListQuerySchema } from '../credit/credit-queries'
import { exposureWhere } from '../records/exposure-repository'
import { creditGradeWhere } from '../credit/credit-grades-repository'
import { blacklistWhere } from '../credit/blacklist-repository'
import { gradeListSelect, toListItem } from '../credit/credit-rows'
import { CURSOR_MESSAGE, MAX_OFFSET_PAGE, type KeysetPage, type KeysetPagination } from './keyset-page'
import { cappedCount, COUNT_CAP } from './counts'

const TEST_KEYS = createTestSigningKeys()
const providers = await testProviders()
const AS_OF = '2026-06-30'
const NOON = new Date(`${AS_OF}T12:00:00+08:00`)

type Db = TestDatabase['db']
interface ListCase {
  name: string
  schema: z.ZodType<KeysetPagination>
  list: (db: Db, query: KeysetPagination) => Promise<KeysetPage<unknown>>
  /** a filter that keeps part of the list */
  filter: Record<string, string>
  /**
   * Lists whose region filter is read in branches (findInBranches): who each item is, and the
   * same for the rows of the one-OR where in the list's order, the reference the branches must give.
   */
  byRegion?: { identity: (item: unknown) => string; reference: (db: Db, region: string) => Promise<string[]> }
}

/** The region on offer whose enterprises and practitioners (by employer) both hold the most public records. */
async function busiestRegion(db: Db): Promise<string> {
  const rows = await db.integrityRecord.findMany({
    where: exposureWhere({}, NOON),
    select: { enterprise: { select: { regionCode: true } }, person: { select: { employer: { select: { regionCode: true } } } } },
  })
  const counts = new Map<string, { enterprise: number; person: number }>()
  for (const r of rows) {
    const region = r.enterprise?.regionCode ?? r.person?.employer?.regionCode
    if (!region) continue
    const c = counts.get(region) ?? { enterprise: 0, person: 0 }
    if (r.enterprise) c.enterprise++
    else c.person++
    counts.set(region, c)
  }
  // a region the lists' filter offers (cities and counties, not zones or districts)
  const both = [...counts].filter(([region, c]) => c.enterprise > 0 && c.person > 0 && exposureListQuerySchema.safeParse({ region }).success).sort((a, b) => b[1].enterprise + b[1].person - (a[1].enterprise + a[1].person))
  return both[0][0]
}
const subjectOf = (item: unknown) => JSON.stringify((item as { subject: unknown }).subject)
const gradeSubjects = async (db: Db, where: Parameters<Db['creditGrade']['findMany']>[0] extends infer A ? (A extends { where?: infer W } ? W : never) : never, orderBy: object[]) =>
  (await db.creditGrade.findMany({ where, orderBy, select: gradeListSelect })).map((row) => JSON.stringify(toListItem(row).subject))

const LISTS: ListCase[] = [
  { name: 'permits', schema: permitListQuerySchema, list: (db, q) => listPermits(db, q as never), filter: { category: 'BUILDING' } },
  { name: 'completion filings', schema: completionFilingListQuerySchema, list: (db, q) => listCompletionFilings(db, q as never), filter: { category: 'MUNICIPAL' } },
  { name: 'projects', schema: projectListQuerySchema, list: (db, q) => listProjects(db, q as never), filter: { category: 'BUILDING' } },
  { name: 'enterprises', schema: enterpriseListQuerySchema, list: (db, q) => listEnterprises(db, q as never), filter: { type: 'CONTRACTOR' } },
  { name: 'practitioners', schema: practitionerListQuerySchema, list: (db, q) => listPractitioners(db, q as never, NOON), filter: { type: 'CONSTRUCTOR_1' } },
  {
    name: 'exposure board',
    schema: exposureListQuerySchema,
    list: (db, q) => listExposureEntries(db, q as never, NOON),
    filter: { kind: 'BAD' },
    byRegion: {
      identity: (item) => (item as { id: string }).id,
      reference: async (db, region) =>
        (await db.integrityRecord.findMany({ where: exposureWhere({ region }, NOON), orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }], select: { id: true } })).map((r) => r.id),
    },
  },
  {
    name: 'credit ranking',
    schema: creditGradeListQuerySchema,
    list: (db, q) => listCreditGrades(db, q as never),
    filter: { subjectType: 'ENTERPRISE' },
    byRegion: { identity: subjectOf, reference: (db, region) => gradeSubjects(db, creditGradeWhere({ region }), [{ score: 'desc' }, { id: 'asc' }]) },
  },
  {
    name: 'blacklist',
    schema: blacklistListQuerySchema,
    list: (db, q) => listBlacklist(db, q as never, NOON),
    filter: {},
    byRegion: { identity: subjectOf, reference: (db, region) => gradeSubjects(db, blacklistWhere({ region }, AS_OF), [{ listedOn: 'desc' }, { id: 'asc' }]) },
  },
]

/** Every item by following nextCursor from page 1 (pages of `pageSize`), with the page numbers seen. */
async function walkForward(db: Db, c: ListCase, raw: Record<string, string>, pageSize: number) {
  const items: unknown[] = []
  const pages: number[] = []
  let page = await c.list(db, c.schema.parse({ ...raw, pageSize: String(pageSize) }))
  for (;;) {
    items.push(...page.items)
    pages.push(page.page)
    if (!page.nextCursor) return { items, pages, last: page }
    page = await c.list(db, c.schema.parse({ ...raw, pageSize: String(pageSize), cursor: page.nextCursor }))
  }
}

/** Every item by numbered pages (OFFSET), as long as the list fits in MAX_OFFSET_PAGE pages. */
async function walkNumbered(db: Db, c: ListCase, raw: Record<string, string>, pageSize: number) {
  const items: unknown[] = []
  for (let p = 1; p <= MAX_OFFSET_PAGE; p++) {
    const page = await c.list(db, c.schema.parse({ ...raw, page: String(p), pageSize: String(pageSize) }))
    items.push(...page.items)
    if (page.items.length < pageSize) break
  }
  return items
}

describe.each(providers)('keyset paging of the public lists on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: AS_OF })
  }, 300_000)

  afterAll(async () => {
    await testDb?.drop()
  })

  describe.each(LISTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it.each([
      ['unfiltered', {}],
      ['filtered', c.filter],
      ...(c.byRegion ? [['by region (read in branches)', { region: '460100' }] as [string, Record<string, string>]] : []),
    ])('%s: next pages return every row once, as numbered pages do, and previous pages walk back', async (_label, raw) => {
      const first = await c.list(testDb.db, c.schema.parse({ ...raw, pageSize: '100' }))
      // a list of the small seed fits in numbered pages at some page size: pick one that gives several pages
      const pageSize = Math.max(1, Math.ceil(first.total / (MAX_OFFSET_PAGE - 5)), Math.min(7, first.total))
      const { items, pages, last } = await walkForward(testDb.db, c, raw, pageSize)
      expect(first.totalCapped).toBe(false)
      expect(items).toHaveLength(first.total)
      expect(new Set(items.map((i) => JSON.stringify(i))).size).toBe(first.total)
      expect(pages).toEqual(pages.map((_, i) => i + 1))
      expect(items).toEqual(await walkNumbered(testDb.db, c, raw, pageSize))

      const back: unknown[] = [...last.items]
      let page = last
      while (page.prevCursor) {
        page = await c.list(testDb.db, c.schema.parse({ ...raw, pageSize: String(pageSize), cursor: page.prevCursor }))
        expect(page.items).toHaveLength(pageSize)
        back.unshift(...page.items)
      }
      expect(page.page).toBe(1)
      expect(back).toEqual(items)
    })
  })

  it.each(LISTS.filter((c) => c.byRegion).map((c) => [c.name, c] as const))(
    '%s by region: the branches, merged, give the rows of the one-OR query in its order, and count them',
    async (_name, c) => {
      const region = await busiestRegion(testDb.db)
      const expected = await c.byRegion!.reference(testDb.db, region)
      // pages of 1 and 2, so that every page is a merge of both branches' reads
      for (const pageSize of [1, 2]) {
        const { items, last } = await walkForward(testDb.db, c, { region }, pageSize)
        expect(items.map(c.byRegion!.identity)).toEqual(expected)
        expect(last.total).toBe(expected.length)
      }
      if (c.name !== 'blacklist') {
        // both branches have rows here: enterprises' and practitioners'
        const { items } = await walkForward(testDb.db, c, { region }, 100)
        expect(new Set(items.map((i) => (i as { subject: { type: string } }).subject.type))).toEqual(new Set(['ENTERPRISE', 'PERSON']))
      }
    },
  )

  it('the lists have rows to page through (so that the walks above test something)', async () => {
    for (const c of LISTS.filter((l) => l.name !== 'blacklist')) {
      const page = await c.list(testDb.db, c.schema.parse({ pageSize: '5' }))
      expect(page.total, c.name).toBeGreaterThan(10)
      expect(page.nextCursor, c.name).not.toBeNull()
    }
  })
})

describe('cursor parameter', () => {
  it('refuses a cursor of another list, a forged, a truncated one and a deep page number with messages', async () => {
    const permitsCursor = 'eyJvIjoiaXNzdWVkT24iLCJkIjoibiIsInYiOiIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpIjoieCIsInAiOjJ9'
    expect(permitListQuerySchema.safeParse({ cursor: permitsCursor }).success).toBe(true)
    for (const cursor of [permitsCursor.slice(0, 20), 'not a cursor', 'e30', Buffer.from('{"o":"issuedOn","d":"n","v":5,"i":"x","p":2}').toString('base64url')]) {
      const r = permitListQuerySchema.safeParse({ cursor })
      expect(r.success, cursor).toBe(false)
      expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['cursor', CURSOR_MESSAGE]])
    }
    // the permits cursor means nothing to the enterprise list
    expect(enterpriseListQuerySchema.safeParse({ cursor: permitsCursor }).error!.issues[0].message).toBe(CURSOR_MESSAGE)
    expect(permitListQuerySchema.safeParse({ page: String(MAX_OFFSET_PAGE + 1) }).error!.issues[0].path).toEqual(['page'])
    expect(permitListQuerySchema.parse({ cursor: '' }).cursor).toBeUndefined()
  })

  it('counts exactly up to the cap and says "more" above it', () => {
    expect(cappedCount(COUNT_CAP)).toEqual({ total: COUNT_CAP, capped: false })
    expect(cappedCount(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, capped: true })
    expect(cappedCount(3, 2)).toEqual({ total: 2, capped: true })
  })
})
