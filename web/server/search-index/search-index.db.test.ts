// The substring index against a plain scan: on generated names (CJK with repeats such as 王伟 and
// 海口, ASCII in both cases, digits, full-width brackets, a character outside the BMP), every
// list's `q` filter through the index finds exactly the rows that LIKE over the whole table finds,
// for terms of 1 to 6 characters and terms cut by LIKE wildcards. And the index follows every
// write: the seed's raw bulk INSERTs, Prisma's create, a rename and a delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Prisma } from '@db/generated/sqlite/client'
import { normalizeCode } from '@shared/validators/normalize'
import { normalizeUscc } from '@shared/validators/uscc'
import { searchPieces } from '@web/server/lib/text-search'
import { enterpriseWhere } from '@web/server/enterprises/enterprises-repository'
import { practitionerWhere } from '@web/server/practitioners/practitioners-repository'
import { projectWhere } from '@web/server/projects/projects-repository'
import { permitWhere } from '@web/server/permits/permits-repository'
import { completionFilingWhere } from '@web/server/completion-filings/completion-filings-repository'
import { exposureWhere } from '@web/server/records/exposure-repository'
import { creditGradeWhere } from '@web/server/credit/credit-grades-repository'
import { blacklistWhere } from '@web/server/credit/blacklist-repository'
import { publicAtWhere } from '@web/server/records/publication-where'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { indexTokens } from './search-tokens'
import { createSearchMatchesRepository, findPartyProjects, type SearchMatches } from './search-matches-repository'
import { createSearchRepository } from '@web/server/search/search-repository'
import { rebuildSearchIndex } from './rebuild-search-index-repository'

const TEST_KEYS = createTestSigningKeys()
const providers = await testProviders()

// few distinct characters, so that terms of every length match some names and miss others
const ALPHABET = [...'王伟海口南建设工程有限公司集团', 'A', 'a', 'B', 'b', 'x', '1', '2', '0', '（', '）', '·', ' ', '𠮷']

function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = prng(20261204)
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
const randomText = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(ALPHABET)).join('')
/** A generated name: random characters around a common name or place now and then. */
const generatedName = () => randomText(0, 4) + pick(['王伟', '海口', '', '', 'AB1', 'ab']) + randomText(1, 6)

