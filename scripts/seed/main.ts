// npm run db:seed -- [--scale N] [--seed S] [--as-of YYYY-MM-DD] [--reset]
// npm run db:seed -- --national [--fraction F] [--seed S] [--as-of YYYY-MM-DD] [--reset]   (national/seed-national.ts)
// Fills DATABASE_URL (default file:./data/portal.db) with demo data, its certificates signed with
// the key file CERTIFICATE_KEYS_FILE (default keys/certificate-keys.json), personal data encrypted
// with the personal-data keys (PERSONAL_DATA_KEYS_FILE, default keys/personal-data-keys.json); prints the rows written
// per table, the elapsed time and the peak resident memory.
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { parseDatabaseUrl } from '../../prisma/database-url.ts'
import { KeyFileError } from '../../shared/certificates/key-file.ts'
import { SEEDED_TABLES } from './batch-writer.ts'
import { signerFromEnvironment, SigningKeyMissingError } from './certificate-signer.ts'
import { PersonalDataKeyError } from '../../web/server/personal-data/key-ring.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { logKeyFromEnvironment } from '../log/log-key-from-environment.ts'
import { LogKeyError } from '../../web/server/transparency-log/log-key.ts'
import { DEFAULT_SCALE, DEFAULT_SEED, SeedError, seedDatabase } from './seed-database.ts'
import { seedNational, SQLITE_MAX_FRACTION } from './national/seed-national.ts'

const USAGE = `usage: npm run db:seed -- [--scale N] [--seed S] [--as-of YYYY-MM-DD] [--reset]
       npm run db:seed -- --national [--fraction F] [--seed S] [--as-of YYYY-MM-DD] [--reset]
  --scale     multiplies all counts (default ${DEFAULT_SCALE}; fractions such as 0.02 allowed)
  --national  every province: ~1 M enterprises, 3 M practitioners, 2 M projects, 5 M records (PostgreSQL;
              SQLite up to --fraction ${SQLITE_MAX_FRACTION})
  --fraction  share of the national size (default 1)
  --seed    PRNG seed (default ${DEFAULT_SEED}); same seed, scale and as-of give identical data
  --as-of   nothing is dated after this day (default: today, UTC)
  --reset   delete all rows of all tables first`

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        reset: { type: 'boolean', default: false },
        national: { type: 'boolean', default: false },
        fraction: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const scale = values.scale === undefined ? DEFAULT_SCALE : Number(values.scale)
  if (!(scale > 0)) {
    console.error(`--scale must be a positive number\n${USAGE}`)
    return 2
  }
  const fraction = values.fraction === undefined ? 1 : Number(values.fraction)
  if (values.fraction !== undefined && !values.national) {
    console.error(`--fraction goes with --national\n${USAGE}`)
    return 2
  }
  if (values.national && values.scale !== undefined) {
    console.error(`--national takes --fraction, not --scale\n${USAGE}`)
    return 2
  }
  if (!(fraction > 0 && fraction <= 1)) {
    console.error(`--fraction must be a number in (0, 1]\n${USAGE}`)
    return 2
  }

  let signer
  try {
    signer = signerFromEnvironment()
  } catch (error) {
    if (error instanceof SigningKeyMissingError || error instanceof KeyFileError) {
      console.error(`db:seed: ${error.message}`)
      return 1
    }
    throw error
  }

  try {
    // ID numbers, phones and objection contacts are written encrypted (docs/personal-data.md)
    personalDataKeysFromEnvironment()
    // every certificate event ends in the transparency log, its checkpoint signed with the log key
    logKeyFromEnvironment()
  } catch (error) {
    if (error instanceof PersonalDataKeyError || error instanceof LogKeyError) {
      console.error(`db:seed: ${error.message}`)
      return 1
    }
    throw error
  }

  const target = parseDatabaseUrl()
  // the national load's bulk statements (search-index rebuild, grades over millions of subjects)
  // run far beyond the portal's 15 s statement timeout
  const db = createDb(target.url, values.national ? { statementTimeoutMs: 0 } : {})
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 100)
  sampler.unref()
  try {
    const where = target.provider === 'sqlite' ? target.location : target.provider
    if (values.national) {
      console.log(`seeding national data into ${where} (fraction ${fraction}) …`)
      const summary = await seedNational(db, {
        signer,
        fraction,
        seed: values.seed,
        asOf: values['as-of'],
        reset: values.reset,
        provider: target.provider,
        copyUrl: target.provider === 'postgresql' ? target.url : undefined,
        log: (line) => console.log(line),
      })
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      printCounts(summary)
      console.log('phases:')
      for (const [name, ms] of summary.phases) console.log(`  ${name.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(8)} s`)
      const seconds = summary.elapsedMs / 1000
      console.log(`elapsed ${seconds.toFixed(1)} s (${Math.round(summary.totalRows / seconds).toLocaleString('en-US')} rows/s), peak RSS ${Math.round(peakRss / 1048576)} MiB`)
      return 0
    }
    console.log(`seeding ${where} (scale ${scale}) …`)
    const summary = await seedDatabase(db, {
      signer,
      scale,
      seed: values.seed,
      asOf: values['as-of'],
      reset: values.reset,
      provider: target.provider,
      log: (line) => console.log(line),
    })
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    printCounts(summary)
    const seconds = summary.elapsedMs / 1000
    console.log(
      `elapsed ${seconds.toFixed(1)} s (${Math.round(summary.totalRows / seconds).toLocaleString('en-US')} rows/s), peak RSS ${Math.round(peakRss / 1048576)} MiB`,
    )
    return 0
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(`db:seed: ${error.message}`)
      return 1
    }
    throw error
  } finally {
    clearInterval(sampler)
    await db.$disconnect()
  }
}

function printCounts(summary: { seed: string; asOf: string; counts: Record<string, number>; totalRows: number }): void {
  const width = Math.max(...SEEDED_TABLES.map((t) => t.length))
  console.log(`\nrows written (seed ${summary.seed}, as of ${summary.asOf}):`)
  for (const table of SEEDED_TABLES) console.log(`  ${table.padEnd(width)} ${summary.counts[table].toLocaleString('en-US').padStart(10)}`)
  console.log(`  ${'total'.padEnd(width)} ${summary.totalRows.toLocaleString('en-US').padStart(10)}`)
}

process.exitCode = await main()
