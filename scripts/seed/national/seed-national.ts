// National-size demo data: every province of shared/regions/china.ts filled by the demo's own
// generators (seed-database.ts), one province after another, so that memory stays flat (the
// in-memory directory of enterprises and key people is one province's) and every consistency
// rule of the demo holds in each province: valid USCCs and ID numbers of the province's own
// regions, stages in order, the key-person rule, certificates per permit and completion filing,
// records with their categories, points and publication periods.
//
// At fraction 1: ~1,000,000 enterprises, ~3,000,000 practitioners, ~2,000,000 projects with
// their stages and certificates, ~5,000,000 integrity records, apportioned to the provinces by
// their number of county-level regions. Hainan comes first, with the demo's regions (zones
// included), the demo staff and the objections (written through the portal's use cases while
// only Hainan's records are in, as the demo does); the other provinces follow in code order.
//
// PostgreSQL with a connection URL: rows go in by COPY (national/copy-writer.ts) with triggers
// off, then the search index is rebuilt in bulk. Otherwise (SQLite, or no URL) through the
// demo's BatchWriter. Then, as the demo: grades (on as-of only, not the 12 quarter ends), the
// transparency log and the revocation status list, each timed.
import type { Db } from '../../../prisma/client.ts'
import type { DatabaseProvider } from '../../../prisma/database-url.ts'
import { recomputeAllGrades } from '../../../web/server/credit/recompute-grades.ts'
import { rebuildSearchIndex } from '../../../web/server/search-index/rebuild-search-index-repository.ts'
import { refreshStatusList } from '../../../web/server/status-list/refresh-status-list.ts'
import { backfillCertificateLog } from '../../../web/server/transparency-log/backfill-certificate-log.ts'
import { BatchWriter, deleteAllRows, detectProvider, prepareForBulkLoad, SEEDED_TABLES, type TableName } from '../batch-writer.ts'
import type { CertificateSigner } from '../certificate-signer.ts'
import { dateOf, dayOf, isoOf, yearOf, ymdToDay } from '../days.ts'
import { ENTERPRISES_PER_SCALE, writeEnterprises } from '../enterprises.ts'
import { IdFactory } from '../ids.ts'
import { writeObjections } from '../objections.ts'
import { PEOPLE_PER_SCALE, writePeople } from '../people.ts'
import { FIRST_YEAR, PROJECTS_PER_SCALE_PER_YEAR, writeProjects } from '../projects.ts'
import { Rng } from '../random.ts'
import { DecisionNumbers, RecordWriter, writeYearlyRecords } from '../records.ts'
import { writeRegionsAndAuthorities } from '../regions-and-authorities.ts'
import { DEFAULT_SEED, SeedError } from '../seed-database.ts'
import { writeShowcaseRecords } from '../showcase.ts'
import { writeUsers } from '../users.ts'
import { CopyWriter } from './copy-writer.ts'
import { HAINAN_CODE, localizer, nationalProvinces, provinceProfile, provinceShares } from './province-profile.ts'

/** Rows at fraction 1 (the issue's national size). */
export const NATIONAL_TARGETS = { enterprises: 1_000_000, people: 3_000_000, projects: 2_000_000, records: 5_000_000 }

/**
 * The demo's yearly record rates (records.ts) give ~0.1 records per subject over the years; the
 * national size asks for ~1.25 (5 M records over 4 M subjects), so the yearly rates are raised by
 * this factor (measured: see scripts/seed/README.md, "National data").
 */
export const NATIONAL_RECORD_RATE_FACTOR = 24

/** The largest fraction seeded into SQLite (measured, scripts/seed/README.md): beyond it PostgreSQL is the right choice. */
export const SQLITE_MAX_FRACTION = 0.05

/** Tables the seed does not write that hold what it writes (deleteAllRows empties them as well). */
const TRUNCATED_TOO = ['TransparencyLogEntry', 'TransparencyLogNode', 'TransparencyLogHead', 'CertificateStatusList']

