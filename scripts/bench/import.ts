// Bulk import end to end (issue 13's target: ≥ 100,000 validated rows per minute for the dry run
// and for the commit, on SQLite and on PostgreSQL, memory flat as the file grows). Through the real
// path the portal and the worker take: uploadImportFile, runPendingImportJobs (dry run),
// requestImportCommit, runPendingImportJobs (commit), then the same file uploaded again (dry run +
// commit, every row unchanged).
//   npx tsx scripts/bench/import.ts [--rows 100000] [--provider sqlite|postgresql|both]
//                                   [--kind enterprises|integrity-records] [--dry-run-only]
//                                   [--records-per-subject 10] [--keep] [--json]
//
// Each provider gets a throw-away, freshly migrated database (prisma/testing/test-database.ts) with
// the back office's staff fixture; the file is generated to a temporary directory first (not
// timed) and uploaded from disk, so the process holds no copy of it. Integrity records need their
// subjects in the database: rows / --records-per-subject enterprises are inserted directly first
// (not timed). Per phase: rows, elapsed seconds, seconds inside the kinds' handlers and when the
// last batch left its handler (the rest is the rollback or the commit with the import's own audit
// entry and the changed subjects' grades), rows per minute, this process's CPU time (the PostgreSQL
// server's is not in it) and peak RSS (process.memoryUsage.rss() sampled every 100 ms; the kernel's
// maxRSS of the whole run is printed at the end). The load average before each phase is printed:
// the machine is shared. --json adds one result line for `npm run bench` (bench-result.ts): rows
// per minute of each phase but the upload, against the target.
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import type { Db } from '../../prisma/client.ts'
import type { DatabaseProvider } from '../../prisma/database-url.ts'
import { createTestDatabase } from '../../prisma/testing/test-database.ts'
import { IMPORT_KINDS } from '../../shared/import/import-kinds.ts'
import type { ImportKindId } from '../../shared/import/import-kind-ids.ts'
import { makeUscc, USCC_ALPHABET } from '../../shared/validators/uscc.ts'
import { verifyAuditChain } from '../../web/server/audit/audit-log-repository.ts'
import { createImportEngine, importHandlers } from '../../web/server/import/import-engine.ts'
import type { ImportHandler } from '../../web/server/import/import-handler.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../web/server/import/import-limits.ts'
import { requestImportCommit } from '../../web/server/import/request-import-commit.ts'
import { runPendingImportJobs } from '../../web/server/import/run-import-job.ts'
import { uploadImportFile } from '../../web/server/import/upload-import-file.ts'
import { createStaffFixture, HAIKOU, type StaffFixture } from '../../web/server/records/staff-test-fixtures.ts'
import { usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import { createTestKeyRing } from '../../web/server/personal-data/testing/test-key-ring.ts'
import { figure, printBenchResult } from './bench-result.ts'
import { useThrowAwayLogKey } from '../log/log-key-from-environment.ts'

// throw-away databases: throw-away personal-data keys (the import seals ID numbers and phones)
usePersonalDataKeys(createTestKeyRing())
// its imported permits and filings are appended to the transparency log of its own database
useThrowAwayLogKey()

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    provider: { type: 'string', default: 'both' },
    kind: { type: 'string', default: 'enterprises' },
    'dry-run-only': { type: 'boolean', default: false },
    'records-per-subject': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})

const ROWS = Number(values.rows)
if (!Number.isSafeInteger(ROWS) || ROWS <= 0) throw new Error(`--rows must be a positive integer, got ${values.rows}`)
const KIND = values.kind as ImportKindId
if (KIND !== 'enterprises' && KIND !== 'integrity-records') throw new Error(`--kind must be enterprises or integrity-records, got ${values.kind}`)
const PROVIDERS: DatabaseProvider[] =
  values.provider === 'both' ? ['sqlite', 'postgresql'] : values.provider === 'sqlite' || values.provider === 'postgresql' ? [values.provider] : []
if (PROVIDERS.length === 0) throw new Error(`--provider must be sqlite, postgresql or both, got ${values.provider}`)
const PER_SUBJECT = Math.max(1, Number(values['records-per-subject']))
const SUBJECTS = Math.ceil(ROWS / PER_SUBJECT)

