// Load: one portal instance (the production server, scripts/serve/portal.ts) on PostgreSQL with
// the demo data, held at C concurrent connections for D seconds of mixed traffic — home page,
// lists, searches, detail pages, certificate verification, the public read API — with autocannon.
// Prints per kind: requests/s, p50/p99 latency, errors (connection errors + timeouts), 4xx, 5xx;
// the targets are 0 errors and 0 5xx.
//
//   npx next build web && npm run bench:load -- [--duration 60] [--connections 200] [--scale 1] [--warmup 10] [--timeout 30] [--json]
// (--json adds one result line for `npm run bench`, bench-result.ts)
//
// It makes a new PostgreSQL database on POSTGRES_ADMIN_URL's server (default
// postgresql://postgres@127.0.0.1:5432/test), migrates and seeds it (scale 1 by default, throw-away
// signing and personal-data keys), and drops it at the end; BENCH_DATABASE_URL (PostgreSQL) +
// BENCH_KEYS_FILE + BENCH_PERSONAL_DATA_KEYS_FILE use an existing set instead. The connections are split between the kinds in fixed shares, each kind
// one autocannon run, all at once. autocannon is one client on 127.0.0.1, so the verification rate
// limit is raised for the run (VERIFY_RATE_LIMIT_PER_MINUTE=100000000: the limiter still counts
// every request); rate limits count in memory (one instance; no Redis round trip).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { createDb } from '../../prisma/client.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createEmptyDatabase } from '../../prisma/testing/test-database.ts'
import { createDemoKeyFile, parseKeyFile } from '../../shared/certificates/key-file.ts'
import { signerFromKeyFile } from '../seed/certificate-signer.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { createKeyFile } from '../../web/server/personal-data/key-ring.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { printedCode } from '../../web/server/certificates/printed-code.ts'
import { createCertificatesRepository } from '../../web/server/certificates/certificates-repository.ts'
import { freePort, until } from './next-server.ts'
import { useThrowAwayLogKey } from '../log/log-key-from-environment.ts'
import { figure, printBenchResult } from './bench-result.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    scale: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '10' },
    /** seconds after which autocannon gives up on a response and counts an error */
    timeout: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
})
const TIMEOUT = Number(values.timeout)
const DURATION = Number(values.duration)
const CONNECTIONS = Number(values.connections)
const WARMUP = Number(values.warmup)

