// The demo-data generator as a function: seedDatabase(db, options) fills an empty (or, with
// reset, emptied) database with realistic, internally consistent Hainan data.
//
// Same seed, scale and as-of ⇒ the same rows, byte for byte, on SQLite and PostgreSQL: all
// randomness comes from named PRNG streams (random.ts), every id and timestamp is derived
// (ids.ts, days.ts), and nothing reads the clock. Memory stays flat as the scale grows: rows
// go to the database in batches as they are made; only small indexes are kept (enterprises
// and their key people, code sequences).
import type { Db } from '../../prisma/client.ts'
import type { DatabaseProvider } from '../../prisma/database-url.ts'
import type { CertificateSigner } from './certificate-signer.ts'
import { BatchWriter, deleteAllRows, detectProvider, prepareForBulkLoad, SEEDED_TABLES, type TableName } from './batch-writer.ts'
import { dateOf, dayOf, isoOf, yearOf } from './days.ts'
import { writeEnterprises } from './enterprises.ts'
import { IdFactory } from './ids.ts'
import { writePeople } from './people.ts'
import { FIRST_YEAR, writeProjects } from './projects.ts'
import { Rng } from './random.ts'
import { DecisionNumbers, RecordWriter, writeYearlyRecords } from './records.ts'
import { writeRegionsAndAuthorities } from './regions-and-authorities.ts'
import { writeUsers } from './users.ts'
import { writeObjections } from './objections.ts'
import { writeShowcaseRecords } from './showcase.ts'
import { recomputeAllGrades } from '../../web/server/credit/recompute-grades.ts'
import { backfillCertificateLog } from '../../web/server/transparency-log/backfill-certificate-log.ts'
import { refreshStatusList } from '../../web/server/status-list/refresh-status-list.ts'
import { quarterEndsBefore } from '../../shared/scoring/snapshot-days.ts'

export const DEFAULT_SEED = '20140101'
export const DEFAULT_SCALE = 1
/** Quarter ends before as-of that get a grade snapshot each (three years), besides as-of itself. */
export const GRADE_HISTORY_QUARTERS = 12

export interface SeedOptions {
  /** signs every certificate as it is issued (certificate-signer.ts: signerFromEnvironment, signerFromKeyFile) */
  signer: CertificateSigner
  /** multiplies every count (1 ≈ 2,000 enterprises, 8,000 people, 1,700 projects a year); fractions allowed */
  scale?: number
  /** PRNG seed (default 20140101) */
  seed?: string | number
  /** 'YYYY-MM-DD': nothing is dated after it; default today (UTC) */
  asOf?: string
  /** delete every row of every table first (children first, in one transaction) */
  reset?: boolean
  /** progress lines */
  log?: (line: string) => void
  /** rows per transaction (default 2,000) */
  batchRows?: number
  /** skip detection when the caller knows */
  provider?: DatabaseProvider
}

export interface SeedSummary {
  provider: DatabaseProvider
  scale: number
  seed: string
  asOf: string
  /** rows written per table */
  counts: Record<TableName, number>
  totalRows: number
  elapsedMs: number
}

export class SeedError extends Error {}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  const scale = options.scale ?? DEFAULT_SCALE
  if (!(scale > 0) || !Number.isFinite(scale)) throw new SeedError(`scale must be a positive number, got ${scale}`)
  const seed = String(options.seed ?? DEFAULT_SEED)
  const asOfIso = options.asOf ?? todayUtc()
  let asOf: number
  try {
    asOf = dayOf(asOfIso)
  } catch {
    throw new SeedError(`as-of must be a date YYYY-MM-DD, got "${asOfIso}"`)
  }
  if (yearOf(asOf) < FIRST_YEAR) throw new SeedError(`as-of must be in ${FIRST_YEAR} or later (the data starts in ${FIRST_YEAR})`)
  const log = options.log ?? (() => {})
  const provider = options.provider ?? (await detectProvider(db))

  if (options.reset) {
    log('deleting all rows …')
    await deleteAllRows(db, provider)
  } else if ((await db.region.count()) > 0) {
    throw new SeedError('the database already has data; seed with reset (--reset) to replace it')
  }

  const restore = await prepareForBulkLoad(db, provider)
  try {
    const counts = await generate(db, provider, options.signer, seed, scale, asOf, log, options.batchRows)
    return {
      provider,
      scale,
      seed,
      asOf: isoOf(asOf),
      counts,
      totalRows: SEEDED_TABLES.reduce((sum, t) => sum + counts[t], 0),
      elapsedMs: Math.round(performance.now() - started),
    }
  } finally {
    await restore()
  }
}