// ---------------------------------------------------------------- the file

/** 8 characters of the USCC alphabet, distinct per n (n < 31^8). */
function orgBody(n: number): string {
  let s = ''
  for (let k = 0; k < 8; k++, n = Math.floor(n / USCC_ALPHABET.length)) s = USCC_ALPHABET[n % USCC_ALPHABET.length] + s
  return s
}

const TYPES = ['施工单位', '设计单位', '监理单位', '勘察单位', '建设单位', 'CONTRACTOR']
const WORDS = ['椰城', '琼州', '南海', '滨海', '天涯', '五指山', '万泉河', '鹿回头', '椰风', '海韵', '金岛', '绿洲']
const SUFFIXES = ['建设工程有限公司', '建筑设计院有限公司', '工程监理有限公司', '岩土工程勘察有限公司', '置业有限公司']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

/** Enterprise i of the file, every one in 海口 (the officer's region), cells varied as real files vary. */
function enterpriseCells(i: number): string[] {
  const code = makeUscc('91', HAIKOU, orgBody(1_000_000 + i))
  const year = 1995 + (i % 30)
  const month = 1 + (i % 12)
  const day = 1 + (i % 28)
  const date = i % 3 === 0 ? `${year}/${month}/${day}` : i % 3 === 1 ? `${year}年${month}月${day}日` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const capital = 100 + ((i * 37) % 99_900)
  return [
    i % 10 === 0 ? fullWidth(code) : code,
    `海口${WORDS[i % WORDS.length]}${WORDS[(i >> 4) % WORDS.length]}${i}${SUFFIXES[i % SUFFIXES.length]}`,
    TYPES[i % TYPES.length],
    i % 2 === 0 ? '海口市' : HAIKOU,
    `${SURNAMES[i % SURNAMES.length]}${WORDS[(i >> 2) % WORDS.length].slice(0, 1)}${SURNAMES[(i >> 3) % SURNAMES.length]}`,
    `海南省海口市${WORDS[(i >> 1) % WORDS.length]}路${(i % 999) + 1}号`,
    capital >= 1000 ? capital.toLocaleString('en-US') : String(capital),
    date,
  ]
}

/** The USCC of subject s of an integrity-record file (inserted directly before the import). */
const subjectUscc = (s: number) => makeUscc('91', HAIKOU, orgBody(5_000_000 + s))

// [kind label, category label, title, needs a penalty end]
const RECORDS: [string, string, string, boolean][] = [
  ['不良行为', '通报批评', '未按规定设置安全防护设施', false],
  ['不良行为', '一般行政处罚', '施工现场扬尘治理措施不到位', false],
  ['不良行为', '较重行政处罚', '未按规定履行质量安全责任', true],
  ['良好行为', '市县表彰', '安全生产先进单位', false],
  ['不良行为', '拖欠农民工工资', '拖欠农民工工资被责令限期支付', false],
]