// ---------------------------------------------------------------- database and keys
let databaseUrl = process.env.BENCH_DATABASE_URL
let keysFile = process.env.BENCH_KEYS_FILE
let personalDataKeysFile = process.env.BENCH_PERSONAL_DATA_KEYS_FILE
let dropDatabase = async () => {}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'))
if (!databaseUrl || !keysFile || !personalDataKeysFile) {
  // the seed encrypts ID numbers and phones with these; the portal opens them with the same file
  personalDataKeysFile = path.join(dir, 'personal-data-keys.json')
  fs.writeFileSync(personalDataKeysFile, JSON.stringify(createKeyFile()), { mode: 0o600 })
  personalDataKeysFromEnvironment({ PERSONAL_DATA_KEYS_FILE: personalDataKeysFile })
  // the seed logs its certificates (a throw-away log key: the log goes with the database)
  useThrowAwayLogKey()
  const database = await createEmptyDatabase('postgresql')
  databaseUrl = database.url
  dropDatabase = database.drop
  keysFile = path.join(dir, 'keys.json')
  const keyFile = createDemoKeyFile()
  fs.writeFileSync(keysFile, JSON.stringify(keyFile), { mode: 0o600 })
  await applyMigrations(databaseUrl)
  const seedDb = createDb(databaseUrl)
  const started = performance.now()
  await seedDatabase(seedDb, { signer: signerFromKeyFile(keyFile), scale: Number(values.scale), seed: 20140101, asOf: '2026-11-20' })
  await seedDb.$disconnect()
  console.log(`seeded scale ${values.scale} on PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
if (!databaseUrl.startsWith('postgres')) throw new Error('the load benchmark runs on PostgreSQL (production): BENCH_DATABASE_URL must be postgresql://…')

// ---------------------------------------------------------------- the portal
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const serverLog = path.join(dir, 'server.log')
const logFd = fs.openSync(serverLog, 'a')
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve/portal.ts', '-p', String(port), '-H', '127.0.0.1'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    CERTIFICATE_KEYS_FILE: keysFile,
    PERSONAL_DATA_KEYS_FILE: personalDataKeysFile,
    PORTAL_ORIGIN: origin,
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000000',
    REDIS_URL: '',
  },
  stdio: ['ignore', logFd, logFd],
})
let cleaned = false
async function cleanUp() {
  if (cleaned) return
  cleaned = true
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  await dropDatabase()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)))

try {
  await until(`${origin}/api/health`)

  // ---------------------------------------------------------------- what to ask for
  const db = createDb(databaseUrl)
  const ring = parseKeyFile(JSON.parse(fs.readFileSync(keysFile, 'utf8')))
  const repo = createCertificatesRepository(db)
  const serials = await db.certificate.findMany({ where: { status: 'VALID' }, select: { serial: true }, take: 300, orderBy: { serial: 'desc' } })
  const codes: string[] = []
  for (const { serial } of serials) {
    const code = printedCode((await repo.findCertificateBySerial(serial))!, origin, ring.publicKeys)
    if (code.ok) codes.push(code.url)
  }
  await db.$disconnect()
  const api = async <T>(p: string) => ((await (await fetch(origin + p)).json()) as { items: T[] }).items
  const permits = (await api<{ permitNumber: string }>('/api/v1/permits?pageSize=100')).map((p) => p.permitNumber)
  const enterprises = (await api<{ uscc: string; name: string }>('/api/v1/enterprises?pageSize=100')).map((e) => e.uscc)
  const projects = (await api<{ projectCode: string }>('/api/v1/projects?pageSize=100')).map((p) => p.projectCode)
  const practitioners = (await api<{ id: string }>('/api/v1/practitioners?pageSize=100')).map((p) => p.id)
  const filings = (await api<{ filingNumber: string }>('/api/v1/completion-filings?pageSize=100')).map((f) => f.filingNumber)
  if (!codes.length || !permits.length || !enterprises.length || !projects.length || !practitioners.length || !filings.length) {
    throw new Error('the seeded database lacks certificates, permits, enterprises, projects, practitioners or filings')
  }
  const terms = ['海口', '三亚', '建设', '花园', '工程', '酒店', '学校', '安置房', '设计院', '监理']
  const q = (t: string) => encodeURIComponent(t)

  const kinds: { name: string; share: number; paths: string[] }[] = [
    { name: 'home', share: 0.1, paths: ['/'] },
    {
      name: 'lists',
      share: 0.2,
      paths: [
        '/permits', '/permits?page=3', '/permits?region=460100&year=2025', '/completion-filings', '/projects', '/enterprises',
        '/enterprises?page=2', '/practitioners', '/exposure', '/credit', '/credit/blacklist', '/statistics',
      ],
    },
    {
      name: 'search',
      share: 0.15,
      paths: terms.flatMap((t) => [`/search?q=${q(t)}`, `/permits?q=${q(t)}`, `/enterprises?q=${q(t)}`]),
    },
    {
      name: 'detail pages',
      share: 0.25,
      paths: [
        ...permits.slice(0, 40).map((n) => `/permits/${encodeURIComponent(n)}`),
        ...filings.slice(0, 20).map((n) => `/completion-filings/${encodeURIComponent(n)}`),
        ...enterprises.slice(0, 40).map((u) => `/enterprises/${u}`),
        ...projects.slice(0, 40).map((c) => `/projects/${encodeURIComponent(c)}`),
        ...practitioners.slice(0, 40).map((id) => `/practitioners/${id}`),
      ],
    },
    { name: 'verify API', share: 0.15, paths: codes.map((c) => `/api/v1/verify?code=${encodeURIComponent(c)}`) },
    {
      name: 'public API',
      share: 0.15,
      paths: [
        '/api/v1/permits?pageSize=20', '/api/v1/permits?page=2&pageSize=20', '/api/v1/enterprises?pageSize=20', '/api/v1/projects?pageSize=20',
        '/api/v1/exposure', '/api/v1/credit-grades', '/api/v1/statistics/permits?year=2025',
        ...enterprises.slice(0, 20).map((u) => `/api/v1/enterprises/${u}`),
        ...enterprises.slice(0, 20).map((u) => `/api/v1/enterprises/${u}/credit`),
        ...projects.slice(0, 20).map((c) => `/api/v1/projects/${encodeURIComponent(c)}`),
      ],
    },
  ]
  // every path answers 200 once before the clock starts: a wrong path is the script's bug, not a load failure
  for (const kind of kinds) {
    for (const p of kind.paths) {
      const res = await fetch(origin + p)
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${p} answered ${res.status} before the run`)
    }
  }

  const shares = kinds.map((k) => Math.max(1, Math.round(k.share * CONNECTIONS)))
  shares[shares.length - 1] += CONNECTIONS - shares.reduce((a, b) => a + b, 0)

  function runKind(paths: string[], connections: number, duration: number) {
    let i = Math.floor(Math.random() * paths.length)
    return autocannon({
      url: origin,
      connections,
      duration,
      timeout: TIMEOUT,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    })
  }

  if (WARMUP > 0) {
    console.log(`warm-up: ${WARMUP} s, ${CONNECTIONS} connections`)
    await Promise.all(kinds.map((k, n) => runKind(k.paths, shares[n], WARMUP)))
  }
  console.log(`load: ${DURATION} s, ${CONNECTIONS} connections (${kinds.map((k, n) => `${k.name} ${shares[n]}`).join(', ')})`)
  const cpuBefore = server.pid ? readCpuSeconds(server.pid) : null
  const results = await Promise.all(kinds.map((k, n) => runKind(k.paths, shares[n], DURATION)))
  const cpuAfter = server.pid ? readCpuSeconds(server.pid) : null

  const cpus = os.cpus()
  console.log(`\n${new Date().toISOString().slice(0, 10)}, ${cpus.length} cores (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log('| kind | connections | requests | req/s | p50 ms | p99 ms | errors | 4xx | 5xx |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  let total = { requests: 0, rps: 0, errors: 0, c4: 0, c5: 0 }
  results.forEach((r, n) => {
    const errors = r.errors + r.timeouts
    console.log(`| ${kinds[n].name} | ${shares[n]} | ${r.requests.total.toLocaleString('en-US')} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} | ${r.latency.p99} | ${errors} | ${r['4xx']} | ${r['5xx']} |`)
    total = { requests: total.requests + r.requests.total, rps: total.rps + r.requests.average, errors: total.errors + errors, c4: total.c4 + r['4xx'], c5: total.c5 + r['5xx'] }
  })
  console.log(`| all | ${CONNECTIONS} | ${total.requests.toLocaleString('en-US')} | ${Math.round(total.rps).toLocaleString('en-US')} | | | ${total.errors} | ${total.c4} | ${total.c5} |`)
  if (cpuBefore !== null && cpuAfter !== null) console.log(`portal process CPU: ${((cpuAfter - cpuBefore) / DURATION).toFixed(2)} cores on average`)
  if (values.json) {
    printBenchResult({
      bench: 'load',
      context: `${CONNECTIONS} connections, ${DURATION} s, PostgreSQL`,
      figures: [
        figure(`errors at ${CONNECTIONS} connections (incl. > ${TIMEOUT} s)`, total.errors, '', { op: '<=', limit: 0 }),
        figure('5xx answers', total.c5, '', { op: '<=', limit: 0 }),
        figure('requests/s, all kinds', total.rps, 'req/s'),
        ...results.map((r, n) => figure(`${kinds[n].name} p99`, r.latency.p99, 'ms')),
        ...(cpuBefore !== null && cpuAfter !== null ? [figure('portal process CPU', (cpuAfter - cpuBefore) / DURATION, 'cores')] : []),
      ],
    })
  }
  console.log(total.errors === 0 && total.c5 === 0 ? 'targets met: 0 errors, 0 5xx' : `TARGET MISSED: ${total.errors} errors, ${total.c5} 5xx (server log: ${serverLog}, kept)`)
  if (total.errors > 0 || total.c5 > 0) {
    // keep the log for reading
    fs.copyFileSync(serverLog, path.join(os.tmpdir(), `bench-load-server-${Date.now()}.log`))
  }
} finally {
  await cleanUp()
}
process.exit(0)

/** user + system CPU seconds of a process so far (Linux /proc). */
function readCpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}
