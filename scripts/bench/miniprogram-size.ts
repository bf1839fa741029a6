// The mini-program's main package size (docs/BENCHMARKS.md, "Mini-program"): the production weapp
// build, then its check (miniprogram/scripts/check-weapp-output.mjs), which prints the size and
// fails at our 400 KB budget.
//   npx tsx scripts/bench/miniprogram-size.ts [--dist <built weapp dir>] [--json]
// Without --dist it builds into a temporary folder (TARO_APP_OUTPUT_ROOT), so a dist/ someone else
// is using is left alone; with --dist it only checks that build.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { figure, printBenchResult } from './bench-result.ts'

/** our budget for the main package (issue 15; WeChat's own limit is 2 MB) */
const MAIN_LIMIT_KB = 400

const { values } = parseArgs({ options: { dist: { type: 'string' }, json: { type: 'boolean', default: false } } })
const root = path.resolve(import.meta.dirname, '../..')
const miniprogram = path.join(root, 'miniprogram')

let dist = values.dist ? path.resolve(values.dist) : ''
let buildSeconds: number | null = null
const temporary = dist ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-weapp-'))
try {
  if (temporary) {
    dist = path.join(temporary, 'weapp')
    const started = performance.now()
    const build = spawnSync('npm', ['--prefix', miniprogram, 'run', 'build:weapp'], {
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_OUTPUT_ROOT: dist },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (build.status !== 0) throw new Error(`build:weapp: exit code ${build.status}`)
    buildSeconds = (performance.now() - started) / 1000
  }
  const check = spawnSync(process.execPath, [path.join(miniprogram, 'scripts/check-weapp-output.mjs'), dist, `--main-limit-kb=${MAIN_LIMIT_KB}`], { encoding: 'utf8' })
  process.stdout.write(check.stdout)
  process.stderr.write(check.stderr)
  // the check prints the size whether or not the build passes its budget
  const size = /^main package: ([\d.]+) KB/m.exec(check.stdout)
  if (!size) throw new Error(`check:weapp printed no main package size (exit code ${check.status})`)
  if (values.json) {
    printBenchResult({
      bench: 'miniprogram',
      context: `weapp production build${buildSeconds === null ? ` in ${dist}` : ''}`,
      figures: [
        figure('main package', Number(size[1]), 'KB', { op: '<', limit: MAIN_LIMIT_KB }),
        ...(buildSeconds === null ? [] : [figure('build:weapp time', buildSeconds, 's')]),
        figure('weapp output check passed (1 = yes)', check.status === 0 ? 1 : 0, '', { op: '>=', limit: 1 }),
      ],
    })
  }
} finally {
  if (temporary) fs.rmSync(temporary, { recursive: true, force: true })
}
