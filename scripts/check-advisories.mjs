// `npm audit --omit=dev` for the portal and the mini-program: fails on any high or critical
// advisory of a production dependency that is not in security/audit-exceptions.json, and on an
// exception whose review date has passed (an exception is a decision with a reason and a date,
// not a way to forget an advisory).
//
// When the registry does not serve the advisory endpoint (this build machine's registry proxy
// answers 405 to npm's bulk advisory request), nothing can be checked: the script says so on
// one line and exits 0, unless AUDIT_REQUIRED=1, where that is a failure. It never reports
// "no advisories" for a check that did not run.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const exceptionsFile = process.env.AUDIT_EXCEPTIONS_FILE ?? path.join(root, 'security/audit-exceptions.json')
const today = new Date().toISOString().slice(0, 10)

/** @type {{ package: string, advisory: string, reason: string, decided: string, reviewBy: string }[]} */
const exceptions = JSON.parse(fs.readFileSync(exceptionsFile, 'utf8')).exceptions
const problems = []
for (const e of exceptions) {
  if (e.reviewBy < today) problems.push(`exception for ${e.package} (${e.advisory}) expired on ${e.reviewBy}: review it`)
}

let unreachable = null
for (const dir of ['.', 'miniprogram']) {
  if (!fs.existsSync(path.join(root, dir, 'package-lock.json'))) continue
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: path.join(root, dir), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  let report
  try {
    report = JSON.parse(run.stdout)
  } catch {
    unreachable = `${dir}: npm audit printed no JSON (${(run.stderr || '').trim().split('\n').pop()})`
    continue
  }
  if (!report.vulnerabilities) {
    unreachable = `${dir}: ${report.message ?? report.error?.summary ?? 'no advisory data in the answer'}`
    continue
  }
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    if (v.severity !== 'high' && v.severity !== 'critical') continue
    const advisories = v.via.filter((x) => typeof x === 'object').map((x) => x.url?.split('/').pop() ?? String(x.source))
    const open = advisories.filter((id) => !exceptions.some((e) => e.package === name && e.advisory === id && e.reviewBy >= today))
    // an advisory inherited through another package is reported on that package
    if (advisories.length > 0 && open.length > 0) problems.push(`${dir}: ${name} ${v.range} — ${v.severity}: ${open.join(', ')}${v.fixAvailable ? ' (a fix is available)' : ''}`)
  }
}

if (unreachable) {
  console.log(`advisory check NOT RUN — the registry's advisory service could not be reached: ${unreachable}`)
  if (process.env.AUDIT_REQUIRED === '1') problems.push('AUDIT_REQUIRED=1 and the advisory check could not run')
}
if (problems.length > 0) {
  console.error(`advisory check FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
if (!unreachable) console.log(`advisory check passed: no high or critical advisory in production dependencies (${exceptions.length} documented exceptions)`)
