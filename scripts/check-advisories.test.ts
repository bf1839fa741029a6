// The advisory check against canned `npm audit --json` answers: a fake `npm` first on PATH prints
// them, so the script's own reading of the report is what is tested.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const script = path.resolve('scripts/check-advisories.mjs')

function runWith(report: unknown, env: Record<string, string> = {}) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-npm-'))
  const reportFile = path.join(bin, 'report.json')
  fs.writeFileSync(reportFile, JSON.stringify(report))
  fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\ncat '${reportFile}'\n`, { mode: 0o755 })
  return spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env } })
}

const highAdvisory = {
  vulnerabilities: {
    'some-lib': {
      severity: 'high',
      range: '<1.2.3',
      fixAvailable: true,
      via: [{ source: 1, url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high' }],
    },
    // inherited: reported on some-lib, not twice
    'uses-some-lib': { severity: 'high', range: '*', fixAvailable: true, via: ['some-lib'] },
    'low-lib': { severity: 'low', range: '*', fixAvailable: false, via: [{ source: 2, url: 'https://github.com/advisories/GHSA-low' }] },
  },
  metadata: {},
}

describe('check-advisories', () => {
  it('fails on a high advisory of a production dependency, naming package and advisory', () => {
    const run = runWith(highAdvisory)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('some-lib <1.2.3 — high: GHSA-aaaa-bbbb-cccc')
    expect(run.stderr).not.toContain('uses-some-lib')
    expect(run.stderr).not.toContain('low-lib')
  })

  it('passes on a report without high or critical advisories', () => {
    const run = runWith({ vulnerabilities: { 'low-lib': highAdvisory.vulnerabilities['low-lib'] }, metadata: {} })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('advisory check passed')
  })

  it('accepts an advisory with a documented exception until its review date, and fails once that date has passed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exceptions-'))
    const file = (reviewBy: string) => {
      const f = path.join(dir, `${reviewBy}.json`)
      const exception = { package: 'some-lib', advisory: 'GHSA-aaaa-bbbb-cccc', reason: 'test', decided: '2026-01-01', reviewBy }
      fs.writeFileSync(f, JSON.stringify({ exceptions: [exception] }))
      return f
    }
    expect(runWith(highAdvisory, { AUDIT_EXCEPTIONS_FILE: file('2999-12-31') }).status).toBe(0)
    const expired = runWith(highAdvisory, { AUDIT_EXCEPTIONS_FILE: file('2000-01-01') })
    expect(expired.status).toBe(1)
    expect(expired.stderr).toContain('expired on 2000-01-01')
  })

  it('says the check did not run when the advisory service is unreachable, and fails then only when required', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 }
    const run = runWith(refused)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('advisory check NOT RUN')
    expect(run.stdout).not.toContain('passed')
    expect(runWith(refused, { AUDIT_REQUIRED: '1' }).status).toBe(1)
  })
})
