// npm run export:data -- --out <dir> [--region <6-digit code>] [--kinds a,b]
// Exports DATABASE_URL's data as the bulk import's own files (docs/import.md "Export for
// re-import"): one CSV per import kind, numbered in import order, to import into another instance
// or again. Prints the rows of each file and the stored rows an import could not represent.
// Reads DATABASE_URL and the personal-data key settings (PERSONAL_DATA_KEYS_FILE, …): the files hold
// practitioners' ID numbers and phones in full, so keep them as safe as the database.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError, parseDatabaseUrl } from '../../prisma/database-url.ts'
import { IMPORT_KIND_IDS } from '../../shared/import/import-kind-ids.ts'
import { directorySink } from '../../web/server/data-export/directory-sink.ts'
import { exportData } from '../../web/server/data-export/export-data.ts'
import { InputError } from '../../web/server/lib/errors.ts'
import { PersonalDataKeyError } from '../../web/server/personal-data/key-ring.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { hasPersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'

const USAGE = `usage: npm run export:data -- --out <dir> [--region <6-digit code>] [--kinds a,b]
  --out     directory for the files (created; files of the same names are replaced)
  --region  only this region's data (enterprises and projects of the region, their stages,
            practitioners employed there, records about them); default every region
  --kinds   a comma-separated subset of: ${IMPORT_KIND_IDS.join(', ')}`

interface Output {
  log(line: string): void
  error(line: string): void
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env, out: Output = console): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, region: { type: 'string' }, kinds: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
    }))
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    out.log(USAGE)
    return 0
  }
  if (!values.out) {
    out.error(`--out is required\n${USAGE}`)
    return 2
  }
  try {
    // the practitioners' files carry full ID numbers and phones, stored encrypted
    if (!hasPersonalDataKeys()) personalDataKeysFromEnvironment(env)
  } catch (error) {
    if (!(error instanceof PersonalDataKeyError)) throw error
    out.error(`export:data: ${error.message}`)
    return 2
  }
  let db
  try {
    db = createDb(parseDatabaseUrl(env.DATABASE_URL || undefined).url)
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error
    out.error(error.message)
    return 2
  }
  const dir = path.resolve(values.out)
  try {
    const kinds = values.kinds?.split(',').map((k) => k.trim()).filter((k) => k !== '')
    let files
    try {
      files = await exportData(db, 'operator', { region: values.region, kinds: kinds as never }, directorySink(dir))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      out.error(`export:data: ${Object.entries(error.fields).map(([field, message]) => `--${field}: ${message}`).join('; ')}\n${USAGE}`)
      return 2
    }
    out.log(`exported to ${dir}${values.region ? ` (region ${values.region})` : ''}`)
    for (const f of files) {
      out.log(`  ${f.fileName.padEnd(28)} ${String(f.rows).padStart(9)} rows`)
      for (const [reason, n] of Object.entries(f.skipped)) out.log(`    not exported: ${n} ${reason}`)
    }
    return 0
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main(process.argv.slice(2))
