// npm run export:ministry -- [--since <ISO time> | --cursor <c>] [--format jsonl|csv] [--out <dir>]
// Exports DATABASE_URL's data in the ministry exchange tables (docs/ministry-export.md): everything
// without --since or --cursor, else what changed after the cursor (or at or after the instant).
// Writes one file per table and manifest.json into --out (default data/ministry-export/<time>-<mode>),
// prints the rows per table, what no table takes, and the cursor to pass next time.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import fs from 'node:fs'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError, parseDatabaseUrl } from '../../prisma/database-url.ts'
import { exportToMinistry } from '../../web/server/ministry-export/export-to-ministry.ts'
import { InputError } from '../../web/server/lib/errors.ts'
import { writeMinistryFiles, type MinistryFileFormat } from './ministry-files.ts'
import { PersonalDataKeyError } from '../../web/server/personal-data/key-ring.ts'
import { hasPersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'

const USAGE = `usage: npm run export:ministry -- [--since <ISO time> | --cursor <c>] [--format jsonl|csv] [--out <dir>]
  (neither)  full export of every table
  --cursor   the "next cursor" an earlier run printed: what changed after that run started
  --since    what changed at or after this time, e.g. 2026-06-30T09:00:00+08:00 (a bare date is 00:00 China time)
  --format   jsonl (default) or csv (UTF-8 with BOM)
  --out      output directory (default data/ministry-export/<time>-<full|incremental>)`

/** A bare date is midnight in China, where the regulator works; anything else must parse as an instant. */
export function parseSince(value: string): Date | null {
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value)
  return Number.isNaN(instant.getTime()) ? null : instant
}

interface Output {
  log(line: string): void
  error(line: string): void
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env, out: Output = console, now = new Date()): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        cursor: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
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
  if (values.format !== 'jsonl' && values.format !== 'csv') {
    out.error(`--format must be jsonl or csv, got "${values.format}"\n${USAGE}`)
    return 2
  }
  const format: MinistryFileFormat = values.format
  let since: Date | undefined
  if (values.since !== undefined) {
    since = parseSince(values.since) ?? undefined
    if (!since) {
      out.error(`--since must be an ISO date or time, got "${values.since}"\n${USAGE}`)
      return 2
    }
  }

  try {
    // the ministry's tables carry full ID numbers, stored encrypted (a caller that runs the
    // command inside its own process may have installed the keys already)
    if (!hasPersonalDataKeys()) personalDataKeysFromEnvironment(env)
  } catch (error) {
    if (!(error instanceof PersonalDataKeyError)) throw error
    out.error(`export:ministry: ${error.message}`)
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
  try {
    let run
    try {
      run = await exportToMinistry(db, { cursor: values.cursor, since })
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      out.error(`export:ministry: ${error.message}\n${USAGE}`)
      return 2
    }
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    const dir = path.resolve(values.out ?? path.join('data', 'ministry-export', `${stamp}-${run.mode}`))
    out.log(
      run.mode === 'full'
        ? `full export (audit log head ${run.headSeq}) to ${dir}`
        : `changes after audit entry ${run.afterSeq} up to ${run.headSeq} to ${dir}`,
    )
    const written = await writeMinistryFiles(run.batches, dir, format)
    for (const w of written) out.log(`  ${w.table.padEnd(24)} ${String(w.rows).padStart(9)} rows  ${path.basename(w.file)}`)
    for (const [what, n] of Object.entries(run.skipped)) out.log(`  not exported: ${what} ${n}`)
    const manifest = {
      mode: run.mode,
      afterSeq: run.afterSeq,
      headSeq: run.headSeq,
      nextCursor: run.nextCursor,
      format,
      startedAt: now.toISOString(),
      tables: Object.fromEntries(written.map((w) => [w.table, { file: path.basename(w.file), rows: w.rows }])),
      skipped: run.skipped,
    }
    fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    out.log(`next cursor: ${run.nextCursor}`)
    return 0
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main(process.argv.slice(2))
