// Throughput and p99 latency of certificate verification, next to two baselines, in one run:
//   (a) GET /api/version, a static JSON route of the same Next.js app (prerendered);
//   (b) a plain node:http server in a process of its own (plain-verify-server.ts) doing the same
//       work per request — the same lookup (status row fresh, joined facts cached per certificate)
//       through Prisma, the same signature check and facts digest — without Next.js;
//   (c) GET /api/v1/verify?code=<a real certificate URL> on `next start`.
// Also times one offline signature check (pure JS, as in the mini-program, and Node's OpenSSL).
//
//   npx next build web && npx tsx scripts/bench/verify-throughput.ts [--scale 1] [--duration 10] [--connections 50]
//
// It seeds its own SQLite database (in a temporary folder, with a throw-away signing key) unless
// BENCH_DATABASE_URL and BENCH_KEYS_FILE name an existing pair. The rate limit is raised for the
// run (autocannon is one client); the limiter still counts every request.
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

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    codes: { type: 'string', default: '500' },
  },
})
const DURATION = Number(values.duration)
const CONNECTIONS = Number(values.connections)

// ---------------------------------------------------------------- data and keys
let databaseUrl = process.env.BENCH_DATABASE_URL
let keysFile = process.env.BENCH_KEYS_FILE
if (!databaseUrl || !keysFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'))
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  databaseUrl = `file:${path.join(dir, 'bench.db')}`
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
  console.log(`seeded scale ${values.scale} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
const ring = parseKeyFile(JSON.parse(fs.readFileSync(keysFile, 'utf8')))
const nextPort = await freePort()
const plainPort = await freePort()
const origin = `http://127.0.0.1:${nextPort}`

const db = createDb(databaseUrl)
const repo = createCertificatesRepository(db)
const serials = await db.certificate.findMany({ where: { status: 'VALID' }, select: { serial: true }, take: Number(values.codes), orderBy: { serial: 'desc' } })
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

interface Figures {
  label: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

async function load(label: string, base: string, paths: string[]): Promise<Figures> {
  // warm up (JIT, Prisma, SQLite page cache), then measure
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests: paths.map((p) => ({ method: 'GET', path: p })) })
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: paths.map((p) => ({ method: 'GET', path: p })) })
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx }
}

const verifyPaths = urls.map((u) => `/api/v1/verify?code=${encodeURIComponent(u)}`)
const results = [
  await load('(a) Next.js static JSON route  GET /api/version', origin, ['/api/version']),
  await load('(b) plain node:http, same lookup GET /verify?code=…', `http://127.0.0.1:${plainPort}`, urls.map((u) => `/verify?code=${encodeURIComponent(u)}`)),
  await load('(c) Next.js verification API    GET /api/v1/verify?code=…', origin, verifyPaths),
]

const [a, b, c] = results
console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`)
console.log('| server | req/s | p50 ms | p99 ms | errors | non-2xx |')
console.log('|---|---:|---:|---:|---:|---:|')
for (const r of results) console.log(`| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`)
console.log(`\nverification / static route: ${((c.rps / a.rps) * 100).toFixed(0)} % (target ≥ 80 %)`)
console.log(`verification / plain node:http: ${((c.rps / b.rps) * 100).toFixed(0)} % (goal ≥ 40 %)`)
console.log(`offline check: ${offlineNoble.toFixed(0)} µs pure JS, ${offlineNode.toFixed(0)} µs OpenSSL`)

stopPlain()
await db.$disconnect()
stopNext()
process.exit(0)
