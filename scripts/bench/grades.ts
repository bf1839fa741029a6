// The full grade recompute at national size (issue 15's target: 1,000,000 subjects recomputed and
// stored in under 60 s on PostgreSQL on this machine).
//   npx tsx scripts/bench/grades.ts [--subjects 100000] [--provider postgresql|sqlite]
//                                   [--records-per-subject 0.7] [--batch 5000]
//
// A throw-away, freshly migrated database (prisma/testing/test-database.ts) is filled with
// synthetic but valid subjects (not timed): half enterprises of every type (valid USCCs), half
// practitioners (valid ID numbers, sealed as the portal stores them), and on average
// --records-per-subject integrity records each (categories of the published standard that apply
// to the subject, publication periods by the standard's rule, spread over 2023–2026 so that some
// count on the days below and some stop counting between them). The fill drops the tables'
// secondary indexes and switches their triggers off, and builds them again after; on PostgreSQL
// each chunk goes in as one JSON parameter. Then recomputeAllGrades, the code behind `npm run grades:recompute`, runs three times:
//   1. a first day, nothing stored yet: every subject's row is written;
//   2. the next day: only the subjects whose grade changed are written;
//   3. the same day again: nothing is written.
// Each run prints the load average before it, waiting for reads, scoring and comparing, the write
// transactions, elapsed seconds, rows written, CPU seconds of the process and of the PostgreSQL
// backends serving it, and the process's RSS at the start and its peak (sampled every 100 ms).
// The PostgreSQL server runs on the same 2 cores; its statistics of CreditGrade are refreshed
// (ANALYZE, not timed) after each run, as autovacuum does in service.
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { Db } from '../../prisma/client.ts'
import { Prisma } from '../../prisma/generated/sqlite/client.ts'
import type { DatabaseProvider } from '../../prisma/database-url.ts'
import { createTestDatabase } from '../../prisma/testing/test-database.ts'
import { ENTERPRISE_TYPES } from '../../shared/domain/enums.ts'
import { CURRENT_STANDARD, GRADES, publicationUntil } from '../../shared/scoring/index.ts'
import { makeIdNumber } from '../../shared/validators/id-number.ts'
import { makeUscc, USCC_ALPHABET } from '../../shared/validators/uscc.ts'
import { recomputeAllGrades, type RecomputeSummary } from '../../web/server/credit/recompute-grades.ts'
import { insertRows, newRowId } from '../../web/server/db/bulk-insert-repository.ts'
import { sealIdNumber, usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import { createTestKeyRing } from '../../web/server/personal-data/testing/test-key-ring.ts'
import { figure, printBenchResult, type Target } from './bench-result.ts'

// a throw-away database: throw-away personal-data keys, and no statement timeout for building its indexes
usePersonalDataKeys(createTestKeyRing())
process.env.PG_STATEMENT_TIMEOUT_MS ??= '0'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '100000' },
    provider: { type: 'string', default: 'postgresql' },
    'records-per-subject': { type: 'string', default: '0.7' },
    batch: { type: 'string', default: '5000' },
    // one result line for `npm run bench` (bench-result.ts)
    json: { type: 'boolean', default: false },
  },
})
const SUBJECTS = Number(values.subjects)
if (!Number.isSafeInteger(SUBJECTS) || SUBJECTS < 2) throw new Error(`--subjects must be an integer ≥ 2, got ${values.subjects}`)
const PROVIDER = values.provider as DatabaseProvider
if (PROVIDER !== 'sqlite' && PROVIDER !== 'postgresql') throw new Error(`--provider must be sqlite or postgresql, got ${values.provider}`)
const PER_SUBJECT = Number(values['records-per-subject'])
if (!(PER_SUBJECT >= 0 && PER_SUBJECT <= 12)) throw new Error(`--records-per-subject must be 0–12, got ${values['records-per-subject']}`)
const BATCH = Number(values.batch)

const HAIKOU = '460100'
const DAY_1 = '2026-11-24'
const DAY_2 = '2026-11-25'
const CHUNK = 10_000

const dayDate = (day: string) => new Date(`${day}T00:00:00.000Z`)
const addDays = (day: string, n: number) => new Date(dayDate(day).getTime() + n * 86_400_000).toISOString().slice(0, 10)

/** 8 characters of the USCC alphabet, distinct per n. */
function orgBody(n: number): string {
  let s = ''
  for (let k = 0; k < 8; k++, n = Math.floor(n / USCC_ALPHABET.length)) s = USCC_ALPHABET[n % USCC_ALPHABET.length] + s
  return s
}

const PRACTITIONER_CATEGORIES = new Set(CURRENT_STANDARD.classes.find((c) => c.subjectClass === 'PRACTITIONER')!.categories.map((c) => c.code))
const ALL_CATEGORIES = CURRENT_STANDARD.categories
const PERSON_CATEGORIES = ALL_CATEGORIES.filter((c) => PRACTITIONER_CATEGORIES.has(c.code))

