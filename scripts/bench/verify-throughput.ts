// Throughput and p99 latency of certificate verification, next to two baselines, in one run:
//   (a) GET /api/version, a static JSON route of the same Next.js app (prerendered);
//   (b) a plain node:http server in a process of its own (plain-verify-server.ts) doing the same
//       work per request — the portal's own checker: signature check, status row fresh, cached
//       facts, the transparency-log head and entries fresh with their inclusion proofs — through
//       Prisma, without Next.js;
//   (c) GET /api/v1/verify?code=<a real certificate URL> on `next start`.
// Also times one offline signature check (pure JS, as in the mini-program, and Node's OpenSSL).
// The targets (issue 15): (c) p99 < 50 ms at 50 connections, (c) ≥ 40 % of (b)'s requests per
// second; and, older, (c) ≥ 80 % of (a). Each is printed met or missed.
//
//   npx next build web && npx tsx scripts/bench/verify-throughput.ts [--database sqlite|postgresql]
//       [--scale 1] [--duration 10] [--connections 50] [--json]
//
// It seeds its own database (SQLite in a temporary folder, or a throw-away PostgreSQL database on
// POSTGRES_ADMIN_URL's server, with a throw-away signing key) unless BENCH_DATABASE_URL and
// BENCH_KEYS_FILE name an existing pair (BENCH_PERSONAL_DATA_KEYS_FILE with it, for the portal).
// The rate limit is raised for the run (autocannon is one client); the limiter still counts every
// request. --json adds one result line for `npm run bench` (bench-result.ts).
import fs from 'node:fs'
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { verifyCertificateCode } from '../../shared/certificates/index.ts'
import { parseKeyFile } from '../../shared/certificates/key-file.ts'
import { createDb } from '../../prisma/client.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createEmptyDatabase } from '../../prisma/testing/test-database.ts'
import { signerFromKeyFile } from '../seed/certificate-signer.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { createDemoKeyFile } from '../../shared/certificates/key-file.ts'
import { nodeVerifySignature } from '../../web/server/certificates/node-signature-verifier.ts'
import { printedCode } from '../../web/server/certificates/printed-code.ts'
import { createCertificatesRepository } from '../../web/server/certificates/certificates-repository.ts'
import { freePort, startNext, until } from './next-server.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { createTestKeyRing, writeKeyFileOf } from '../../web/server/personal-data/testing/test-key-ring.ts'
import { useThrowAwayLogKey } from '../log/log-key-from-environment.ts'
import { figure, printBenchResult } from './bench-result.ts'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    codes: { type: 'string', default: '500' },
    database: { type: 'string', default: 'sqlite' },
    json: { type: 'boolean', default: false },
  },
})
if (values.database !== 'sqlite' && values.database !== 'postgresql') throw new Error('--database: sqlite or postgresql')
const DURATION = Number(values.duration)
const CONNECTIONS = Number(values.connections)