/** The plain scan: every piece of the term somewhere in the field, LIKE over every row; a term of only wildcards matches nothing. */
function plain<W>(term: string, build: (filter: { contains: string } | { in: string[] }) => W): { AND: W[] } {
  const pieces = searchPieces(term)
  return { AND: pieces.length ? pieces.map((piece) => build({ contains: piece })) : [build({ in: [] })] }
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()

/** Each register's list `where` for `q` as a plain scan: LIKE over every row, no index. */
function plainWheres(q: string) {
  const code = normalizeCode(q)
  return {
    enterprises: { OR: [plain(q, (f) => ({ name: f })), plain(normalizeUscc(q), (f) => ({ uscc: f }))] } satisfies Prisma.EnterpriseWhereInput,
    practitioners: {
      OR: [plain(q, (f) => ({ name: f })), { registrations: { some: { number: code } } }, plain(q, (f) => ({ employer: { is: { name: f } } }))],
    } satisfies Prisma.PersonWhereInput,
    projects: {
      OR: [plain(q, (f) => ({ name: f })), plain(code, (f) => ({ projectCode: f })), plain(q, (f) => ({ owner: { name: f } }))],
    } satisfies Prisma.ProjectWhereInput,
    permits: {
      OR: [
        plain(q.toUpperCase(), (f) => ({ permitNumber: f })),
        plain(q, (f) => ({ project: { name: f } })),
        plain(code, (f) => ({ project: { projectCode: f } })),
        plain(q, (f) => ({ contractor: { name: f } })),
      ],
    } satisfies Prisma.ConstructionPermitWhereInput,
    completionFilings: {
      OR: [
        plain(code, (f) => ({ filingNumber: f })),
        plain(q, (f) => ({ project: { name: f } })),
        plain(code, (f) => ({ project: { projectCode: f } })),
        plain(q, (f) => ({ project: { owner: { name: f } } })),
        plain(q, (f) => ({ project: { participants: { some: { role: 'CONTRACTOR', enterprise: { name: f } } } } })),
      ],
    } satisfies Prisma.CompletionFilingWhereInput,
    exposure: {
      AND: [
        publicAtWhere(AS_OF_DATE),
        { OR: [plain(q, (f) => ({ decisionNumber: f })), plain(q, (f) => ({ enterprise: { name: f } })), plain(q, (f) => ({ person: { name: f } }))] },
      ],
    } satisfies Prisma.IntegrityRecordWhereInput,
    ranking: {
      isLatest: true,
      OR: [plain(q, (f) => ({ enterprise: { name: f } })), { enterprise: { uscc: normalizeUscc(q) } }, plain(q, (f) => ({ person: { name: f } }))],
    } satisfies Prisma.CreditGradeWhereInput,
  }
}

const AS_OF = '2026-06-30'
const AS_OF_DATE = new Date(`${AS_OF}T12:00:00+08:00`)

describe.each(providers)('substring search index on %s', (provider) => {
  let testDb: TestDatabase
  const names: string[] = []

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seedDatabase(testDb.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 7, asOf: AS_OF })
    // rename about half of every register to generated names: the update trigger's work
    const db = testDb.db
    for (const e of await db.enterprise.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
      if (random() < 0.5) names.push((await db.enterprise.update({ where: { id: e.id }, data: { name: generatedName() }, select: { name: true } })).name)
    }
    for (const p of await db.person.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
      if (random() < 0.5) names.push((await db.person.update({ where: { id: p.id }, data: { name: generatedName().slice(0, 4) || '王伟' }, select: { name: true } })).name)
    }
    for (const p of await db.project.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
      if (random() < 0.5) names.push((await db.project.update({ where: { id: p.id }, data: { name: generatedName() }, select: { name: true } })).name)
    }
  }, 240_000)

  afterAll(async () => {
    await testDb?.drop()
  })

  /** Terms of `length` characters: substrings of stored names (hits) and random strings (mostly misses). */
  function termsOfLength(length: number): string[] {
    const terms = new Set<string>()
    const long = names.map((n) => Array.from(n)).filter((chars) => chars.length >= length)
    for (let i = 0; i < 12 && long.length; i++) {
      const chars = pick(long)
      const at = Math.floor(random() * (chars.length - length + 1))
      terms.add(chars.slice(at, at + length).join('').trim() || '王')
    }
    for (let i = 0; i < 4; i++) terms.add(randomText(length, length).trim() || '海')
    return [...terms]
  }

  const fixedTerms = ['王伟', '海口', '王', '伟', '口', 'a', 'A', 'ab', 'AB', 'aB1', '𠮷', '（', '有限公司', '海口%王伟', '王_伟', '46', 'HK', '%', '王伟王伟王伟']
  const allTerms = () => [...fixedTerms, ...[1, 2, 3, 4, 5, 6].flatMap(termsOfLength)]
  /** Whole codes, which lists match exactly: a registration number (lower case, as typed) and a USCC. */
  const exactTerms = async () => {
    const registration = await testDb.db.registration.findFirstOrThrow({ select: { number: true }, orderBy: { id: 'asc' } })
    const enterprise = await testDb.db.enterprise.findFirstOrThrow({ select: { uscc: true }, orderBy: { id: 'desc' } })
    return [registration.number.toLowerCase(), enterprise.uscc]
  }

  it('every list finds through the index exactly what a plain scan finds, for terms of 1 to 6 characters', async () => {
    const db = testDb.db
    let hits = 0
    for (const q of [...(await exactTerms()), ...allTerms()]) {
      const scan = plainWheres(q)
      const cases: [string, (m: SearchMatches | undefined) => Promise<string[]>, () => Promise<string[]>][] = [
        [
          'enterprises',
          async (m) => ids(await db.enterprise.findMany({ where: enterpriseWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.enterprise.findMany({ where: scan.enterprises, select: { id: true } })),
        ],
        [
          'practitioners',
          async (m) => ids(await db.person.findMany({ where: practitionerWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.person.findMany({ where: scan.practitioners, select: { id: true } })),
        ],
        [
          'projects',
          async (m) => ids(await db.project.findMany({ where: projectWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.project.findMany({ where: scan.projects, select: { id: true } })),
        ],
        [
          'permits',
          async (m) => ids(await db.constructionPermit.findMany({ where: permitWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.constructionPermit.findMany({ where: scan.permits, select: { id: true } })),
        ],
        [
          'completion filings',
          async (m) => ids(await db.completionFiling.findMany({ where: completionFilingWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.completionFiling.findMany({ where: scan.completionFilings, select: { id: true } })),
        ],
        [
          'completion filings, owners and contractors as projects',
          async (m) => ids(await db.completionFiling.findMany({ where: completionFilingWhere({ q }, m, await findPartyProjects(db, m)), select: { id: true } })),
          async () => ids(await db.completionFiling.findMany({ where: scan.completionFilings, select: { id: true } })),
        ],
        [
          'exposure board',
          async (m) => ids(await db.integrityRecord.findMany({ where: exposureWhere({ q }, AS_OF_DATE, m), select: { id: true } })),
          async () => ids(await db.integrityRecord.findMany({ where: scan.exposure, select: { id: true } })),
        ],
        [
          'credit ranking',
          async (m) => ids(await db.creditGrade.findMany({ where: creditGradeWhere({ q }, m), select: { id: true } })),
          async () => ids(await db.creditGrade.findMany({ where: scan.ranking, select: { id: true } })),
        ],
        [
          'blacklist',
          async (m) => ids(await db.creditGrade.findMany({ where: blacklistWhere({ q }, AS_OF, m), select: { id: true } })),
          async () => ids(await db.creditGrade.findMany({ where: { AND: [blacklistWhere({}, AS_OF), scan.ranking] }, select: { id: true } })),
        ],
      ]
      // three ways through the index: EXISTS on the tokens (no matches looked up), the matching ids
      // (up to MATCH_ID_LIMIT, POSTGRES_MATCH_ID_LIMIT on PostgreSQL), and a limit of 3 that sends all
      // but the rare terms back to EXISTS
      const ways: [string, SearchMatches | undefined][] = [
        ['exists', undefined],
        ['ids', await createSearchMatchesRepository(db).findSearchMatches(q)],
        ['ids up to 3', await createSearchMatchesRepository(db, 3).findSearchMatches(q)],
      ]
      for (const [what, indexed, scanned] of cases) {
        const expected = await scanned()
        hits += expected.length
        for (const [way, matches] of ways) expect({ q, what, way, ids: await indexed(matches) }).toEqual({ q, what, way, ids: expected })
      }
    }
    // the terms were not all misses
    expect(hits).toBeGreaterThan(1000)
  }, 240_000)

  it("the site search shows the plain scan's first hits in list order and its count, capped, for terms of 1 to 6 characters", async () => {
    const db = testDb.db
    // the default thresholds, and tiny ones that send this small database's terms down the
    // PostgreSQL paths meant for common terms (many subjects: the newest rows first, then the rest)
    const searches = [createSearchRepository(db), createSearchRepository(db, { fewSubjects: 2, window: 3 })]
    const take = 4
    let capped = 0
    for (const [q, search] of allTerms().flatMap((term) => searches.map((s) => [term, s] as const))) {
      const scan = plainWheres(q)
      const [permits, filings, projects, enterprises, people] = await Promise.all([
        db.constructionPermit.findMany({ where: scan.permits, orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }], select: { permitNumber: true } }),
        db.completionFiling.findMany({ where: scan.completionFilings, orderBy: [{ filedOn: 'desc' }, { id: 'desc' }], select: { filingNumber: true } }),
        db.project.findMany({ where: scan.projects, orderBy: [{ registeredOn: 'desc' }, { id: 'desc' }], select: { projectCode: true } }),
        db.enterprise.findMany({ where: scan.enterprises, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { uscc: true } }),
        db.person.findMany({ where: scan.practitioners, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true } }),
      ])
      // a cap of 6 makes common terms take the capped path, and the others count exactly
      const cap = 6
      const section = (keys: string[]) => ({ total: Math.min(keys.length, cap), capped: keys.length > cap, items: keys.slice(0, take) })
      const found = await search.searchSite(q, take, cap)
      const expected = {
        permits: section(permits.map((r) => r.permitNumber)),
        completionFilings: section(filings.map((r) => r.filingNumber)),
        projects: section(projects.map((r) => r.projectCode)),
        enterprises: section(enterprises.map((r) => r.uscc)),
        practitioners: section(people.map((r) => r.id)),
      }
      const got = {
        permits: { ...found.permits, items: found.permits.items.map((h) => h.permitNumber) },
        completionFilings: { ...found.completionFilings, items: found.completionFilings.items.map((h) => h.filingNumber) },
        projects: { ...found.projects, items: found.projects.items.map((h) => h.projectCode) },
        enterprises: { ...found.enterprises, items: found.enterprises.items.map((h) => h.uscc) },
        practitioners: { ...found.practitioners, items: found.practitioners.items.map((h) => h.id) },
      }
      expect({ q, ...got }).toEqual({ q, ...expected })
      capped += Object.values(expected).filter((e) => e.capped).length
    }
    // both sides of the cap were compared
    expect(capped).toBeGreaterThan(10)
  }, 240_000)

  it('holds exactly the tokens of every stored name and code (seeded by bulk INSERT, then renamed)', async () => {
    const db = testDb.db
    const expectTokens = async (rows: { id: string; texts: string[] }[], stored: { id: string; token: string }[]) => {
      const want = new Map(rows.map((r) => [r.id, [...new Set(r.texts.flatMap((t) => [...indexTokens(t)]))].sort()]))
      const got = new Map<string, string[]>()
      for (const s of stored) got.set(s.id, [...(got.get(s.id) ?? []), s.token])
      for (const [id, tokens] of got) got.set(id, tokens.sort())
      expect(got).toEqual(new Map([...want].filter(([, t]) => t.length > 0)))
    }
    const enterprises = await db.enterprise.findMany({ select: { id: true, name: true, uscc: true } })
    await expectTokens(
      enterprises.map((e) => ({ id: e.id, texts: [e.name, e.uscc] })),
      (await db.enterpriseSearchToken.findMany()).map((t) => ({ id: t.enterpriseId, token: t.token })),
    )
    const people = await db.person.findMany({ select: { id: true, name: true } })
    await expectTokens(
      people.map((p) => ({ id: p.id, texts: [p.name] })),
      (await db.personSearchToken.findMany()).map((t) => ({ id: t.personId, token: t.token })),
    )
    const projects = await db.project.findMany({ select: { id: true, name: true, projectCode: true } })
    await expectTokens(
      projects.map((p) => ({ id: p.id, texts: [p.name, p.projectCode] })),
      (await db.projectSearchToken.findMany()).map((t) => ({ id: t.projectId, token: t.token })),
    )
    expect(enterprises.length + people.length + projects.length).toBeGreaterThan(100)
  })

  it('rebuildSearchIndex refills the token tables from scratch, as after a bulk load without triggers', async () => {
    const db = testDb.db
    const snapshot = async () => ({
      enterprises: (await db.enterpriseSearchToken.findMany({ orderBy: [{ token: 'asc' }, { enterpriseId: 'asc' }] })).map((t) => `${t.token} ${t.enterpriseId}`),
      people: (await db.personSearchToken.findMany({ orderBy: [{ token: 'asc' }, { personId: 'asc' }] })).map((t) => `${t.token} ${t.personId}`),
      projects: (await db.projectSearchToken.findMany({ orderBy: [{ token: 'asc' }, { projectId: 'asc' }] })).map((t) => `${t.token} ${t.projectId}`),
    })
    // the rebuild drops the token tables' keys, indexes and foreign keys and builds them again
    const catalog = async () =>
      provider === 'postgresql'
        ? await db.$queryRawUnsafe<{ name: string; definition: string }[]>(
            `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname LIKE '%SearchToken'
             UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE '%SearchToken' ORDER BY 1, 2`,
          )
        : []
    const before = await snapshot()
    const keys = await catalog()
    if (provider === 'postgresql') {
      expect(keys.length).toBe(12)
      await db.$transaction([db.enterpriseSearchToken.deleteMany(), db.personSearchToken.deleteMany(), db.projectSearchToken.deleteMany()])
      expect((await snapshot()).enterprises).toEqual([])
    }
    const summary = await rebuildSearchIndex(db)
    expect(await snapshot()).toEqual(before)
    expect(await catalog()).toEqual(keys)
    if (provider === 'postgresql') expect(summary.rows.ProjectSearchToken).toBe(before.projects.length)
    expect(before.enterprises.length).toBeGreaterThan(100)
  })

  it('follows an insert, a rename and a delete', async () => {
    const db = testDb.db
    const matches = createSearchMatchesRepository(db)
    const template = await db.enterprise.findFirstOrThrow({
      select: { type: true, regionCode: true, inProvince: true, legalRepresentative: true, registeredAddress: true, registeredCapital: true, establishedOn: true },
    })
    const found = async (q: string) => {
      const viaExists = ids(await db.enterprise.findMany({ where: enterpriseWhere({ q }), select: { id: true } }))
      const viaIds = ids(await db.enterprise.findMany({ where: enterpriseWhere({ q }, await matches.findSearchMatches(q)), select: { id: true } }))
      expect(viaIds).toEqual(viaExists)
      return viaExists
    }
    const created = await db.enterprise.create({ data: { ...template, uscc: 'ZZTEST0000000000X1', name: '琼崖索引测试建设有限公司' }, select: { id: true } })
    expect(await found('琼崖')).toEqual([created.id])
    expect(await found('崖')).toEqual([created.id])
    expect(await found('zztest')).toEqual([created.id])

    await db.enterprise.update({ where: { id: created.id }, data: { name: '儋州改名Zq公司' } })
    expect(await found('琼崖')).toEqual([])
    expect(await found('改名')).toEqual([created.id])
    expect(await found('Zq')).toEqual([created.id])
    // the USCC did not change and still finds it
    expect(await found('ZZTEST')).toEqual([created.id])
    const tokens = (await db.enterpriseSearchToken.findMany({ where: { enterpriseId: created.id }, select: { token: true } })).map((t) => t.token)
    expect(tokens.sort()).toEqual([...new Set([...indexTokens('儋州改名Zq公司'), ...indexTokens('ZZTEST0000000000X1')])].sort())

    await db.enterprise.delete({ where: { id: created.id } })
    expect(await found('改名')).toEqual([])
    expect(await db.enterpriseSearchToken.count({ where: { enterpriseId: created.id } })).toBe(0)
  })
})
