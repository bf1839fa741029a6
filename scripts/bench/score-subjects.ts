// Recomputing every grade: times scoreMany on synthetic subjects held in memory (no database),
// to check the engine against issue 5's target of < 60 s for 1M subjects.
//   npx tsx scripts/bench/score-subjects.ts [--subjects 1000000] [--as-of 2026-11-24] [--seed 20140101]
//
// Record counts follow the demo seed's rates (about 3 % of enterprises get a bad record a year,
// 2 % a good one, over twelve years of history, practitioners far fewer), with a heavy tail
// for large contractors: most subjects have no record, a few have dozens. Every record of the
// history is passed in, expired or not, as a recompute that does not pre-filter would. A second
// run gives every subject 12 records, as a worst case. Generation is not timed.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { ENTERPRISE_TYPES, type EnterpriseType } from '../../shared/domain/enums'
import { compileStandard, CURRENT_STANDARD, scoreMany, scoreSubject, type ScoringRecord, type ScoringSubject } from '../../shared/scoring'
import { addMonths } from '../../shared/scoring/days'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '1000000' },
    'as-of': { type: 'string', default: '2026-11-24' },
    seed: { type: 'string', default: '20140101' },
  },
})
const N = Number(values.subjects)
const AS_OF = values['as-of'] as string

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = mulberry32(Number(values.seed))
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]

// first public days from 2014-01-01 to the as-of day, precomputed as strings
const DAYS: string[] = []
for (let t = Date.UTC(2014, 0, 1); ; t += 86_400_000) {
  const d = new Date(t).toISOString().slice(0, 10)
  if (d > AS_OF) break
  DAYS.push(d)
}

const categories = CURRENT_STANDARD.categories
const good = categories.filter((c) => c.kind === 'GOOD')
const bad = categories.filter((c) => c.kind === 'BAD')
// bad categories weighted like the seed's violation tables: mostly minor penalties and notices
const badWeighted = bad.flatMap((c) => Array(c.points >= -2 ? 8 : c.points >= -8 ? 3 : 1).fill(c))

function recordCount(person: boolean): number {
  const u = rand()
  if (person) return u < 0.9 ? 0 : u < 0.97 ? 1 : u < 0.995 ? 2 : 3 + Math.floor(rand() * 4)
  if (u < 0.7) return 0
  if (u < 0.85) return 1
  if (u < 0.93) return 2
  if (u < 0.97) return 3 + Math.floor(rand() * 3)
  if (u < 0.99) return 6 + Math.floor(rand() * 7)
  return 13 + Math.floor(rand() * 18)
}

let recordSeq = 0
function makeRecord(): ScoringRecord {
  const category = rand() < 0.4 ? pick(good) : pick(badWeighted)
  const from = pick(DAYS)
  return {
    id: `R${++recordSeq}`,
    kind: category.kind,
    categoryCode: category.code,
    decidedOn: from,
    publishFrom: from,
    publishUntil: addMonths(from, category.publishMonths),
    status: rand() < 0.01 ? 'WITHDRAWN' : 'ACTIVE',
  }
}

function makeSubjects(n: number, fixedCount: number | null): { subjects: ScoringSubject[]; records: number } {
  const subjects: ScoringSubject[] = new Array(n)
  let records = 0
  for (let i = 0; i < n; i++) {
    const isPerson = rand() < 0.4
    const count = fixedCount ?? recordCount(isPerson)
    const rs: ScoringRecord[] = new Array(count)
    for (let k = 0; k < count; k++) rs[k] = makeRecord()
    records += count
    subjects[i] = isPerson
      ? { id: `P${i}`, subjectType: 'PERSON', records: rs }
      : { id: `E${i}`, subjectType: 'ENTERPRISE', enterpriseType: pick(ENTERPRISE_TYPES) as EnterpriseType, records: rs }
  }
  return { subjects, records }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
const peakRss = () => mib(process.resourceUsage().maxRSS * 1024)

function run(label: string, fixedCount: number | null) {
  const t0 = performance.now()
  const { subjects, records } = makeSubjects(N, fixedCount)
  const genS = (performance.now() - t0) / 1000
  const compiled = compileStandard(CURRENT_STANDARD)
  scoreMany(subjects.slice(0, 10_000), compiled, AS_OF) // warm up the JIT

  const t1 = performance.now()
  const results = scoreMany(subjects, compiled, AS_OF)
  const s = (performance.now() - t1) / 1000

  const grades: Record<string, number> = {}
  let listed = 0
  for (const r of results) {
    grades[r.grade] = (grades[r.grade] ?? 0) + 1
    if (r.blacklisted) listed++
  }
  console.log(`\n${label}`)
  console.log(`  subjects ${N.toLocaleString('en')}, records ${records.toLocaleString('en')} (${(records / N).toFixed(2)} per subject), generated in ${genS.toFixed(1)} s`)
  console.log(`  scoreMany: ${s.toFixed(2)} s, ${Math.round(N / s).toLocaleString('en')} subjects/s, ${Math.round(records / s).toLocaleString('en')} records/s`)
  console.log(`  grades ${JSON.stringify(grades)}, blacklisted ${listed}`)

  // the explained path (the "check my grade" page), on a sample
  const sample = subjects.slice(0, Math.min(N, 100_000))
  const t2 = performance.now()
  for (const subject of sample) scoreSubject(subject, compiled, AS_OF)
  const e = (performance.now() - t2) / 1000
  console.log(`  scoreSubject (with contributions and nextChanges) on ${sample.length.toLocaleString('en')}: ${e.toFixed(2)} s, ${Math.round(sample.length / e).toLocaleString('en')} subjects/s`)
  console.log(`  peak RSS so far ${peakRss()}, heap used ${mib(process.memoryUsage().heapUsed)}`)
}

console.log(`scoring standard ${CURRENT_STANDARD.version}, as of ${AS_OF}, Node ${process.version}`)
run('realistic record counts', null)
run('worst case: 12 records per subject', 12)
