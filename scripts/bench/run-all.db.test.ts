// Smoke run of `npm run bench -- --quick --only sign-in`: the runner starts a bench with --json,
// reads its result line and prints the one table with the machine, load, date and commit. The
// sign-in bench makes its own throw-away PostgreSQL database, so this needs PostgreSQL.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testProviders } from '../../prisma/testing/test-database.ts'

const root = path.resolve(import.meta.dirname, '../..')
const postgres = (await testProviders()).includes('postgresql')

describe.skipIf(!postgres)('npm run bench --quick (PostgreSQL)', () => {
  it('runs the named bench and prints its figures in one table', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/run-all.ts', '--quick', '--only', 'sign-in'], { cwd: root, encoding: 'utf8', timeout: 110_000 })
    expect(run.status, run.stderr).toBe(0)
    const out = run.stdout
    expect(out).toMatch(/^# npm run bench --quick/m)
    expect(out).toMatch(/^- machine: \d+ × .+, [\d.]+ GiB RAM, Node v\d+/m)
    expect(out).toMatch(/^- load average \(1\/5\/15 min\): [\d.]+ [\d.]+ [\d.]+ at start, [\d.]+ [\d.]+ [\d.]+ at end$/m)
    expect(out).toMatch(/^- date: \d{4}-\d\d-\d\dT.+; commit \S+/m)
    expect(out).toMatch(/^\| sign-in \| sign-in password step, median \| [\d.]+ ms \|  \| — \|$/m)
    expect(out).toMatch(/^\| sign-in \| [\d.]+ \| [\d. ]+ \| postgresql, 5 runs \| `tsx scripts\/bench\/sign-in.ts --provider postgresql --runs 5 --json` \|$/m)
    expect(out.trim().split('\n').at(-1)).toBe('3 figures: 0 met, 0 missed, 3 without a target')
    // no other bench ran, and nothing was seeded for a bench that makes its own data
    expect(out).not.toMatch(/^\| (search|seed|pages) \|/m)
    expect(out).toContain('- data: none (every selected bench makes its own)')
  }, 120_000)

  it('refuses an unknown bench by name', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/run-all.ts', '--only', 'sign-in,lighthose'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('unknown bench lighthose; known: seed, search, pages')
  }, 60_000)
})