export interface NationalSeedOptions {
  signer: CertificateSigner
  /** share of the national size (default 1) */
  fraction?: number
  seed?: string | number
  /** 'YYYY-MM-DD', default today (UTC) */
  asOf?: string
  reset?: boolean
  log?: (line: string) => void
  provider?: DatabaseProvider
  /** PostgreSQL: the database's URL, for the COPY connection; without it rows go through INSERTs */
  copyUrl?: string
  /** SQLite beyond SQLITE_MAX_FRACTION (tests of the limit only) */
  allowLargeSqlite?: boolean
}

export interface NationalSeedSummary {
  provider: DatabaseProvider
  fraction: number
  seed: string
  asOf: string
  counts: Record<TableName, number>
  totalRows: number
  /** milliseconds per phase, in order */
  phases: [string, number][]
  elapsedMs: number
}

/** Projects one unit of scale makes from FIRST_YEAR to as-of (projects.ts makes ~1,700 a year, weighted by year). */
function projectsPerScale(asOf: number): number {
  let total = 0
  for (let year = FIRST_YEAR; year <= yearOf(asOf); year++) {
    const first = ymdToDay(year, 1, 1)
    const last = ymdToDay(year, 12, 31)
    total += PROJECTS_PER_SCALE_PER_YEAR * (Math.min(asOf, last) - first + 1) / (last - first + 1)
  }
  return total
}

