// `npm run bench`: every benchmark of docs/BENCHMARKS.md in one run, one table at the end.
//
//   npm run bench -- [--database-url postgresql://…/national --keys-file … --personal-data-keys-file …]
//                    [--scale 1] [--only search,pages] [--quick] [--build] [--out report.md] [--keep]
//
// The benches that read the portal's data (search, pages, verify, lighthouse, load) share one
// PostgreSQL database: --database-url names an existing seeded one (with the key files it was
// seeded with: the portal decrypts personal data and checks certificates with them), or a
// throw-away one is made on POSTGRES_ADMIN_URL's server, migrated and seeded here at --scale (that
// seed is the "seed" figure) and dropped at the end (--keep keeps it). The others make their own
// throw-away data. The web app is built first when web/.next has no build (or with --build).
// Each bench runs as its own process with --json and prints one result line
// (scripts/bench/bench-result.ts); its other output goes to this process's stderr as it comes.
// --quick runs every bench at a small size: a smoke run, not figures to compare with the targets.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync, spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb } from '../../prisma/client.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createEmptyDatabase } from '../../prisma/testing/test-database.ts'
import { createDemoKeyFile } from '../../shared/certificates/key-file.ts'
import { createKeyFile } from '../../web/server/personal-data/key-ring.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { useThrowAwayLogKey } from '../log/log-key-from-environment.ts'
import { signerFromKeyFile } from '../seed/certificate-signer.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { figure, parseBenchResult } from './bench-result.ts'
import { renderReport, selectBenches, type BenchOutcome, type Machine } from './bench-table.ts'

interface BenchSpec {
  name: string
  script: string
  /** reads the run's database (and the built portal, for those that start it) */
  usesDatabase: boolean
  startsPortal: boolean
  args(quick: boolean): string[]
}

// The order puts the benches that measure pages and the database before the ones that load the
// machine hardest (load, grades, import), so the first are not measured on a hot machine.
const BENCHES: BenchSpec[] = [
  { name: 'search', script: 'scripts/bench/search.ts', usesDatabase: true, startsPortal: false, args: (q) => ['--per-length', q ? '5' : '30'] },
  { name: 'pages', script: 'scripts/bench/page-times.ts', usesDatabase: true, startsPortal: true, args: (q) => ['--requests', q ? '3' : '20'] },
  { name: 'lists', script: 'scripts/bench/lists.ts', usesDatabase: true, startsPortal: false, args: (q) => (q ? ['--iterations', '3', '--depth', '100', '--samples', '3'] : ['--text']) },
  { name: 'lighthouse', script: 'scripts/bench/lighthouse.ts', usesDatabase: true, startsPortal: true, args: (q) => ['--runs', q ? '1' : '3'] },
  { name: 'verify', script: 'scripts/bench/verify-throughput.ts', usesDatabase: true, startsPortal: true, args: (q) => ['--duration', q ? '2' : '10'] },
  { name: 'sign-in', script: 'scripts/bench/sign-in.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--provider', 'postgresql', '--runs', q ? '5' : '50'] },
  { name: 'save-stage', script: 'scripts/bench/save-stage.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--provider', 'postgresql', '--runs', q ? '3' : '50', '--scale', q ? '0.02' : '1'] },
  { name: 'transparency-log', script: 'scripts/bench/transparency-log.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--database', 'postgresql', ...(q ? ['--entries', '2000', '--scale', '0.02', '--appends', '20', '--duration', '1'] : [])] },
  { name: 'import', script: 'scripts/bench/import.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--provider', 'postgresql', '--rows', q ? '2000' : '100000'] },
  { name: 'import-records', script: 'scripts/bench/import.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--provider', 'postgresql', '--kind', 'integrity-records', '--rows', q ? '2000' : '100000'] },
  { name: 'import-read', script: 'scripts/bench/import-read.ts', usesDatabase: false, startsPortal: false, args: (q) => (q ? ['--csv-rows', '5000', '--gbk-rows', '5000', '--xlsx-rows', '5000'] : []) },
  { name: 'grades', script: 'scripts/bench/grades.ts', usesDatabase: false, startsPortal: false, args: (q) => ['--provider', 'postgresql', '--subjects', q ? '5000' : '1000000'] },
  { name: 'load', script: 'scripts/bench/load.ts', usesDatabase: true, startsPortal: true, args: (q) => (q ? ['--duration', '5', '--connections', '20', '--warmup', '1'] : []) },
  { name: 'miniprogram', script: 'scripts/bench/miniprogram-size.ts', usesDatabase: false, startsPortal: false, args: () => [] },
]
/** `seed` is a figure of the run itself: the seed of its throw-away database */
const KNOWN = ['seed', ...BENCHES.map((b) => b.name)]

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'keys-file': { type: 'string' },
    'personal-data-keys-file': { type: 'string' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
})
const quick = values.quick
const scale = Number(values.scale)
if (!(scale > 0)) throw new Error('--scale: a positive number')
const selected = selectBenches(KNOWN, values.only)
const benches = BENCHES.filter((b) => selected.includes(b.name))
const root = path.resolve(import.meta.dirname, '../..')
const startedAt = new Date()
const loadAtStart = os.loadavg()
const outcomes: BenchOutcome[] = []
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-run-'))