async function generate(
  db: Db,
  provider: DatabaseProvider,
  signer: CertificateSigner,
  seed: string,
  scale: number,
  asOf: number,
  log: (line: string) => void,
  batchRows: number | undefined,
): Promise<Record<TableName, number>> {
  const root = new Rng(`seed:${seed}`)
  const ids = new IdFactory(seed)
  const writer = new BatchWriter(db, provider, batchRows)

  log('regions and authorities …')
  const geo = writeRegionsAndAuthorities(writer, ids, root.fork('regions'))
  log('enterprises and qualifications …')
  const directory = await writeEnterprises(root.fork('enterprises'), writer, ids, geo, scale, asOf)
  log('people and registrations …')
  await writePeople(root.fork('people'), writer, ids, geo, directory, scale, asOf)

  log('projects, stages, certificates …')
  const records = new RecordWriter(writer, ids, new DecisionNumbers(root.fork('decision-numbers')), asOf)
  await writeProjects({ rng: root.fork('projects'), signer, writer, ids, geo, directory, records, scale, asOf, log })

  log('yearly integrity records …')
  const peopleCount = writer.counts.Person
  for (let year = FIRST_YEAR; year <= yearOf(asOf); year++) {
    writeYearlyRecords(root.fork(`records/${year}`), geo, records, directory, year, asOf, peopleCount)
    await writer.maybeFlush()
  }

  log('records that show the blacklist and the end of publication …')
  writeShowcaseRecords(root.fork('showcase'), geo, records, directory, scale, asOf)

  log('demo staff …')
  writeUsers(root.fork('users'), writer, ids, geo, asOf)
  await writer.finish()

  // through the portal's use cases, after the records and the staff are in and before the
  // grades, which must not count the records that accepted requests withdrew
  log('objections and credit-repair requests …')
  await writeObjections(db, root.fork('objections'), ids, scale, asOf)
  const objections = await db.objection.count()
  const auditEntries = await db.auditLog.count()

  // Grades as the portal computes them, at each quarter end of the last three years and on
  // as-of, so that profiles have a history. Each snapshot is dated as computed on its own day
  // (no clock). Every day is stored, changed or not (the daily recompute stores only changes),
  // so that every profile shows a full quarterly history.
  const days = [...quarterEndsBefore(isoOf(asOf), GRADE_HISTORY_QUARTERS).filter((d) => yearOf(dayOf(d)) >= FIRST_YEAR), isoOf(asOf)]
  log(`credit grades on ${days.length} days …`)
  const grades = await recomputeAllGrades(db, days, { computedAt: (day) => dateOf(dayOf(day)), writeUnchanged: true })
  // every certificate event the seed made, in the public transparency log (entries dated by as-of,
  // no clock), as the portal's own issues and revocations append them
  log('transparency log …')
  await backfillCertificateLog(db, { now: dateOf(asOf) })
  // and the signed revocation status list over the revocations it made (signed as of as-of, no
  // clock: a signing portal instance re-signs it on start-up once that day is past)
  log('revocation status list …')
  await refreshStatusList(db, dateOf(asOf))
  return { ...writer.counts, Objection: objections, AuditLog: auditEntries, ScoringStandard: 1, CreditGrade: grades.snapshots }
}