/** How many records subject i gets: on average PER_SUBJECT, most subjects none, some two more. */
function recordCount(i: number): number {
  const whole = Math.floor(PER_SUBJECT)
  // a low-discrepancy sequence in [0, 1): a share PER_SUBJECT's fraction / 2 gets two more records
  const u = (i * 0.6180339887498949) % 1
  return whole + (u < (PER_SUBJECT - whole) / 2 ? 2 : 0)
}

/** Record k of subject i: a category that applies, first public on a day of 2023-01-01 … 2026-11-25. */
function recordRow(subject: { id: string; type: 'ENTERPRISE' | 'PERSON' }, i: number, k: number, now: Date) {
  const categories = subject.type === 'PERSON' ? PERSON_CATEGORIES : ALL_CATEGORIES
  const category = categories[(i * 7 + k * 13) % categories.length]
  // most records recent enough to count on the benchmark's days; a few start or end between them
  const from = addDays('2023-01-01', (i * 7919 + k * 104_729) % 1424)
  const until = publicationUntil(CURRENT_STANDARD, category.code, from)
  return {
    id: newRowId(),
    subjectType: subject.type,
    enterpriseId: subject.type === 'ENTERPRISE' ? subject.id : null,
    personId: subject.type === 'PERSON' ? subject.id : null,
    kind: category.kind,
    categoryCode: category.code,
    title: category.kind === 'GOOD' ? '基准测试表彰' : '基准测试处罚',
    description: '基准测试生成的记录',
    decisionNumber: `琼建基〔${from.slice(0, 4)}〕${i}-${k}号`,
    issuedBy: '海口市住房和城乡建设局',
    decidedOn: dayDate(addDays(from, -5)),
    publishFrom: dayDate(from),
    publishUntil: dayDate(until),
    points: category.points,
    status: (i + k) % 50 === 0 ? 'WITHDRAWN' : 'ACTIVE',
    createdAt: now,
  }
}

const RECORD_COLUMNS = [
  'id',
  'subjectType',
  'enterpriseId',
  'personId',
  'kind',
  'categoryCode',
  'title',
  'description',
  'decisionNumber',
  'issuedBy',
  'decidedOn',
  'publishFrom',
  'publishUntil',
  'points',
  'status',
  'createdAt',
]
const ENTERPRISE_COLUMNS = ['id', 'uscc', 'name', 'type', 'regionCode', 'inProvince', 'legalRepresentative', 'registeredAddress', 'registeredCapital', 'establishedOn', 'createdAt', 'updatedAt']
const PERSON_COLUMNS = ['id', 'name', 'idNumber', 'idNumberHash', 'gender', 'createdAt', 'updatedAt']

/**
 * Runs `fn` with the secondary indexes of `tables` dropped and their triggers off (the search
 * index's token triggers), and builds the indexes again after, as they were (their own DDL, read
 * from the catalogue): filling a million rows into indexed tables with row triggers takes many
 * times longer, and the fill is not what is measured. The synthetic subjects get no search tokens
 * (the recompute does not read them).
 */
async function withoutIndexes<T>(db: Db, tables: readonly string[], fn: () => Promise<T>): Promise<T> {
  const list = tables.map((t) => `'${t}'`).join(', ')
  const pg = PROVIDER === 'postgresql'
  const indexes = pg
    ? await db.$queryRawUnsafe<{ name: string; ddl: string }[]>(
        `SELECT indexname AS name, indexdef AS ddl FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${list}) AND indexname NOT LIKE '%_pkey'`,
      )
    : await db.$queryRawUnsafe<{ name: string; ddl: string }[]>(`SELECT name, sql AS ddl FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${list}) AND sql IS NOT NULL`)
  // SQLite cannot switch a trigger off: dropped and created again from its DDL
  const triggers = pg ? [] : await db.$queryRawUnsafe<{ name: string; ddl: string }[]>(`SELECT name, sql AS ddl FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${list})`)
  for (const i of indexes) await db.$executeRawUnsafe(`DROP INDEX "${i.name}"`)
  for (const t of triggers) await db.$executeRawUnsafe(`DROP TRIGGER "${t.name}"`)
  if (pg) for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE "${t}" DISABLE TRIGGER USER`)
  const result = await fn()
  const started = performance.now()
  if (pg) for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE "${t}" ENABLE TRIGGER USER`)
  for (const t of triggers) await db.$executeRawUnsafe(t.ddl)
  for (const i of indexes) await db.$executeRawUnsafe(i.ddl)
  console.log(`  ${indexes.length} indexes built again in ${sec(performance.now() - started)} s${triggers.length || pg ? '; row triggers back on' : ''}`)
  return result
}

