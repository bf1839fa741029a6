// npm run pii:encrypt   encrypt the personal data still stored in plain text (after the migration
//                       that introduced encryption); idempotent
// npm run pii:rekey     re-encrypt every value under the active key and recompute every keyed hash
//                       (after generate-demo-keys.ts --add-key, or a changed PERSONAL_DATA_KEY)
// Reads DATABASE_URL and the personal-data key settings only; batches of --batch rows (default
// 1000), one transaction each; an interrupted run is resumed by running it again. Each batch that
// changes rows appends an audit entry in its transaction, and the run a closing one with the totals
// (counts and key ids, never a value; reencrypt-personal-data.ts), in the name of --user <userId>
// when given (as npm run cert:* do), else of no account.
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { parseDatabaseUrl } from '../../prisma/database-url.ts'
import { PersonalDataKeyError } from '../../web/server/personal-data/key-ring.ts'
import { reencryptPersonalData, type ReencryptMode } from '../../web/server/personal-data/reencrypt-personal-data.ts'
import { personalDataKeysFromEnvironment } from './keys-from-environment.ts'

const USAGE = 'usage: tsx scripts/personal-data/pii.ts encrypt|rekey [--batch N] [--user <userId>]'

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { batch: { type: 'string' }, user: { type: 'string' } }, strict: true })
  const mode = positionals[0]
  if ((mode !== 'encrypt' && mode !== 'rekey') || positionals.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const batchSize = values.batch === undefined ? 1_000 : Number(values.batch)
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error(`--batch must be a whole number from 1 to 10000\n${USAGE}`)
    return 2
  }
  let ring
  try {
    ring = personalDataKeysFromEnvironment()
  } catch (error) {
    if (error instanceof PersonalDataKeyError) {
      console.error(`pii:${mode}: ${error.message}`)
      return 1
    }
    throw error
  }
  const target = parseDatabaseUrl()
  const db = createDb(target.url)
  const started = performance.now()
  let lastLog = started
  try {
    const report = await reencryptPersonalData(db, ring, mode as ReencryptMode, {
      batchSize,
      userId: values.user ?? null,
      progress: (table, r) => {
        if (performance.now() - lastLog < 5_000) return
        lastLog = performance.now()
        const c = table === 'Person' ? r.people : r.objections
        console.log(`  ${table}: ${c.scanned} scanned, ${c.changed} changed`)
      },
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`pii:${mode} (${target.provider}, active key ${ring.activeKeyId}) in ${seconds} s`)
    console.log(`  Person:    ${report.people.scanned} scanned, ${report.people.changed} changed, ${report.people.skipped} skipped (changed meanwhile: run again)`)
    console.log(`  Objection: ${report.objections.scanned} scanned, ${report.objections.changed} changed, ${report.objections.skipped} skipped (changed meanwhile: run again)`)
    return report.people.skipped + report.objections.skipped > 0 ? 3 : 0
  } finally {
    await db.$disconnect()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
