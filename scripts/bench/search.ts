// Site search speed by term length (docs/BENCHMARKS.md, "Site search"):
//   DATABASE_URL=… npx tsx scripts/bench/search.ts [--per-length 40] [--seed 1] [--scan]
// Terms of 1 to 6 characters are cut from names and codes stored in the database (enterprise,
// person and project names, USCCs, project codes), chosen by a fixed-seed PRNG, so most of them
// match something and the common characters (公, 有限, 海口, 王) come up as often as they occur. Each
// term runs the whole site search (five registers: first hits and the capped count) as the page
// does, in process, after a warm-up; the figure is the time from the call to the answer. --scan also
// times the plain LIKE scan (the index's oracle in search-index.db.test.ts) for the enterprise count,
// for comparison. Prints one markdown table.
import os from 'node:os'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb, databaseProvider } from '../../prisma/client.ts'
import { normalizeUscc } from '../../shared/validators/uscc.ts'
import { searchSite } from '../../web/server/search/search-site.ts'

const { values } = parseArgs({
  options: {
    'per-length': { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    scan: { type: 'boolean', default: false },
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
  for (let length = 1; length <= 6; length++) {
    const times: number[] = []
    const scanTimes: number[] = []
    let capped = 0
    for (const q of termsOf(length)) {
      const started = performance.now()
      const result = await searchSite(db, q)
      times.push(performance.now() - started)
      if ([result.permits, result.completionFilings, result.projects, result.enterprises, result.practitioners].some((s) => s.capped)) capped++
      if (values.scan) {
        const scanStarted = performance.now()
        await db.enterprise.count({ where: { OR: [{ name: { contains: q } }, { uscc: { contains: normalizeUscc(q) } }] } })
        scanTimes.push(performance.now() - scanStarted)
      }
    }
    times.sort((a, b) => a - b)
    scanTimes.sort((a, b) => a - b)
    const scan = values.scan ? ` | ${percentile(scanTimes, 50).toFixed(1)} / ${percentile(scanTimes, 95).toFixed(1)}` : ''
    rows.push(`| ${length} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} | ${capped}${scan} |`)
  }
  await db.$disconnect()

  console.log(
    `site search, ${databaseProvider()}: ${enterprises.toLocaleString('en')} enterprises, ${people.toLocaleString('en')} people, ${projects.toLocaleString('en')} projects; ` +
      `${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg()[0].toFixed(1)}`,
  )
  console.log(`\n| term length | terms | p50 ms | p95 ms | max ms | terms with a capped count${values.scan ? ' | LIKE scan, enterprise count p50 / p95 ms' : ''} |`)
  console.log(`|---|---|---|---|---|---${values.scan ? '|---' : ''}|`)
  for (const row of rows) console.log(row)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