// ---------------------------------------------------------------- data and keys
let databaseUrl = process.env.BENCH_DATABASE_URL
let keysFile = process.env.BENCH_KEYS_FILE
let dropDatabase: (() => Promise<void>) | null = null
const ownData = !databaseUrl || !keysFile
if (!databaseUrl || !keysFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'))
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  const created = await createEmptyDatabase(values.database as 'sqlite' | 'postgresql')
  dropDatabase = created.drop
  databaseUrl = created.url
  keysFile = path.join(dir, 'keys.json')
  const keyFile = createDemoKeyFile()
  fs.writeFileSync(keysFile, JSON.stringify(keyFile))
  await applyMigrations(databaseUrl)
  // throw-away personal-data keys for the throw-away database, handed to the portal started below
  process.env.PERSONAL_DATA_KEYS_FILE = writeKeyFileOf(createTestKeyRing())
  personalDataKeysFromEnvironment()
  // the seed logs its certificates (a throw-away log key: the log goes with the database)
  useThrowAwayLogKey()
  const seedDb = createDb(databaseUrl)
  const started = performance.now()
  await seedDatabase(seedDb, { signer: signerFromKeyFile(keyFile), scale: Number(values.scale), seed: 'bench', asOf: '2026-11-20' })
  await seedDb.$disconnect()
  console.log(`seeded scale ${values.scale} on ${values.database} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
} else if (process.env.BENCH_PERSONAL_DATA_KEYS_FILE) {
  process.env.PERSONAL_DATA_KEYS_FILE = process.env.BENCH_PERSONAL_DATA_KEYS_FILE
}
const databaseName = databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'
const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ')
const ring = parseKeyFile(JSON.parse(fs.readFileSync(keysFile, 'utf8')))
const nextPort = await freePort()
const plainPort = await freePort()
const origin = `http://127.0.0.1:${nextPort}`

const db = createDb(databaseUrl)
const repo = createCertificatesRepository(db)
const serials = await db.certificate.findMany({ where: { status: 'VALID', signature: { not: null } }, select: { serial: true }, take: Number(values.codes), orderBy: { serial: 'desc' } })
const urls: string[] = []
for (const { serial } of serials) {
  const code = printedCode((await repo.findCertificateBySerial(serial))!, origin, ring.publicKeys)
  if (code.ok) urls.push(code.url)
}
console.log(`${urls.length} distinct certificate codes to verify`)

// ---------------------------------------------------------------- offline signature check
function timeIt(label: string, runs: number, fn: () => unknown) {
  for (let i = 0; i < Math.min(200, runs); i++) fn()
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) fn()
  const us = ((performance.now() - t0) * 1000) / runs
  console.log(`offline check, ${label}: ${us.toFixed(1)} µs per code (${Math.round(1e6 / us).toLocaleString('en-US')} per second)`)
  return us
}
const opts = { keys: ring.publicKeys, expectedOrigin: origin }
let k = 0
const offlineNoble = timeIt('pure JS (@noble/curves, as in the mini-program)', 2000, () => verifyCertificateCode(urls[k++ % urls.length], opts))
const offlineNode = timeIt('Node OpenSSL (the portal)', 20000, () => verifyCertificateCode(urls[k++ % urls.length], { ...opts, signatureVerifier: nodeVerifySignature }))

// ---------------------------------------------------------------- servers
const stopNext = startNext(nextPort, {
  DATABASE_URL: databaseUrl,
  CERTIFICATE_KEYS_FILE: keysFile,
  PORTAL_ORIGIN: origin,
  VERIFY_RATE_LIMIT_PER_MINUTE: '100000000',
})

const plain = spawn('npx', ['tsx', 'scripts/bench/plain-verify-server.ts'], {
  env: { ...process.env, NODE_ENV: 'production', BENCH_DATABASE_URL: databaseUrl, BENCH_KEYS_FILE: keysFile, BENCH_ORIGIN: origin, BENCH_PORT: String(plainPort) },
  stdio: 'ignore',
  detached: true,
})
const stopPlain = () => plain.pid && plain.exitCode === null && process.kill(-plain.pid, 'SIGTERM')
process.on('exit', stopPlain)

await until(`${origin}/api/health`)
await until(`http://127.0.0.1:${plainPort}/verify?code=hello`)
const probe = await (await fetch(`${origin}/api/v1/verify?code=${encodeURIComponent(urls[0])}`)).json()
if (!probe.genuine || probe.status !== 'VALID') throw new Error(`the portal did not verify a good code: ${JSON.stringify(probe)}`)
if (!probe.log) console.log('the answers carry no transparency-log proofs (no log in this database): the figures leave that part out')
// the baseline must give the very same answer, or the ratio compares different work
const plainProbe = await (await fetch(`http://127.0.0.1:${plainPort}/verify?code=${encodeURIComponent(urls[0])}`)).json()
if (JSON.stringify(plainProbe) !== JSON.stringify(probe)) throw new Error(`the plain server answers otherwise: ${JSON.stringify(plainProbe)}`)

interface Figures {
  label: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  /** CPU time the server's processes spent per answer: unlike req/s, barely moved by other work on the machine */
  cpuMs: number | null
}

/** user + system CPU seconds of every process in the group (Linux /proc; null elsewhere). */
function processGroupCpuSeconds(pgid: number | undefined): number | null {
  if (!pgid || !fs.existsSync('/proc/self/stat')) return null
  let ticks = 0
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    // fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / 100 // USER_HZ is 100 on Linux
}

async function load(label: string, base: string, paths: string[], pgid: number | undefined): Promise<Figures> {
  // warm up (JIT, Prisma, SQLite page cache), then measure
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests: paths.map((p) => ({ method: 'GET', path: p })) })
  const cpuBefore = processGroupCpuSeconds(pgid)
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: paths.map((p) => ({ method: 'GET', path: p })) })
  const cpuAfter = processGroupCpuSeconds(pgid)
  const cpuMs = cpuBefore === null || cpuAfter === null || r.requests.total === 0 ? null : ((cpuAfter - cpuBefore) * 1000) / r.requests.total
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, cpuMs }
}