/** Integrity record i: decision numbers distinct per row, subjects taken in turn. */
function recordCells(i: number): string[] {
  const [kind, category, title, penalty] = RECORDS[i % RECORDS.length]
  const year = 2024 + (i % 2)
  const month = 1 + (i % 12)
  const day = 1 + (i % 28)
  const decided = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return [
    subjectUscc(i % SUBJECTS),
    kind,
    category,
    title,
    `${decided}检查发现${title}，依据有关规定作出处理。第${i + 1}条。`,
    `${kind === '良好行为' ? '琼建奖' : '琼建罚'}〔${year}〕${i + 1}号`,
    '海口市住房和城乡建设局',
    decided,
    penalty ? `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : '',
    '',
  ]
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

function* csvChunks(): Generator<Buffer> {
  const cells = KIND === 'enterprises' ? enterpriseCells : recordCells
  yield Buffer.from('\uFEFF' + IMPORT_KINDS[KIND].columns.map((c) => c.header).join(',') + '\r\n', 'utf8')
  for (let i = 0; i < ROWS; i += 5_000) {
    const lines: string[] = []
    for (let k = i; k < Math.min(ROWS, i + 5_000); k++) lines.push(cells(k).map(quote).join(','))
    yield Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')
  }
}

// ---------------------------------------------------------------- measuring

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100)
sampler.unref()
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

// Time inside the kinds' handlers (writeBatch: parse each row with the form schema, look up, write
// the rows through the use cases), and when the last batch left its handler: what follows is the
// end of the phase (the last audit append, rollback or commit, the import's own audit entry, the
// grades of the subjects whose records changed, the job's row).
let handlerMs = 0
let lastBatchAt: number | null = null

interface PhaseResult {
  provider: DatabaseProvider
  phase: string
  rows: number
  seconds: number
  /** seconds inside the handlers */
  handlerSeconds: number
  /** seconds until the last batch had left its handler, when the phase runs a job */
  lastRowSeconds: number | null
  cpuSeconds: number
  peakRssMb: number
  load: string
}
const results: PhaseResult[] = []

async function phase(provider: DatabaseProvider, name: string, rows: number, work: () => Promise<void>): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ')
  peakRss = process.memoryUsage.rss()
  handlerMs = 0
  lastBatchAt = null
  const cpu = process.cpuUsage()
  const started = performance.now()
  await work()
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  const lastRowSeconds = lastBatchAt === null ? null : (lastBatchAt - started) / 1000
  const result = { provider, phase: name, rows, seconds, handlerSeconds: handlerMs / 1000, lastRowSeconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: mb(peakRss), load }
  results.push(result)
  console.log(
    `  ${name.padEnd(22)} ${String(rows).padStart(9)} rows  ${seconds.toFixed(1).padStart(7)} s${lastRowSeconds === null ? '' : ` (in handlers ${result.handlerSeconds.toFixed(1)} s, last batch out at ${lastRowSeconds.toFixed(1)} s)`}  ${Math.round((rows / seconds) * 60).toLocaleString('en-US').padStart(9)} rows/min  CPU ${result.cpuSeconds.toFixed(1)} s  peak RSS ${result.peakRssMb} MB  (load before: ${load})`,
  )
}

// ---------------------------------------------------------------- one database

const settings = {
  keyRing: () => {
    throw new Error('the benchmarked kinds sign no certificates')
  },
}
/** The real handlers, each batch timed. */
const timed = Object.fromEntries(
  Object.entries(importHandlers(settings)).map(([kind, handler]): [string, ImportHandler] => [
    kind,
    {
      ...handler,
      async writeBatch(batch, rows) {
        const started = performance.now()
        try {
          return await handler.writeBatch(batch, rows)
        } finally {
          lastBatchAt = performance.now()
          handlerMs += lastBatchAt - started
        }
      },
    },
  ]),
) as ReturnType<typeof importHandlers>
const engine = createImportEngine(settings, timed)

/** Inserts the subjects of an integrity-record file: enterprises of 海口, straight into the table. */
async function insertSubjects(db: Db): Promise<void> {
  const now = new Date()
  for (let s = 0; s < SUBJECTS; s += 5_000) {
    const data = []
    for (let k = s; k < Math.min(SUBJECTS, s + 5_000); k++) {
      data.push({
        uscc: subjectUscc(k),
        name: `海口诚信主体${k}号建设工程有限公司`,
        type: 'CONTRACTOR' as const,
        regionCode: HAIKOU,
        inProvince: true,
        legalRepresentative: '王建国',
        registeredAddress: `海南省海口市龙华区测试路${k}号`,
        registeredCapital: 5000,
        establishedOn: new Date('2010-05-01T00:00:00Z'),
        createdAt: now,
        updatedAt: now,
      })
    }
    await db.enterprise.createMany({ data })
  }
}

async function runOn(provider: DatabaseProvider, file: string, fileName: string): Promise<void> {
  const t = await createTestDatabase(provider)
  console.log(`\n${provider}: ${provider === 'sqlite' ? t.url : 'throw-away database'}`)
  try {
    const f: StaffFixture = await createStaffFixture(t.db)
    if (KIND === 'integrity-records') {
      const started = performance.now()
      await insertSubjects(t.db)
      console.log(`  ${SUBJECTS} subjects inserted in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below)`)
    }
    const actor = f.actors.haikouOfficer
    const upload = () => uploadImportFile(t.db, actor, engine, { kind: KIND, fileName, body: createReadStream(file, { highWaterMark: 1024 * 1024 }) }, { maxBytes: DEFAULT_IMPORT_LIMITS.maxBytes })
    const job = async (id: string) => t.db.importJob.findUniqueOrThrow({ where: { id } })
    const expectJob = async (id: string, status: string, outcome: 'toCreate' | 'unchanged') => {
      const j = await job(id)
      if (j.status !== status || j[outcome] !== ROWS) {
        const problems = await t.db.importProblem.findMany({ where: { jobId: id }, take: 5, orderBy: { row: 'asc' } })
        throw new Error(`job ${id}: expected ${status} with ${outcome} = ${ROWS}, got ${j.status} (create ${j.toCreate}, change ${j.toChange}, unchanged ${j.unchanged}, problems ${j.problemCount}${j.error ? `, error ${j.error}` : ''}) ${JSON.stringify(problems)}`)
      }
    }

    for (const round of ['first import', 're-import'] as const) {
      const outcome = round === 'first import' ? 'toCreate' : 'unchanged'
      let id = ''
      await phase(provider, `${round}: upload`, ROWS, async () => {
        id = (await upload()).id
      })
      await phase(
        provider,
        `${round}: dry run`,
        ROWS,
        async () => {
          await runPendingImportJobs(t.db, engine)
        },
      )
      await expectJob(id, 'VALID', outcome)
      if (values['dry-run-only']) break
      await phase(
        provider,
        `${round}: commit`,
        ROWS,
        async () => {
          await requestImportCommit(t.db, actor, engine, id)
          await runPendingImportJobs(t.db, engine)
        },
      )
      await expectJob(id, 'COMMITTED', outcome)
    }

    const started = performance.now()
    const broken = await verifyAuditChain(t.db)
    const entries = await t.db.auditLog.count()
    console.log(`  audit log: ${entries} entries, chain ${broken === null ? 'verifies' : `broken at seq ${broken}`} (checked in ${((performance.now() - started) / 1000).toFixed(1)} s)`)
    if (broken !== null) throw new Error('the audit chain does not verify')
  } finally {
    if (values.keep) console.log(`  kept: ${t.url}`)
    else await t.drop()
  }
}

// ---------------------------------------------------------------- main

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-import-'))
try {
  const fileName = `${KIND}-${ROWS}.csv`
  const file = path.join(dir, fileName)
  await pipeline(Readable.from(csvChunks()), createWriteStream(file))
  const size = (await fs.stat(file)).size
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(os.totalmem())} MB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`${KIND}: ${ROWS} rows, ${(size / 1024 / 1024).toFixed(1)} MB CSV (UTF-8)${KIND === 'integrity-records' ? `, ${SUBJECTS} subjects` : ''}`)
  for (const provider of PROVIDERS) await runOn(provider, file, fileName)

  console.log('\n| database | phase | rows | seconds | in handlers s | last batch out at s | rows/min | CPU s (this process) | peak RSS MB | load before |')
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|')
  for (const r of results) {
    console.log(
      `| ${r.provider} | ${r.phase} | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${r.lastRowSeconds === null ? '–' : r.handlerSeconds.toFixed(1)} | ${r.lastRowSeconds === null ? '–' : r.lastRowSeconds.toFixed(1)} | ${Math.round((r.rows / r.seconds) * 60).toLocaleString('en-US')} | ${r.cpuSeconds.toFixed(1)} | ${r.peakRssMb} | ${r.load} |`,
    )
  }
  console.log(`\nmaxRSS of the whole run (kernel): ${mb(process.resourceUsage().maxRSS * 1024)} MB`)
  if (values.json) {
    printBenchResult({
      bench: 'import',
      context: `${KIND}, ${ROWS.toLocaleString('en-US')} rows, ${PROVIDERS.join(' and ')}`,
      figures: results
        .filter((r) => !r.phase.endsWith('upload'))
        .map((r) => figure(`${KIND}, ${r.provider}, ${r.phase}`, (r.rows / r.seconds) * 60, 'rows/min', { op: '>=', limit: 100_000 })),
    })
  }
} finally {
  await fs.rm(dir, { recursive: true, force: true })
}
