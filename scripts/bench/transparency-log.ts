// Speed of the transparency log (issue 16's targets), on a database of its own:
//   1. back-fill write path: 100,000 entries appended in the back-fill's transactions of 2,000
//      (appendCertificateEvents: entries, nodes, root, signed checkpoint) — target < 30 s;
//   2. the whole back-fill (reading each certificate's facts to rebuild its payload hash) on a
//      seeded database, per entry, for the share of the time the certificate reads add;
//   3. the cost one append adds to an issue: a single-entry append in its own transaction on the
//      100,000-entry log, median and p95 of --appends runs — target < 5 ms;
//   4. serving a full tile (readLogTile: head + one range query) against serving the same bytes
//      from a file, both through one plain node:http server, with autocannon.
//
//   npx tsx scripts/bench/transparency-log.ts [--database sqlite|postgresql] [--entries 100000]
//       [--scale 0.2] [--appends 200] [--duration 5] [--connections 10] [--json]
// --json adds one result line for `npm run bench` (bench-result.ts).
//
// PostgreSQL uses a fresh database on POSTGRES_ADMIN_URL's server (prisma/testing), dropped after.
// Figures go to docs/BENCHMARKS.md with the machine's load at the time.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { createDb, type Db } from '../../prisma/client.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createEmptyDatabase } from '../../prisma/testing/test-database.ts'
import { createDemoKeyFile } from '../../shared/certificates/key-file.ts'
import type { LogEntry } from '../../shared/transparency-log/log-entry.ts'
import { appendCertificateEvents } from '../../web/server/transparency-log/append-certificate-events.ts'
import { backfillCertificateLog } from '../../web/server/transparency-log/backfill-certificate-log.ts'
import { createLogKey, logPublicKeyOf, useLogKey } from '../../web/server/transparency-log/log-key.ts'
import { forgetCachedTiles, readLogTile } from '../../web/server/transparency-log/read-log-tile.ts'
import { createTestKeyRing } from '../../web/server/personal-data/testing/test-key-ring.ts'
import { usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import { signerFromKeyFile } from '../seed/certificate-signer.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { figure, printBenchResult, type Figure } from './bench-result.ts'

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'sqlite' },
    entries: { type: 'string', default: '100000' },
    scale: { type: 'string', default: '0.2' },
    appends: { type: 'string', default: '200' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
})
const provider = values.database === 'postgresql' ? 'postgresql' : 'sqlite'
const ENTRIES = Number(values.entries)
const BATCH = 2_000

const seed = new Uint8Array(randomBytes(32))
useLogKey(createLogKey('bench.example/log', logPublicKeyOf(seed), seed))
usePersonalDataKeys(createTestKeyRing())

