// Derives prisma/postgres/schema.prisma from the SQLite source schema and generates both Prisma
// clients. The derived file is committed (so reviewers and `prisma migrate deploy` see it) and
// always rewritten here: never edit it by hand. `--check` fails if the committed copy is stale.
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { SCHEMA_FILES } from '../../prisma/migrator.ts'

const HEADER = '// GENERATED from prisma/schema.prisma by scripts/db/generate.ts: do not edit.\n'

export function derivePostgresSchema(source: string): string {
  const replaced = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=(\s*)"\.\/generated\/sqlite"/, 'output$1=$2"../generated/postgres"')
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes('../generated/postgres')) {
    throw new Error('prisma/schema.prisma: could not find the sqlite provider or the generator output to rewrite')
  }
  return HEADER + replaced
}

function main() {
  const source = fs.readFileSync(SCHEMA_FILES.sqlite, 'utf8')
  const derived = derivePostgresSchema(source)
  const target = SCHEMA_FILES.postgresql
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (process.argv.includes('--check')) {
    if (current !== derived) {
      console.error('prisma/postgres/schema.prisma is stale: run `npm run db:generate` and commit it')
      process.exit(1)
    }
    console.log('prisma/postgres/schema.prisma is in sync with prisma/schema.prisma')
    return
  }
  if (current !== derived) {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, derived)
  }
  // `prisma generate` only needs the schema engine path to exist; it never runs it. Pointing it at
  // a harmless binary stops the CLI from trying to download one from a host we cannot reach.
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' }
  for (const schema of [SCHEMA_FILES.sqlite, target]) {
    const r = spawnSync('npx', ['prisma', 'generate', '--schema', schema], { stdio: 'inherit', env })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()