// ---------------------------------------------------------------- the run's database
let databaseUrl = values['database-url']
let keysFile = values['keys-file'] ?? process.env.CERTIFICATE_KEYS_FILE
let personalDataKeysFile = values['personal-data-keys-file'] ?? process.env.PERSONAL_DATA_KEYS_FILE
let dropDatabase = async () => {}
let data = 'none (every selected bench makes its own)'
const needsDatabase = benches.some((b) => b.usesDatabase) || selected.includes('seed')
if (needsDatabase && databaseUrl) {
  if (!databaseUrl.startsWith('postgres')) throw new Error('--database-url: a PostgreSQL database (postgresql://…), the production database')
  if (!keysFile || !personalDataKeysFile) throw new Error('--database-url needs --keys-file and --personal-data-keys-file (the files it was seeded with)')
  // no seed figure: the database was seeded elsewhere (its seed prints its own figures)
  data = `existing database ${new URL(databaseUrl).pathname.slice(1)}`
} else if (needsDatabase) {
  keysFile = path.join(work, 'certificate-keys.json')
  personalDataKeysFile = path.join(work, 'personal-data-keys.json')
  const keyFile = createDemoKeyFile()
  fs.writeFileSync(keysFile, JSON.stringify(keyFile), { mode: 0o600 })
  fs.writeFileSync(personalDataKeysFile, JSON.stringify(createKeyFile()), { mode: 0o600 })
  personalDataKeysFromEnvironment({ PERSONAL_DATA_KEYS_FILE: personalDataKeysFile })
  // the seed logs its certificates; the log goes with the database
  useThrowAwayLogKey()
  const database = await createEmptyDatabase('postgresql')
  databaseUrl = database.url
  dropDatabase = values.keep ? async () => console.error(`kept: ${database.url} (keys in ${work})`) : database.drop
  await applyMigrations(databaseUrl)
  const loadBefore = os.loadavg()
  const db = createDb(databaseUrl)
  const started = performance.now()
  const cpu = process.cpuUsage()
  console.error(`seeding PostgreSQL at scale ${scale} …`)
  await seedDatabase(db, { signer: signerFromKeyFile(keyFile), scale, seed: 20140101, asOf: '2026-11-24' })
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  await db.$disconnect()
  data = `seeded here: scale ${scale}, seed 20140101, as-of 2026-11-24 (PostgreSQL)`
  outcomes.push({
    bench: 'seed',
    command: `seedDatabase(scale ${scale}) in scripts/bench/run-all.ts`,
    seconds,
    loadBefore,
    result: {
      bench: 'seed',
      context: `PostgreSQL, scale ${scale}`,
      figures: [figure(`seed at scale ${scale}, elapsed`, seconds, 's'), figure('seed, CPU of this process (user + system)', (used.user + used.system) / 1e6, 's')],
    },
  })
}