/**
 * The fill's writes. PostgreSQL: the chunk as one JSON parameter expanded by the server
 * (json_populate_recordset with the table's own row type, so every column gets its type) — a
 * million rows through 30,000 bound parameters a statement took many minutes on the busy machine.
 * SQLite, in process: the multi-row INSERTs of bulk-insert-repository.
 */
async function insertAll(tx: Parameters<typeof insertRows>[0], table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return
  if (PROVIDER === 'sqlite') return insertRows(tx, table, columns, rows)
  const list = columns.map((c) => `"${c}"`).join(', ')
  await tx.$executeRaw(Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}" (${list})`)} SELECT ${Prisma.raw(list)} FROM json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${JSON.stringify(rows)}::json)`)
}

async function fill(db: Db): Promise<{ enterprises: number; people: number; records: number }> {
  await db.region.create({ data: { code: '460000', name: '海南省', shortName: '海南', level: 'PROVINCE', sortOrder: 0 } })
  await db.region.create({ data: { code: HAIKOU, name: '海口市', shortName: '海口', level: 'CITY', parentCode: '460000', sortOrder: 1 } })
  const now = new Date()
  const enterprises = Math.ceil(SUBJECTS / 2)
  let records = 0
  let buildMs = 0
  let insertMs = 0
  for (let start = 0; start < SUBJECTS; start += CHUNK) {
    const chunkStarted = performance.now()
    const subjects: Record<string, unknown>[] = []
    const people: Record<string, unknown>[] = []
    const recs: Record<string, unknown>[] = []
    for (let i = start; i < Math.min(SUBJECTS, start + CHUNK); i++) {
      const id = newRowId()
      if (i < enterprises) {
        subjects.push({
          id,
          uscc: makeUscc('91', HAIKOU, orgBody(i)),
          name: `海口基准测试${i}号建设工程有限公司`,
          type: ENTERPRISE_TYPES[i % ENTERPRISE_TYPES.length],
          regionCode: HAIKOU,
          inProvince: true,
          legalRepresentative: '王建国',
          registeredAddress: `海南省海口市龙华区测试路${i}号`,
          registeredCapital: 1000 + (i % 9000),
          establishedOn: dayDate('2010-05-01'),
          createdAt: now,
          updatedAt: now,
        })
      } else {
        const p = i - enterprises
        // 13,440 birth days (1960–1999, 28 a month) × 1,000 sequence numbers: distinct up to 13.4M people
        const d = p % 13_440
        const birth = `${1960 + Math.floor(d / 336)}${String(1 + Math.floor((d % 336) / 28)).padStart(2, '0')}${String(1 + (d % 28)).padStart(2, '0')}`
        const idNumber = makeIdNumber(HAIKOU, birth, Math.floor(p / 13_440) % 1000)
        people.push({ id, name: `测试人员${p}`, ...sealIdNumber(idNumber), gender: p % 2 ? '男' : '女', createdAt: now, updatedAt: now })
      }
      const subject = { id, type: i < enterprises ? ('ENTERPRISE' as const) : ('PERSON' as const) }
      for (let k = 0; k < recordCount(i); k++) recs.push(recordRow(subject, i, k, now))
    }
    const built = performance.now()
    buildMs += built - chunkStarted
    await db.$transaction(async (tx) => {
      await insertAll(tx, 'Enterprise', ENTERPRISE_COLUMNS, subjects)
      await insertAll(tx, 'Person', PERSON_COLUMNS, people)
      await insertAll(tx, 'IntegrityRecord', RECORD_COLUMNS, recs)
    }, { timeout: 600_000 })
    records += recs.length
    insertMs += performance.now() - built
    if ((start / CHUNK) % 10 === 9) console.log(`  ${(start + CHUNK).toLocaleString('en-US')} subjects`)
  }
  console.log(`  rows made in ${sec(buildMs)} s, inserted in ${sec(insertMs)} s`)
  return { enterprises, people: SUBJECTS - enterprises, records }
}

const mib = (bytes: number) => Math.round(bytes / 1048576)
const sec = (ms: number) => (ms / 1000).toFixed(1)

/**
 * CPU seconds (user + system) of the PostgreSQL server processes serving `database`, found by their
 * process title in /proc (same machine): what the server spent on the run, whatever else shares
 * the cores. Sampled, so a backend that exits between samples loses at most its last 200 ms.
 */