const verifyPaths = urls.map((u) => `/api/v1/verify?code=${encodeURIComponent(u)}`)
const results = [
  await load('(a) Next.js static JSON route  GET /api/version', origin, ['/api/version'], stopNext.pid),
  await load('(b) plain node:http, same work GET /verify?code=…', `http://127.0.0.1:${plainPort}`, urls.map((u) => `/verify?code=${encodeURIComponent(u)}`), plain.pid),
  await load('(c) Next.js verification API    GET /api/v1/verify?code=…', origin, verifyPaths, stopNext.pid),
]

const [a, b, c] = results
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(', ')
console.log(`\n${databaseName}, ${CONNECTIONS} connections, ${DURATION} s each, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadAverage()} (${loadAtStart} at start)`)
console.log('| server | req/s | p50 ms | p99 ms | errors | non-2xx | server CPU ms per answer |')
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const r of results) console.log(`| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.cpuMs?.toFixed(2) ?? '–'} |`)
const toPlain = (c.rps / b.rps) * 100
const toStatic = (c.rps / a.rps) * 100
const verdict = (met: boolean) => (met ? 'met' : 'MISSED')
console.log(`\nverification p99: ${c.p99} ms at ${CONNECTIONS} connections (target < 50 ms): ${verdict(c.p99 < 50)}`)
console.log(`verification / plain node:http: ${toPlain.toFixed(0)} % (target ≥ 40 %): ${verdict(toPlain >= 40)}`)
console.log(`verification / static route: ${toStatic.toFixed(0)} % (target ≥ 80 %): ${verdict(toStatic >= 80)}`)
if (b.cpuMs && c.cpuMs) console.log(`CPU per answer, plain node:http / verification API: ${((b.cpuMs / c.cpuMs) * 100).toFixed(0)} % (what the req/s ratio tends to on an otherwise idle machine, both servers being CPU-bound)`)
console.log(`offline check: ${offlineNoble.toFixed(0)} µs pure JS, ${offlineNode.toFixed(0)} µs OpenSSL`)
if (c.errors + c.non2xx + b.errors + b.non2xx > 0) console.log('errors or non-2xx answers in the run: the figures above do not count')
if (os.loadavg()[0] > os.cpus().length) console.log(`the load average (${loadAverage()}) is above the ${os.cpus().length} cores: other work shared the machine, treat the absolute figures as low`)

if (values.json) {
  printBenchResult({
    bench: 'verify',
    context: `${databaseName}, ${urls.length} certificate codes, ${CONNECTIONS} connections, ${DURATION} s, load average ${loadAtStart} → ${loadAverage()}`,
    figures: [
      figure('verify API req/s', Math.round(c.rps), 'req/s'),
      figure('verify API p99', c.p99, 'ms', { op: '<', limit: 50 }),
      figure('verify API / plain node:http', Math.round(toPlain), '%', { op: '>=', limit: 40 }),
      figure('verify API / static route', Math.round(toStatic), '%', { op: '>=', limit: 80 }),
      figure('plain node:http verify req/s', Math.round(b.rps), 'req/s'),
      ...(c.cpuMs ? [figure('verify API server CPU per answer', Number(c.cpuMs.toFixed(2)), 'ms')] : []),
      figure('offline check (OpenSSL)', Math.round(offlineNode), 'µs'),
    ],
  })
}

stopPlain()
await db.$disconnect()
stopNext()
if (ownData && dropDatabase) await dropDatabase()
process.exit(0)
