// Lighthouse (mobile, its default) on the built portal: performance and accessibility of the home
// page, a list and a detail page. Issue 15's targets: performance ≥ 0.95, accessibility 1.0.
//   npx next build web && DATABASE_URL=… npx tsx scripts/bench/lighthouse.ts [--runs 3] [--json] [--base http://…]
// Starts `next start` on a free port (unless --base names a running portal), runs the lighthouse
// CLI against each page --runs times in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium,
// headless, no network of its own: the pages load nothing from other sites) and prints the median
// scores and every audit of the two categories that did not pass on the median run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { figure, printBenchResult, type Figure } from './bench-result.ts'
import { freePort, startNext, until } from './next-server.ts'

const PERFORMANCE_TARGET = 0.95
const ACCESSIBILITY_TARGET = 1

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    base: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a positive integer')
const root = path.resolve(import.meta.dirname, '../..')
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
if (!fs.existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (bash scripts/ensure-chromium.sh installs Debian's)`)

const Audit = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable(),
  scoreDisplayMode: z.string(),
  displayValue: z.string().optional(),
})
const Report = z.object({
  categories: z.object({
    performance: z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })) }),
    accessibility: z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })) }),
  }),
  audits: z.record(z.string(), Audit),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
})
type Report = z.infer<typeof Report>

let base = values.base
let stop = () => {}
if (!base) {
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  stop = startNext(port)
  await until(`${base}/api/health`)
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'))

try {
  const enterprise = (await (await fetch(`${base}/api/v1/enterprises?pageSize=1&type=CONTRACTOR`)).json()).items[0].uscc as string
  const pages: [string, string][] = [
    ['home', '/'],
    ['permits list', '/permits'],
    ['enterprise profile', `/enterprises/${enterprise}`],
  ]
  const figures: Figure[] = []
  for (const [name, pagePath] of pages) {
    const reports: Report[] = []
    for (let i = 0; i < runs; i++) reports.push(await lighthouse(base + pagePath, path.join(work, `${name.replace(/\W+/g, '-')}-${i}.json`)))
    // the run with the median performance score stands for the page (its audits are printed)
    const ordered = [...reports].sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0))
    const median = ordered[Math.floor((ordered.length - 1) / 2)]
    const performance = median.categories.performance.score ?? 0
    const accessibility = Math.min(...reports.map((r) => r.categories.accessibility.score ?? 0))
    console.log(`\n${name} (${pagePath}): performance ${performance.toFixed(2)} (runs: ${reports.map((r) => (r.categories.performance.score ?? 0).toFixed(2)).join(', ')}), accessibility ${accessibility.toFixed(2)}`)
    const metric = (id: string) => median.audits[id]?.displayValue ?? '–'
    console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`)
    for (const line of failingAudits(median)) console.log(`  not passed: ${line}`)
    figures.push(
      figure(`${name}: performance (median of ${runs})`, performance, '', { op: '>=', limit: PERFORMANCE_TARGET }),
      figure(`${name}: accessibility (lowest of ${runs})`, accessibility, '', { op: '>=', limit: ACCESSIBILITY_TARGET }),
    )
  }
  if (values.json) printBenchResult({ bench: 'lighthouse', context: `mobile (Lighthouse default), ${runs} run${runs === 1 ? '' : 's'} a page`, figures })
} finally {
  stop()
  fs.rmSync(work, { recursive: true, force: true })
}
process.exit(0)

/**
 * One lighthouse CLI run of url (mobile emulation and simulated throttling: its defaults). A run
 * whose trace lost its navigation start (NO_NAVSTART: now and then with this Chromium under load)
 * is run again, at most twice.
 */
async function lighthouse(url: string, output: string, attempt = 1): Promise<Report> {
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${output}`,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    child.on('error', reject)
    child.on('close', (c) => resolve(c ?? 1))
  })
  if (code !== 0 && !fs.existsSync(output)) throw new Error(`lighthouse ${url}: exit code ${code}`)
  const report = Report.parse(JSON.parse(fs.readFileSync(output, 'utf8')))
  if (report.runtimeError?.code === 'NO_NAVSTART' && attempt < 3) return lighthouse(url, output, attempt + 1)
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`)
  return report
}

/** The audits of both categories that count and did not pass, heaviest first. */
function failingAudits(report: Report): string[] {
  const lines: [number, string][] = []
  for (const category of ['performance', 'accessibility'] as const) {
    for (const ref of report.categories[category].auditRefs) {
      const audit = report.audits[ref.id]
      if (!audit || audit.score === null || audit.score >= 0.9) continue
      if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric' && audit.scoreDisplayMode !== 'metricSavings') continue
      lines.push([ref.weight, `[${category}] ${audit.id}: ${audit.title} (score ${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`])
    }
  }
  return lines.sort((a, b) => b[0] - a[0]).map(([, line]) => line)
}