try {
  // ---------------------------------------------------------------- the build
  if (benches.some((b) => b.startsPortal) && (values.build || !fs.existsSync(path.join(root, 'web/.next/BUILD_ID')))) {
    console.error('building the web app (next build web) …')
    const { code } = await run('npx', ['next', 'build', 'web'], {})
    if (code !== 0) throw new Error(`next build web: exit code ${code}`)
  }

  // ---------------------------------------------------------------- the benches
  const sharedEnv: Record<string, string> = databaseUrl
    ? {
        DATABASE_URL: databaseUrl,
        BENCH_DATABASE_URL: databaseUrl,
        CERTIFICATE_KEYS_FILE: keysFile!,
        BENCH_KEYS_FILE: keysFile!,
        PERSONAL_DATA_KEYS_FILE: personalDataKeysFile!,
        BENCH_PERSONAL_DATA_KEYS_FILE: personalDataKeysFile!,
      }
    : {}
  for (const bench of benches) {
    const args = [...bench.args(quick), '--json']
    const command = `tsx ${bench.script} ${args.join(' ')}`
    console.error(`\n=== ${bench.name}: ${command}`)
    const loadBefore = os.loadavg()
    const started = performance.now()
    const { code, stdout } = await run(process.execPath, ['--import', 'tsx', bench.script, ...args], bench.usesDatabase ? sharedEnv : {})
    const seconds = (performance.now() - started) / 1000
    const result = parseBenchResult(stdout)
    const tail = stdout.trim().split('\n').slice(-1)[0] ?? ''
    outcomes.push({
      bench: bench.name,
      command,
      seconds,
      loadBefore,
      result: code === 0 ? result : null,
      error: code !== 0 ? `exit code ${code}: ${tail.slice(0, 200)}` : result ? undefined : 'printed no --json result line',
    })
  }

  // ---------------------------------------------------------------- the report
  const rows = databaseUrl ? await rowCounts(databaseUrl) : []
  const report = renderReport(
    {
      machine: await machine(databaseUrl),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      loadAtStart,
      loadAtEnd: os.loadavg(),
      data,
      rows,
      quick,
    },
    outcomes,
  )
  console.log(`\n${report}`)
  if (values.out) fs.writeFileSync(values.out, `${report}\n`)
} finally {
  await dropDatabase()
  if (!values.keep) fs.rmSync(work, { recursive: true, force: true })
}
process.exit(outcomes.some((o) => !o.result) ? 1 : 0)

/** Runs a command in the repository; its stdout is kept and echoed to stderr, its stderr passed on. */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      process.stderr.write(chunk)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }))
  })
}

async function machine(url: string | undefined): Promise<Machine> {
  let postgres: string | null = null
  if (url) {
    const db = createDb(url)
    const [row] = await db.$queryRawUnsafe<{ server_version: string }[]>('SHOW server_version')
    postgres = row?.server_version ?? null
    await db.$disconnect()
  }
  return { cpu: os.cpus()[0]?.model ?? 'unknown CPU', cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version, postgres }
}

async function rowCounts(url: string): Promise<{ table: string; rows: number }[]> {
  const db = createDb(url, { statementTimeoutMs: 0 })
  try {
    const counts: [string, Promise<number>][] = [
      ['enterprises', db.enterprise.count()],
      ['people', db.person.count()],
      ['projects', db.project.count()],
      ['permits', db.constructionPermit.count()],
      ['completion filings', db.completionFiling.count()],
      ['certificates', db.certificate.count()],
      ['integrity records', db.integrityRecord.count()],
      ['credit grades', db.creditGrade.count()],
    ]
    return await Promise.all(counts.map(async ([table, n]) => ({ table, rows: await n })))
  } finally {
    await db.$disconnect()
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${head} + uncommitted changes` : head
  } catch {
    return 'unknown (not a git checkout)'
  }
}