async function freshDatabase(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  if (provider === 'postgresql') {
    const created = await createEmptyDatabase('postgresql')
    await applyMigrations(created.url)
    const db = createDb(created.url)
    return { db, url: created.url, drop: async () => (await db.$disconnect(), await created.drop()) }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-log-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  await applyMigrations(url)
  const db = createDb(url)
  return { db, url, drop: async () => (await db.$disconnect(), fs.rmSync(dir, { recursive: true, force: true })) }
}

function syntheticEntry(i: number): LogEntry {
  return {
    event: i % 10 === 9 ? 'REVOKED' : 'ISSUED',
    certificateType: 'CONSTRUCTION_PERMIT',
    serial: `P${String(20_264_601_000_000_000 + i).padStart(17, '0')}`,
    payloadSha256: new Uint8Array(randomBytes(32)),
    keyId: '1',
    occurredAt: Date.parse('2014-01-01T00:00:00Z') + i * 3_600_000,
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const ms = (n: number) => `${n.toFixed(2)} ms`

const figures: Figure[] = []
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ')
console.log(`transparency log benchmark — ${provider}, ${os.cpus().length} cores, load average ${load}, node ${process.version}`)

// ---------------------------------------------------------------- 1. the back-fill's write path
const log = await freshDatabase()
{
  const started = performance.now()
  for (let i = 0; i < ENTRIES; i += BATCH) {
    const chunk = Array.from({ length: Math.min(BATCH, ENTRIES - i) }, (_, k) => syntheticEntry(i + k))
    await log.db.$transaction((tx) => appendCertificateEvents(tx, chunk), { timeout: 120_000 })
  }
  const seconds = (performance.now() - started) / 1000
  figures.push(figure('back-fill write path, per 100,000 entries', (seconds / ENTRIES) * 100_000, 's', { op: '<', limit: 30 }))
  console.log(`1. ${ENTRIES.toLocaleString('en')} entries appended in transactions of ${BATCH}: ${seconds.toFixed(1)} s (${((seconds * 1000) / ENTRIES).toFixed(3)} ms/entry; target < 30 s)`)
}

// ---------------------------------------------------------------- 3. one append in its own transaction
// An issue's transaction commits anyway (on SQLite: a journal write and fsync, which dominate under
// load); what the log adds is the append's statements inside it. So: the append's own time inside
// the transaction, and whole transactions with one small write, with and without the append.
{
  const inside: number[] = []
  const withAppend: number[] = []
  const without: number[] = []
  const touch = (tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => tx.$executeRaw`UPDATE "TransparencyLogHead" SET "updatedAt" = ${new Date()} WHERE "id" = 1`
  for (let i = 0; i < Number(values.appends); i++) {
    const entry = syntheticEntry(ENTRIES + i)
    let started = performance.now()
    await log.db.$transaction(async (tx) => {
      await touch(tx)
      const t0 = performance.now()
      await appendCertificateEvents(tx, [entry])
      inside.push(performance.now() - t0)
    })
    withAppend.push(performance.now() - started)
    started = performance.now()
    await log.db.$transaction(async (tx) => touch(tx))
    without.push(performance.now() - started)
  }
  for (const list of [inside, withAppend, without]) list.sort((a, b) => a - b)
  figures.push(figure(`one append in an issue's transaction (log of ${ENTRIES.toLocaleString('en')}), median`, percentile(inside, 50), 'ms', { op: '<', limit: 5 }))
  figures.push(figure(`one append in an issue's transaction, p95`, percentile(inside, 95), 'ms'))
  console.log(`3. one append (log of ${ENTRIES.toLocaleString('en')}), ${values.appends} runs: the append inside its transaction median ${ms(percentile(inside, 50))}, p95 ${ms(percentile(inside, 95))} (target < 5 ms)`)
  console.log(
    `   whole transactions with one small write: with the append median ${ms(percentile(withAppend, 50))} (p95 ${ms(percentile(withAppend, 95))}),` +
      ` without median ${ms(percentile(without, 50))} (p95 ${ms(percentile(without, 95))})`,
  )
}

// ---------------------------------------------------------------- 4. a full tile against a static file
{
  const fullTiles = Math.floor(ENTRIES / 256)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tiles-'))
  const tilePaths = Array.from({ length: 50 }, (_, i) => `tile/0/${pad(Math.floor((i * fullTiles) / 50))}`)
  // the first read of each (from the database; later ones come from the process's tile cache)
  forgetCachedTiles()
  const cold: number[] = []
  for (const p of tilePaths) {
    const started = performance.now()
    const answer = await readLogTile(log.db, p)
    cold.push(performance.now() - started)
    if (!answer.ok) throw new Error(`${p}: ${answer.message}`)
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    fs.writeFileSync(path.join(dir, p), answer.bytes)
  }
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/'
    const send = (status: number, body: Uint8Array | string) => {
      response.writeHead(status, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000, immutable' })
      response.end(body)
    }
    if (url.startsWith('/log/')) {
      readLogTile(log.db, url.slice('/log/'.length)).then(
        (a) => (a.ok ? send(200, a.bytes) : send(a.status, a.message)),
        () => send(500, 'error'),
      )
    } else if (url.startsWith('/static/')) {
      fs.readFile(path.join(dir, url.slice('/static/'.length)), (error, bytes) => (error ? send(404, 'missing') : send(200, bytes)))
    } else send(404, 'missing')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const run = async (prefix: string) => {
    const requests = tilePaths.map((p) => ({ method: 'GET' as const, path: `${prefix}${p}` }))
    const options = { url: `http://127.0.0.1:${port}`, connections: Number(values.connections), requests }
    await autocannon({ ...options, duration: 1 })
    return autocannon({ ...options, duration: Number(values.duration) })
  }
  const line = (r: autocannon.Result) => `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`
  cold.sort((a, b) => a - b)
  console.log(`4. a full level-0 tile (8,192 bytes): first read from the database median ${ms(percentile(cold, 50))}, p95 ${ms(percentile(cold, 95))}`)
  console.log(`   served by a plain node:http server, ${values.connections} connections, ${values.duration} s, 50 tiles:`)
  const file = await run('/static/')
  console.log(`   the same bytes from a file (fs.readFile): ${line(file)}`)
  const cached = await run('/log/')
  console.log(`   readLogTile (cached after the first read): ${line(cached)}`)
  figures.push(
    figure('full tile, first read from the database, median', percentile(cold, 50), 'ms'),
    figure('full tile from the tile cache, p50 (a file: see next)', cached.latency.p50, 'ms', { op: '<=', limit: file.latency.p50 }),
    figure('full tile from a file, p50', file.latency.p50, 'ms'),
    figure('full tile from the tile cache, throughput', cached.requests.average, 'req/s'),
    figure('full tile from a file, throughput', file.requests.average, 'req/s'),
  )
  server.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
await log.drop()

function pad(n: number): string {
  // tile index as in the tlog-tiles path (≤ 999,999 here)
  return n >= 1000 ? `x${String(Math.floor(n / 1000)).padStart(3, '0')}/${String(n % 1000).padStart(3, '0')}` : String(n).padStart(3, '0')
}

// ---------------------------------------------------------------- 2. the whole back-fill on seeded certificates
{
  const seeded = await freshDatabase()
  const keyFile = createDemoKeyFile()
  await seedDatabase(seeded.db, { signer: signerFromKeyFile(keyFile), scale: Number(values.scale), seed: 'bench-log', asOf: '2026-06-30' })
  // the seed ends with a back-fill: undo it, then time a back-fill of the same certificates
  await seeded.db.transparencyLogEntry.deleteMany()
  await seeded.db.transparencyLogNode.deleteMany()
  await seeded.db.transparencyLogHead.deleteMany()
  const started = performance.now()
  const result = await backfillCertificateLog(seeded.db)
  const seconds = (performance.now() - started) / 1000
  console.log(
    `2. npm run log:backfill's work on a seed of scale ${values.scale}: ${result.appended.toLocaleString('en')} events in ${seconds.toFixed(1)} s` +
      ` (${((seconds * 1000) / result.appended).toFixed(3)} ms/event, ≈ ${((seconds / result.appended) * 100_000).toFixed(0)} s per 100,000)`,
  )
  figures.push(figure(`whole back-fill of a scale-${values.scale} seed, per 100,000 events`, (seconds / result.appended) * 100_000, 's', { op: '<', limit: 30 }))
  await seeded.drop()
}
if (values.json) printBenchResult({ bench: 'transparency-log', context: `${provider}, log of ${ENTRIES.toLocaleString('en')} entries`, figures })