export async function seedNational(db: Db, options: NationalSeedOptions): Promise<NationalSeedSummary> {
  const started = performance.now()
  const fraction = options.fraction ?? 1
  if (!(fraction > 0) || !Number.isFinite(fraction) || fraction > 1) throw new SeedError(`fraction must be in (0, 1], got ${fraction}`)
  const seed = String(options.seed ?? DEFAULT_SEED)
  const asOfIso = options.asOf ?? new Date().toISOString().slice(0, 10)
  let asOf: number
  try {
    asOf = dayOf(asOfIso)
  } catch {
    throw new SeedError(`as-of must be a date YYYY-MM-DD, got "${asOfIso}"`)
  }
  if (yearOf(asOf) < FIRST_YEAR) throw new SeedError(`as-of must be in ${FIRST_YEAR} or later`)
  const log = options.log ?? (() => {})
  const provider = options.provider ?? (await detectProvider(db))
  if (provider === 'sqlite' && fraction > SQLITE_MAX_FRACTION && !options.allowLargeSqlite) {
    throw new SeedError(
      `national data at fraction ${fraction} is for PostgreSQL; SQLite takes at most --fraction ${SQLITE_MAX_FRACTION} ` +
        `(see scripts/seed/README.md, "National data"). Set DATABASE_URL=postgresql://…`,
    )
  }

  const phases: [string, number][] = []
  let mark = performance.now()
  const phase = (name: string) => {
    const now = performance.now()
    phases.push([name, Math.round(now - mark)])
    log(`  ${name}: ${((now - mark) / 1000).toFixed(1)} s`)
    mark = now
  }

  if (options.reset) {
    log('deleting all rows …')
    // millions of rows: TRUNCATE on PostgreSQL (the tables that refer to them go too, as with a
    // fresh database), the demo's row-by-row delete on SQLite
    if (provider === 'postgresql') await db.$executeRawUnsafe(`TRUNCATE ${[...SEEDED_TABLES, ...TRUNCATED_TOO].map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`)
    else await deleteAllRows(db, provider)
    phase('reset')
  } else if ((await db.region.count()) > 0) {
    throw new SeedError('the database already has data; seed with reset (--reset) to replace it')
  }

  const restore = await prepareForBulkLoad(db, provider)
  let counts: Record<TableName, number>
  try {
    const root = new Rng(`national:${seed}`)
    const ids = new IdFactory(`national:${seed}`)
    const writer = provider === 'postgresql' && options.copyUrl ? new CopyWriter(db, options.copyUrl) : new BatchWriter(db, provider)
    const shares = provinceShares()
    const perProject = projectsPerScale(asOf)
    let objections = 0
    let auditEntries = 0
    for (const province of nationalProvinces()) {
      const code = province.region.code
      const share = (shares.get(code) ?? 0) * fraction
      const profile = provinceProfile(province)
      const rng = root.fork(`province/${code}`)
      const enterpriseScale = (NATIONAL_TARGETS.enterprises * share) / ENTERPRISES_PER_SCALE
      const peopleScale = (NATIONAL_TARGETS.people * share) / PEOPLE_PER_SCALE
      const projectScale = (NATIONAL_TARGETS.projects * share) / perProject

      const geo = writeRegionsAndAuthorities(writer, ids, rng.fork('regions'), profile)
      const directory = await writeEnterprises(rng.fork('enterprises'), writer, ids, geo, enterpriseScale, asOf)
      const personsBefore = writer.counts.Person
      await writePeople(rng.fork('people'), writer, ids, geo, directory, peopleScale, asOf)
      const peopleCount = writer.counts.Person - personsBefore
      const records = new RecordWriter(writer, ids, new DecisionNumbers(rng.fork('decision-numbers')), asOf, localizer(profile))
      await writeProjects({ rng: rng.fork('projects'), signer: options.signer, writer, ids, geo, directory, records, scale: projectScale, asOf })
      for (let year = FIRST_YEAR; year <= yearOf(asOf); year++) {
        writeYearlyRecords(rng.fork(`records/${year}`), geo, records, directory, year, asOf, peopleCount, NATIONAL_RECORD_RATE_FACTOR)
        await writer.maybeFlush()
      }
      writeShowcaseRecords(rng.fork('showcase'), geo, records, directory, enterpriseScale, asOf)
      if (code === HAINAN_CODE) {
        // the demo staff, and the objections decided by them, while only Hainan's records are in
        writeUsers(rng.fork('users'), writer, ids, geo, asOf)
        await writer.finish()
        await writeObjections(db, rng.fork('objections'), ids, enterpriseScale, asOf)
        objections = await db.objection.count()
        auditEntries = await db.auditLog.count()
      }
      await writer.maybeFlush()
      phase(`${profile.provinceName} (${Math.round(share * NATIONAL_TARGETS.enterprises).toLocaleString('en-US')} enterprises)`)
    }
    await writer.finish()
    phase('last rows')

    if (writer instanceof CopyWriter) {
      log('search index …')
      await rebuildSearchIndex(db)
      await db.$executeRawUnsafe('ANALYZE')
      phase('search index and ANALYZE')
    }
    log('credit grades on as-of …')
    const grades = await recomputeAllGrades(db, [isoOf(asOf)], { computedAt: dateOf(asOf), writeUnchanged: true })
    phase('credit grades (as-of only)')
    log('transparency log …')
    await backfillCertificateLog(db, { now: dateOf(asOf) })
    phase('transparency log back-fill')
    log('revocation status list …')
    await refreshStatusList(db, dateOf(asOf))
    phase('revocation status list')
    if (writer instanceof CopyWriter) {
      // the grades and the log were written after the first ANALYZE: without fresh statistics the
      // planner takes CreditGrade for empty and hash-joins it whole (a region's ranking: 97 ms, not 2)
      await db.$executeRawUnsafe('ANALYZE')
      phase('ANALYZE after the grades and the log')
    }
    counts = { ...writer.counts, Objection: objections, AuditLog: auditEntries, ScoringStandard: 1, CreditGrade: grades.snapshots }
  } finally {
    await restore()
  }
  return {
    provider,
    fraction,
    seed,
    asOf: isoOf(asOf),
    counts,
    totalRows: SEEDED_TABLES.reduce((sum, t) => sum + counts[t], 0),
    phases,
    elapsedMs: Math.round(performance.now() - started),
  }
}
