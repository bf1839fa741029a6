// Server time of the public lists and detail pages (docs/BENCHMARKS.md, "Lists and detail pages"):
//   DATABASE_URL=… npx tsx scripts/bench/lists.ts [--iterations 30] [--depth 10000] [--text [--text-iterations 5]] [--json]
// (PERSONAL_DATA_KEYS_FILE as for the portal.) Calls the use cases the pages and the API call, in process (no HTTP, no rendering, no cache), and
// prints p50/p95 per list for: page 1, page 1 with filters, a deep page reached by cursor and the
// deepest numbered page (MAX_OFFSET_PAGE, by OFFSET); then per detail page over a sample of
// subjects. The deep page's cursor is made from the key of the row `depth` pages down, read once
// with one OFFSET query before the timing (not by paging 10,000 times); smaller tables use their
// last page. --text adds each list's page 1 with a name filter (TEXT_TERMS: common and rare,
// one to four characters), fewer calls each, as the slow ones take seconds.
import os from 'node:os'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb, databaseProvider } from '../../prisma/client.ts'
import { figure, printBenchResult, type Figure } from './bench-result.ts'
import { encodeCursor, keyOrderBy, MAX_OFFSET_PAGE, type KeyOrder, type KeysetPage, type KeyValue } from '../../web/server/lib/keyset-page.ts'
import { listPermits } from '../../web/server/permits/list-permits.ts'
import { PERMIT_ORDER, permitListQuerySchema } from '../../web/server/permits/permit-queries.ts'
import { listCompletionFilings } from '../../web/server/completion-filings/list-completion-filings.ts'
import { COMPLETION_FILING_ORDER, completionFilingListQuerySchema } from '../../web/server/completion-filings/completion-filing-queries.ts'
import { listProjects } from '../../web/server/projects/list-projects.ts'
import { PROJECT_ORDER, projectListQuerySchema } from '../../web/server/projects/project-queries.ts'
import { listEnterprises } from '../../web/server/enterprises/list-enterprises.ts'
import { ENTERPRISE_ORDER, enterpriseListQuerySchema, enterpriseProjectsQuerySchema } from '../../web/server/enterprises/enterprise-queries.ts'
import { listPractitioners } from '../../web/server/practitioners/list-practitioners.ts'
import { PRACTITIONER_ORDER, practitionerListQuerySchema, practitionerProjectsQuerySchema } from '../../web/server/practitioners/practitioner-queries.ts'
import { listExposureEntries } from '../../web/server/records/list-exposure-entries.ts'
import { EXPOSURE_ORDER, exposureListQuerySchema } from '../../web/server/records/exposure-queries.ts'
import { exposureWhere } from '../../web/server/records/exposure-repository.ts'
import { listCreditGrades } from '../../web/server/credit/list-credit-grades.ts'
import { CREDIT_GRADE_ORDER, creditGradeListQuerySchema } from '../../web/server/credit/credit-queries.ts'
import { getEnterpriseProfilePage } from '../../web/server/enterprises/get-enterprise-profile-page.ts'
import { explainEnterpriseCredit } from '../../web/server/credit/explain-enterprise-credit.ts'
import { getPractitionerProfilePage } from '../../web/server/practitioners/get-practitioner-profile-page.ts'
import { explainPractitionerCredit } from '../../web/server/credit/explain-practitioner-credit.ts'
import { getProject } from '../../web/server/projects/get-project.ts'
import { getPermit } from '../../web/server/permits/get-permit.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '30' },
    depth: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '20' },
    text: { type: 'boolean', default: false },
    'text-iterations': { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
})
const ITERATIONS = Number(values.iterations)
const DEPTH = Number(values.depth)
const SAMPLES = Number(values.samples)
const TEXT_ITERATIONS = Number(values['text-iterations'])
for (const [name, n] of [['--iterations', ITERATIONS], ['--depth', DEPTH], ['--samples', SAMPLES], ['--text-iterations', TEXT_ITERATIONS]] as const) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: a positive integer`)
}
const PAGE_SIZE = 20
/** The target for lists and detail pages: p95 server time. */
const TARGET_MS = 50

const db = createDb(undefined, { statementTimeoutMs: 0 })
// the practitioner list opens sealed ID numbers, as the portal does: the database's own keys
personalDataKeysFromEnvironment()
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/** p50 and p95 of `run` over ITERATIONS calls after 3 warm-up calls; `run(i)` may vary its input. */
async function time(run: (i: number) => Promise<unknown>, iterations = ITERATIONS) {
  for (let i = 0; i < 3; i++) await run(i)
  const ms: number[] = []
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    await run(i)
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) }
}

interface ListCase {
  name: string
  order: KeyOrder
  parse: (raw: Record<string, string>) => unknown
  list: (query: never) => Promise<KeysetPage<unknown>>
  filter: Record<string, string>
  /** the key of the row `skip` rows down the unfiltered list (one OFFSET read, outside the timing) */
  keyAt: (skip: number) => Promise<{ value: KeyValue; id: string } | null>
  rows: () => Promise<number>
}

const asOf = new Date()
const key = <R extends { id: string }>(row: R | null, value: (r: R) => KeyValue) => (row ? { value: value(row), id: row.id } : null)

const LISTS: ListCase[] = [
  {
    name: 'permits',
    order: PERMIT_ORDER,
    parse: (raw) => permitListQuerySchema.parse(raw),
    list: (q) => listPermits(db, q),
    filter: { region: '460100', category: 'BUILDING' },
    keyAt: async (skip) => key(await db.constructionPermit.findFirst({ orderBy: keyOrderBy(PERMIT_ORDER), skip, select: { id: true, issuedOn: true } }), (r) => r.issuedOn),
    rows: () => db.constructionPermit.count(),
  },
  {
    name: 'completion filings',
    order: COMPLETION_FILING_ORDER,
    parse: (raw) => completionFilingListQuerySchema.parse(raw),
    list: (q) => listCompletionFilings(db, q),
    filter: { region: '460100', category: 'BUILDING' },
    keyAt: async (skip) => key(await db.completionFiling.findFirst({ orderBy: keyOrderBy(COMPLETION_FILING_ORDER), skip, select: { id: true, filedOn: true } }), (r) => r.filedOn),
    rows: () => db.completionFiling.count(),
  },
  {
    name: 'projects',
    order: PROJECT_ORDER,
    parse: (raw) => projectListQuerySchema.parse(raw),
    list: (q) => listProjects(db, q),
    filter: { region: '460100', category: 'BUILDING' },
    keyAt: async (skip) => key(await db.project.findFirst({ orderBy: keyOrderBy(PROJECT_ORDER), skip, select: { id: true, registeredOn: true } }), (r) => r.registeredOn),
    rows: () => db.project.count(),
  },
  {
    name: 'enterprises',
    order: ENTERPRISE_ORDER,
    parse: (raw) => enterpriseListQuerySchema.parse(raw),
    list: (q) => listEnterprises(db, q),
    filter: { region: '460100', type: 'CONTRACTOR' },
    keyAt: async (skip) => key(await db.enterprise.findFirst({ orderBy: keyOrderBy(ENTERPRISE_ORDER), skip, select: { id: true, name: true } }), (r) => r.name),
    rows: () => db.enterprise.count(),
  },
  {
    name: 'practitioners',
    order: PRACTITIONER_ORDER,
    parse: (raw) => practitionerListQuerySchema.parse(raw),
    list: (q) => listPractitioners(db, q, asOf),
    filter: { type: 'CONSTRUCTOR_1' },
    keyAt: async (skip) => key(await db.person.findFirst({ orderBy: keyOrderBy(PRACTITIONER_ORDER), skip, select: { id: true, name: true } }), (r) => r.name),
    rows: () => db.person.count(),
  },
  {
    name: 'exposure board',
    order: EXPOSURE_ORDER,
    parse: (raw) => exposureListQuerySchema.parse(raw),
    list: (q) => listExposureEntries(db, q, asOf),
    filter: { kind: 'BAD', region: '460100' },
    keyAt: async (skip) =>
      key(await db.integrityRecord.findFirst({ where: exposureWhere({}, asOf), orderBy: keyOrderBy(EXPOSURE_ORDER), skip, select: { id: true, decidedOn: true } }), (r) => r.decidedOn),
    rows: () => db.integrityRecord.count({ where: exposureWhere({}, asOf) }),
  },
  {
    name: 'credit ranking',
    order: CREDIT_GRADE_ORDER,
    parse: (raw) => creditGradeListQuerySchema.parse(raw),
    list: (q) => listCreditGrades(db, q),
    filter: { subjectType: 'ENTERPRISE', region: '460100' },
    keyAt: async (skip) =>
      key(await db.creditGrade.findFirst({ where: { isLatest: true }, orderBy: keyOrderBy(CREDIT_GRADE_ORDER), skip, select: { id: true, score: true } }), (r) => r.score),
    rows: () => db.creditGrade.count({ where: { isLatest: true } }),
  },
]

const fmt = (n: number) => n.toFixed(1)
const figures: Figure[] = []
const lines: string[] = []
const row = (name: string, variant: string, t: { p50: number; p95: number }, note = '') => {
  lines.push(`| ${name} | ${variant} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${note} |`)
  figures.push(figure(`${name}, ${variant}, p95`, Number(t.p95.toFixed(1)), 'ms', { op: '<', limit: TARGET_MS }))
}

async function benchLists() {
  for (const c of LISTS) {
    const list = (raw: Record<string, string>) => c.list(c.parse({ pageSize: String(PAGE_SIZE), ...raw }) as never)
    const rows = await c.rows()
    const depth = Math.max(1, Math.min(DEPTH, Math.floor((rows - 1) / PAGE_SIZE)))
    const deepKey = await c.keyAt(depth * PAGE_SIZE - 1)
    const first = await list({})
    const filtered = await list(c.filter)
    row(c.name, 'page 1', await time(() => list({})), `${first.totalCapped ? 'over ' : ''}${first.total.toLocaleString('en')} rows counted`)
    row(c.name, `page 1, ${new URLSearchParams(c.filter)}`, await time(() => list(c.filter)), `${filtered.totalCapped ? 'over ' : ''}${filtered.total.toLocaleString('en')}`)
    if (deepKey) {
      const cursor = encodeCursor(c.order, 'n', deepKey, depth + 1)
      const deep = await list({ cursor })
      if (deep.items.length === 0) throw new Error(`${c.name}: the deep page is empty`)
      row(c.name, `page ${(depth + 1).toLocaleString('en')} (cursor)`, await time(() => list({ cursor })), `${rows.toLocaleString('en')} rows in the list`)
    }
    row(c.name, `page ${MAX_OFFSET_PAGE} (number)`, await time(() => list({ page: String(MAX_OFFSET_PAGE) })))
    if (values.text) {
      for (const q of TEXT_TERMS) {
        const hits = await list({ q })
        row(c.name, `page 1, q=${q}`, await time(() => list({ q }), TEXT_ITERATIONS), `${hits.totalCapped ? 'over ' : ''}${hits.total.toLocaleString('en')}`)
      }
    }
  }
}

/** Name filters: a common word (建设, 有限公司), a place (海口), a common name (王伟), one character (王). */
const TEXT_TERMS = ['建设', '有限公司', '海口', '王伟', '王']

/** Keys of `n` rows spread over a table (one OFFSET read each, before the timing). */
async function spread<T>(count: number, at: (skip: number) => Promise<T | null>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const r = await at(Math.floor(((i + 0.5) / SAMPLES) * count))
    if (r) out.push(r)
  }
  return out
}

async function benchDetails() {
  const [enterprises, people, projects, permits] = await Promise.all([db.enterprise.count(), db.person.count(), db.project.count(), db.constructionPermit.count()])
  const usccs = await spread(enterprises, (skip) => db.enterprise.findFirst({ orderBy: { id: 'asc' }, skip, select: { uscc: true } }))
  // the busiest contractor too: the largest track record and record list
  const busiest = await db.constructionPermit.groupBy({ by: ['contractorId'], _count: { _all: true }, orderBy: { _count: { contractorId: 'desc' } }, take: 1 })
  const busy = busiest[0] ? await db.enterprise.findUnique({ where: { id: busiest[0].contractorId }, select: { uscc: true } }) : null
  if (busy) usccs.push(busy)
  const personIds = await spread(people, (skip) => db.person.findFirst({ orderBy: { id: 'asc' }, skip, select: { id: true } }))
  const codes = await spread(projects, (skip) => db.project.findFirst({ orderBy: { id: 'asc' }, skip, select: { projectCode: true } }))
  const numbers = await spread(permits, (skip) => db.constructionPermit.findFirst({ orderBy: { id: 'asc' }, skip, select: { permitNumber: true } }))
  const projectsQuery = enterpriseProjectsQuerySchema.parse({})
  const keyRolesQuery = practitionerProjectsQuerySchema.parse({})
  const n = Math.max(ITERATIONS, SAMPLES)
  row(
    'enterprise profile',
    `${usccs.length} enterprises${busy ? ' incl. the busiest contractor' : ''}`,
    await time(
      (i) =>
        Promise.all([
          getEnterpriseProfilePage(db, usccs[i % usccs.length].uscc, { projects: projectsQuery, registrationsShown: 20, recordsShown: 100 }, asOf),
          explainEnterpriseCredit(db, usccs[i % usccs.length].uscc),
        ]),
      n,
    ),
    'profile + first page of each section + credit explanation',
  )
  row(
    'practitioner profile',
    `${personIds.length} people`,
    await time(
      (i) =>
        Promise.all([
          getPractitionerProfilePage(db, personIds[i % personIds.length].id, { projects: keyRolesQuery, recordsShown: 100 }, asOf),
          explainPractitionerCredit(db, personIds[i % personIds.length].id),
        ]),
      n,
    ),
  )
  row('project detail', `${codes.length} projects`, await time((i) => getProject(db, codes[i % codes.length].projectCode, asOf), n))
  row('permit detail', `${numbers.length} permits`, await time((i) => getPermit(db, numbers[i % numbers.length].permitNumber), n))
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ')
const loadBefore = load()
await benchLists()
await benchDetails()
const context = `${databaseProvider()}, ${(await db.enterprise.count()).toLocaleString('en')} enterprises, ${(await db.constructionPermit.count()).toLocaleString('en')} permits, ${(await db.integrityRecord.count()).toLocaleString('en')} records`
console.log(`lists and detail pages, in process, ${ITERATIONS} calls per figure after 3 warm-up calls, page size ${PAGE_SIZE}; ${context}`)
console.log(`load average before: ${loadBefore}; after: ${load()}`)
console.log('| list / page | variant | p50 ms | p95 ms | note |')
console.log('|---|---|---|---|---|')
for (const l of lines) console.log(l)
if (values.json) printBenchResult({ bench: 'lists', context, figures })
await db.$disconnect()
