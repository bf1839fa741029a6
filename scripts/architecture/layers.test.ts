// The import rules between the layers (README "Architecture"), checked on every module's import
// statements so that a change that breaks them fails the unit tests:
//   shared/      pure domain: no framework, database, Node I/O or app import
//   prisma/      schema, migrations, client factory: no app code (web/, scripts/)
//   web/server/  application layer: no Next.js or React, nothing from the layers above it
//   the Prisma client and its generated types: only web/server, prisma/, scripts/ and tests, plus
//   web/lib/db.ts and web/lib/env.ts, the two Next-side modules that build the client from settings
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, entry.name)
      if (entry.isDirectory()) {
        if (!['node_modules', 'generated', '.next', 'dist'].includes(entry.name)) walk(rel)
      } else if (/\.(ts|tsx|mjs)$/.test(entry.name)) out.push(rel)
    }
  }
  walk(dir)
  return out
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** The imports of a file, relative ones resolved to repository paths ('web/server/…'). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const specs: string[] = []
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]
    if (spec.startsWith('.')) specs.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)))
    else if (spec.startsWith('@web/')) specs.push(`web/${spec.slice(5)}`)
    else if (spec.startsWith('@shared/')) specs.push(`shared/${spec.slice(8)}`)
    else if (spec.startsWith('@db/')) specs.push(`prisma/${spec.slice(4)}`)
    else specs.push(spec)
  }
  return specs
}

function violations(files: string[], forbidden: (spec: string) => boolean): string[] {
  return files.flatMap((f) => importsOf(f).filter(forbidden).map((spec) => `${f} imports ${spec}`))
}

const isTest = (f: string) => /\.test\.tsx?$|\/testing\.ts$|\/testing\/|-test-fixtures\.ts$/.test(f)
const isFramework = (spec: string) => /^(next|react|react-dom)(\/|$)/.test(spec)
const isPrisma = (spec: string) => /^prisma\/(client|generated)/.test(spec) || spec.startsWith('@prisma/')

describe('layers', () => {
  it('shared/ imports no framework, database, Node I/O or app code', () => {
    // print-*.ts are developer commands kept beside what they print (docs, test vectors)
    const files = sourceFiles('shared').filter((f) => !isTest(f) && !/\/print-[^/]+\.ts$/.test(f))
    expect(
      violations(files, (s) => isFramework(s) || /^(prisma|web|scripts)\//.test(s) || s.startsWith('@prisma/') || s.startsWith('node:')),
    ).toEqual([])
  })

  it('prisma/ imports no app code', () => {
    expect(violations(sourceFiles('prisma'), (s) => /^(web|scripts)\//.test(s))).toEqual([])
  })

  it('web/server/ imports no Next.js or React and nothing from the layers above it', () => {
    const files = sourceFiles('web/server')
    expect(violations(files, isFramework)).toEqual([])
    // tests may drive a route handler against a real database; the modules themselves may not reach up
    expect(violations(files.filter((f) => !isTest(f)), (s) => /^web\/(lib|app|components)\//.test(s))).toEqual([])
  })

  it('only the application layer, prisma/, operator commands and tests reach the Prisma client', () => {
    const allowed = new Set(['web/lib/db.ts', 'web/lib/env.ts'])
    const files = [...sourceFiles('web/app'), ...sourceFiles('web/components'), ...sourceFiles('web/lib'), ...sourceFiles('miniprogram/src')]
    expect(violations(files.filter((f) => !allowed.has(f)), isPrisma)).toEqual([])
  })

  it('in web/server only repositories query Prisma', () => {
    // the public profiles' shared record and grade queries, used by both subject repositories
    const REPOSITORY_MODULES = new Set(['subjects/subject-profile.ts'])
    const QUERY = /\b(db|tx|client)\.[a-zA-Z]+\.(find\w*|create\w*|update\w*|delete\w*|count|upsert|aggregate|groupBy)\(|\$(queryRaw|executeRaw)/
    const offenders = sourceFiles('web/server')
      .filter((f) => !isTest(f) && !f.endsWith('-repository.ts'))
      .map((f) => f.slice('web/server/'.length))
      .filter((f) => !REPOSITORY_MODULES.has(f))
      .filter((f) => QUERY.test(fs.readFileSync(path.join(ROOT, 'web/server', f), 'utf8')))
    expect(offenders).toEqual([])
  })
})

