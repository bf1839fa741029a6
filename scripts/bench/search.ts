// Site search speed by term length (docs/BENCHMARKS.md, "Site search"):
//   DATABASE_URL=… npx tsx scripts/bench/search.ts [--per-length 40] [--seed 1] [--scan] [--cpu] [--json]
// Terms of 1 to 6 characters are cut from names and codes stored in the database (enterprise,
// person and project names, USCCs, project codes), chosen by a fixed-seed PRNG, so most of them
// match something and the common characters (公, 有限, 海口, 王) come up as often as they occur. Each
// term runs the whole site search (five registers: first hits and the capped count) as the page
// does, in process, after a warm-up; the figure is the time from the call to the answer. --scan also
// times the plain LIKE scan (the index's oracle in search-index.db.test.ts) for the enterprise count,
// for comparison. --cpu (PostgreSQL on this machine) also measures the CPU time each search costs:
// the database's server processes for this database (/proc/<pid>/schedstat, nanoseconds) plus this
// Node process — unlike the elapsed time it does not grow with other work waiting for the cores,
// so it tells what a search costs on a shared machine. Prints one markdown table, and with --json
// the figures as one line for scripts/bench/run-all.ts (p95 per term length and over all terms;
// target p95 < 50 ms).
import fs from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb, databaseProvider } from '../../prisma/client.ts'
import { normalizeUscc } from '../../shared/validators/uscc.ts'
import { searchSite } from '../../web/server/search/search-site.ts'
import { figure, printBenchResult, type Figure } from './bench-result.ts'

const { values } = parseArgs({
  options: {
    'per-length': { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    scan: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
  },
})
const perLength = Number(values['per-length'])
if (!Number.isInteger(perLength) || perLength < 1) throw new Error('--per-length: a positive integer')

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

/** CPU nanoseconds so far of the server processes serving this database (their pids read each time: the pool opens connections as it needs them). */
async function serverCpuNs(db: ReturnType<typeof createDb>, pids: Map<number, bigint>): Promise<bigint> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
  let total = 0n
  for (const { pid } of rows) {
    try {
      const ns = BigInt(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0])
      pids.set(pid, ns)
    } catch {
      // ended meanwhile: its last reading stands
    }
  }
  for (const ns of pids.values()) total += ns
  return total
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function main() {
  const db = createDb(undefined, { statementTimeoutMs: 0 })
  const random = prng(Number(values.seed))
  const [enterprises, people, projects] = await Promise.all([db.enterprise.count(), db.person.count(), db.project.count()])
  // a sample of stored texts to cut terms from, spread over the tables by skipping at random
  const texts: string[] = []
  for (let i = 0; i < 200; i++) {
    const which = random()
    if (which < 0.4) {
      const e = await db.enterprise.findFirst({ skip: Math.floor(random() * enterprises), select: { name: true, uscc: true } })
      if (e) texts.push(random() < 0.85 ? e.name : e.uscc)
    } else if (which < 0.7) {
      const p = await db.person.findFirst({ skip: Math.floor(random() * people), select: { name: true } })
      if (p) texts.push(p.name)
    } else {
      const p = await db.project.findFirst({ skip: Math.floor(random() * projects), select: { name: true, projectCode: true } })
      if (p) texts.push(random() < 0.85 ? p.name : p.projectCode)
    }
  }
  const termsOf = (length: number) => {
    const long = texts.map((t) => Array.from(t)).filter((chars) => chars.length >= length)
    return Array.from({ length: perLength }, () => {
      const chars = long[Math.floor(random() * long.length)]
      const at = Math.floor(random() * (chars.length - length + 1))
      return chars.slice(at, at + length).join('')
    })
  }

  for (const q of ['海口', '王', '有限公司']) await searchSite(db, q) // warm-up: connections, plans, caches

  const rows: string[] = []
  const figures: Figure[] = []
  const all: number[] = []
  const allCpu: number[] = []
  for (let length = 1; length <= 6; length++) {
    const times: number[] = []
    const scanTimes: number[] = []
    const cpuTimes: number[] = []
    const pids = new Map<number, bigint>()
    let capped = 0
    for (const q of termsOf(length)) {
      const serverBefore = values.cpu ? await serverCpuNs(db, pids) : 0n
      const nodeBefore = process.cpuUsage()
      const started = performance.now()
      const result = await searchSite(db, q)
      times.push(performance.now() - started)
      if (values.cpu) {
        const node = process.cpuUsage(nodeBefore)
        const server = (await serverCpuNs(db, pids)) - serverBefore
        cpuTimes.push(Number(server) / 1e6 + (node.user + node.system) / 1000)
      }
      if ([result.permits, result.completionFilings, result.projects, result.enterprises, result.practitioners].some((s) => s.capped)) capped++
      if (values.scan) {
        const scanStarted = performance.now()
        await db.enterprise.count({ where: { OR: [{ name: { contains: q } }, { uscc: { contains: normalizeUscc(q) } }] } })
        scanTimes.push(performance.now() - scanStarted)
      }
    }
    times.sort((a, b) => a - b)
    scanTimes.sort((a, b) => a - b)
    cpuTimes.sort((a, b) => a - b)
    all.push(...times)
    allCpu.push(...cpuTimes)
    figures.push(figure(`site search, ${length}-character terms, p95`, round(percentile(times, 95)), 'ms', { op: '<', limit: 50 }))
    const scan =
      (values.scan ? ` | ${percentile(scanTimes, 50).toFixed(1)} / ${percentile(scanTimes, 95).toFixed(1)}` : '') +
      (values.cpu ? ` | ${percentile(cpuTimes, 50).toFixed(1)} / ${percentile(cpuTimes, 95).toFixed(1)}` : '')
    rows.push(`| ${length} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} | ${capped}${scan} |`)
  }
  await db.$disconnect()

  console.log(
    `site search, ${databaseProvider()}: ${enterprises.toLocaleString('en')} enterprises, ${people.toLocaleString('en')} people, ${projects.toLocaleString('en')} projects; ` +
      `${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg()[0].toFixed(1)}`,
  )
  const extra = (values.scan ? ' | LIKE scan, enterprise count p50 / p95 ms' : '') + (values.cpu ? ' | CPU per search (database + Node) p50 / p95 ms' : '')
  console.log(`\n| term length | terms | p50 ms | p95 ms | max ms | terms with a capped count${extra} |`)
  console.log(`|---|---|---|---|---|---${values.scan ? '|---' : ''}${values.cpu ? '|---' : ''}|`)
  for (const row of rows) console.log(row)
  if (values.json) {
    all.sort((a, b) => a - b)
    printBenchResult({
      bench: 'search',
      context: `${databaseProvider()}, ${enterprises.toLocaleString('en')} enterprises, ${people.toLocaleString('en')} people, ${projects.toLocaleString('en')} projects, load ${os.loadavg()[0].toFixed(1)}`,
      figures: [
        figure('site search, all terms, p50', round(percentile(all, 50)), 'ms'),
        figure('site search, all terms, p95', round(percentile(all, 95)), 'ms', { op: '<', limit: 50 }),
        ...(values.cpu
          ? [figure('site search CPU (database + Node), all terms, p50', round(percentile(allCpu.sort((a, b) => a - b), 50)), 'ms'), figure('site search CPU (database + Node), all terms, p95', round(percentile(allCpu, 95)), 'ms')]
          : []),
        ...figures,
      ],
    })
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
