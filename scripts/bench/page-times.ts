// Server time and shipped JavaScript of the portal's main pages, on a seeded database.
//   DATABASE_URL=file:./data/portal.db npx tsx scripts/bench/page-times.ts [--requests 30] [--json]
// Needs `npx next build web` first. Starts `next start` on a free port, warms every page up, then
// times sequential requests over loopback (time to the last byte: what a server-rendered page
// costs) and sums the <script> files each page loads (raw and gzip). --json adds one result line
// for `npm run bench` (bench-result.ts; no targets: lists.ts judges the lists' server time).
import zlib from 'node:zlib'
import { freePort, startNext, until } from './next-server.ts'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { figure, printBenchResult, type Figure } from './bench-result.ts'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } } })
const REQUESTS = Number(values.requests)

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const stop = startNext(port)
await until(`${base}/api/health`)

const first = async (path: string, field: string) => (await (await fetch(base + path)).json()).items[0][field] as string
const permit = await first('/api/v1/permits?pageSize=1', 'permitNumber')
const project = await first('/api/v1/projects?pageSize=1&stage=COMPLETION_FILING', 'projectCode')
const enterprise = await first('/api/v1/enterprises?pageSize=1&type=CONTRACTOR', 'uscc')

const pages: [string, string][] = [
  ['home', '/'],
  ['permits list', '/permits'],
  ['permits list, filtered', '/permits?region=460100&year=2025&category=BUILDING'],
  ['permits list, text search', `/permits?q=${encodeURIComponent('花园')}`],
  ['permit detail', `/permits/${permit}`],
  ['project detail', `/projects/${project}`],
  ['enterprise profile', `/enterprises/${enterprise}`],
  ['exposure board', '/exposure'],
  ['statistics', '/statistics'],
  ['API permits list', '/api/v1/permits?pageSize=20'],
]

async function timeOnce(path: string) {
  const t0 = performance.now()
  const res = await fetch(base + path)
  const body = await res.text()
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  return { ms: performance.now() - t0, body }
}

const percentile = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

console.log(`requests per page: ${REQUESTS} (after 3 warm-up requests), sequential, loopback`)
console.log('page'.padEnd(28), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'JS raw KB'.padStart(10), 'JS gzip KB'.padStart(11))
const scriptSizes = new Map<string, { raw: number; gzip: number }>()
const figures: Figure[] = []
for (const [name, path] of pages) {
  for (let i = 0; i < 3; i++) await timeOnce(path)
  const times: number[] = []
  let html = ''
  for (let i = 0; i < REQUESTS; i++) {
    const { ms, body } = await timeOnce(path)
    times.push(ms)
    html = body
  }
  let raw = 0
  let gzip = 0
  if (!path.startsWith('/api/')) {
    for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
      if (!scriptSizes.has(src)) {
        const buf = Buffer.from(await (await fetch(base + src)).arrayBuffer())
        scriptSizes.set(src, { raw: buf.length, gzip: zlib.gzipSync(buf).length })
      }
      raw += scriptSizes.get(src)!.raw
      gzip += scriptSizes.get(src)!.gzip
    }
  }
  console.log(
    name.padEnd(28),
    percentile(times, 50).toFixed(1).padStart(10),
    percentile(times, 95).toFixed(1).padStart(8),
    (raw / 1024).toFixed(0).padStart(10),
    (gzip / 1024).toFixed(0).padStart(11),
  )
  figures.push(figure(`${name}, median`, percentile(times, 50), 'ms'), figure(`${name}, p95`, percentile(times, 95), 'ms'))
  if (name === 'home') figures.push(figure('JavaScript a page loads, gzip', gzip / 1024, 'KB'))
}
if (values.json) printBenchResult({ bench: 'pages', context: `${REQUESTS} sequential requests a page over loopback`, figures })
stop()
process.exit(0)