function serverCpu(database: string | null) {
  const seen = new Map<number, { start: number; last: number }>()
  const tick = 100 // USER_HZ on Linux
  const sample = () => {
    if (!database) return
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'latin1').includes(database)) continue
        const fields = readFileSync(`/proc/${entry}/stat`, 'latin1').split(') ')[1].split(' ')
        const cpu = (Number(fields[11]) + Number(fields[12])) / tick
        const known = seen.get(Number(entry))
        if (known) known.last = cpu
        else seen.set(Number(entry), { start: cpu, last: cpu })
      } catch {
        // the process ended while being read
      }
    }
  }
  sample()
  // a backend first seen after the start counts from zero
  const before = new Set(seen.keys())
  const timer = setInterval(sample, 200)
  return {
    stop(): number {
      clearInterval(timer)
      sample()
      let total = 0
      for (const [pid, v] of seen) total += v.last - (before.has(pid) ? v.start : 0)
      return total
    },
  }
}

async function timedRun(db: Db, label: string, day: string): Promise<RecomputeSummary> {
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ')
  // the fill leaves the process larger than the recompute needs (V8 keeps freed heap): the run's
  // own growth is the peak over the RSS it started with
  const startRss = process.memoryUsage().rss
  let peak = startRss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
  const server = serverCpu(DATABASE_NAME)
  const cpu0 = process.cpuUsage()
  try {
    const s = await recomputeAllGrades(db, day, { rowsPerTransaction: BATCH })
    const cpu = process.cpuUsage(cpu0)
    const serverSeconds = server.stop()
    peak = Math.max(peak, process.memoryUsage().rss)
    console.log(
      `| ${PROVIDER} | ${label} | ${s.subjects.toLocaleString('en-US')} | ${sec(s.timings.loadMs)} | ${sec(s.timings.computeMs)} | ${sec(s.timings.writeMs)} | **${sec(s.elapsedMs)}** | ${s.snapshots.toLocaleString('en-US')} | ${sec((cpu.user + cpu.system) / 1000)}${DATABASE_NAME ? ` + ${serverSeconds.toFixed(1)}` : ''} | ${mib(startRss)} → ${mib(peak)} MiB | ${load} |`,
    )
    return s
  } finally {
    clearInterval(sampler)
    // what autovacuum does to a table in service, before the next run plans its reads (not timed)
    if (PROVIDER === 'postgresql') await db.$executeRawUnsafe('ANALYZE "CreditGrade"')
  }
}

/** The throw-away PostgreSQL database's name (its server processes carry it in their title). */
let DATABASE_NAME: string | null = null

async function main(): Promise<void> {
  const t = await createTestDatabase(PROVIDER)
  if (PROVIDER === 'postgresql') DATABASE_NAME = new URL(t.url).pathname.slice(1)
  try {
    console.log(`${PROVIDER}: ${PROVIDER === 'sqlite' ? t.url : 'throw-away database'}, ${SUBJECTS.toLocaleString('en-US')} subjects, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`)
    const started = performance.now()
    const filled = await withoutIndexes(t.db, ['Enterprise', 'Person', 'IntegrityRecord'], () => fill(t.db))
    console.log(
      `filled in ${sec(performance.now() - started)} s: ${filled.enterprises.toLocaleString('en-US')} enterprises, ${filled.people.toLocaleString('en-US')} practitioners, ${filled.records.toLocaleString('en-US')} integrity records`,
    )
    if (PROVIDER === 'postgresql') await t.db.$executeRawUnsafe('VACUUM ANALYZE')
    console.log('\n| database | run | subjects | waiting for reads s | scoring s | writing s | elapsed s | rows written | CPU s: process + server | RSS at start → peak | load avg 1/5/15 min before |')
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|')
    const first = await timedRun(t.db, `first day ${DAY_1} (nothing stored)`, DAY_1)
    const next = await timedRun(t.db, `next day ${DAY_2} (changes only)`, DAY_2)
    const again = await timedRun(t.db, `${DAY_2} again`, DAY_2)
    if (values.json) {
      // issue 15's target is for 1,000,000 subjects; a smaller run has no target to compare with
      const target: Target | undefined = SUBJECTS >= 1_000_000 ? { op: '<', limit: 60 } : undefined
      printBenchResult({
        bench: 'grades',
        context: `${PROVIDER}, ${SUBJECTS.toLocaleString('en-US')} subjects`,
        figures: [
          figure(`recompute ${SUBJECTS.toLocaleString('en-US')} subjects, first day (every row written)`, first.elapsedMs / 1000, 's', target),
          figure(`recompute ${SUBJECTS.toLocaleString('en-US')} subjects, next day (changes only)`, next.elapsedMs / 1000, 's', target),
          figure(`recompute ${SUBJECTS.toLocaleString('en-US')} subjects, same day again`, again.elapsedMs / 1000, 's', target),
        ],
      })
    }
    console.log(`\ngrades on ${DAY_1}: ${GRADES.map((g) => `${g} ${first.grades[g].toLocaleString('en-US')}`).join(', ')}; blacklisted ${first.blacklisted.toLocaleString('en-US')}`)
    console.log(`stored rows: ${(await t.db.creditGrade.count()).toLocaleString('en-US')}; process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`)
  } finally {
    await t.drop()
  }
}

await main()
