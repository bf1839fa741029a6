// The report of `npm run bench` (scripts/bench/run-all.ts): the machine, the data, the date and
// commit above one table of every figure with its target and whether it was met. Pure (no I/O), so
// the layout and the verdicts are unit-tested (bench-table.test.ts).
import { meets, type BenchResult, type Figure, type Target } from './bench-result.ts'

export interface Machine {
  cpu: string
  cores: number
  memoryBytes: number
  node: string
  /** `SHOW server_version`, or null when no PostgreSQL was asked */
  postgres: string | null
}

export interface RunInfo {
  machine: Machine
  /** ISO date-time the run started */
  startedAt: string
  finishedAt: string
  /** short commit, "+ uncommitted changes" when the tree was dirty */
  commit: string
  /** 1, 5 and 15 minute load averages */
  loadAtStart: readonly number[]
  loadAtEnd: readonly number[]
  /** where the data came from: "seeded here, scale 1 (PostgreSQL)" or the database's name */
  data: string
  /** exact row counts of the main tables */
  rows: readonly { table: string; rows: number }[]
  quick: boolean
}

/** One bench's run: its result line, or why there is none. */
export interface BenchOutcome {
  bench: string
  command: string
  seconds: number
  loadBefore: readonly number[]
  result: BenchResult | null
  /** the exit code and the output's tail when it failed or printed no result */
  error?: string
}

export type Verdict = 'met' | 'missed' | '—' | 'failed'

export interface Row {
  bench: string
  figure: string
  value: string
  target: string
  verdict: Verdict
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** 1,234,567 for large values, 3 significant digits below 100, one decimal between. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const size = Math.abs(value)
  if (size >= 1000) return grouped.format(value)
  if (size >= 100) return value.toFixed(1).replace(/\.0$/, '')
  if (size === 0) return '0'
  return String(Number(value.toPrecision(3)))
}

export function formatValue(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value)
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return ''
  const op = target.op === '<=' ? '≤' : target.op === '>=' ? '≥' : target.op
  return `${op} ${formatValue(target.limit, unit)}`
}

export function verdictOf(figure: Figure): Verdict {
  if (!figure.target) return '—'
  return meets(figure.value, figure.target) ? 'met' : 'missed'
}

/** Every figure of every bench as a row; a bench without a result gives one "failed" row. */
export function rowsOf(outcomes: readonly BenchOutcome[]): Row[] {
  return outcomes.flatMap((outcome): Row[] => {
    if (!outcome.result) {
      return [{ bench: outcome.bench, figure: outcome.error ?? 'no result', value: '', target: '', verdict: 'failed' }]
    }
    return outcome.result.figures.map((f) => ({
      bench: outcome.bench,
      figure: f.name,
      value: formatValue(f.value, f.unit),
      target: formatTarget(f.target, f.unit),
      verdict: verdictOf(f),
    }))
  })
}

export interface Summary {
  figures: number
  met: number
  missed: number
  withoutTarget: number
  failedBenches: string[]
}

export function summarize(outcomes: readonly BenchOutcome[]): Summary {
  const rows = rowsOf(outcomes)
  return {
    figures: rows.filter((r) => r.verdict !== 'failed').length,
    met: rows.filter((r) => r.verdict === 'met').length,
    missed: rows.filter((r) => r.verdict === 'missed').length,
    withoutTarget: rows.filter((r) => r.verdict === '—').length,
    failedBenches: outcomes.filter((o) => !o.result).map((o) => o.bench),
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
const loads = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' ')
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`

/** The whole report as Markdown: header lines, the table, the per-bench times and the summary. */
export function renderReport(info: RunInfo, outcomes: readonly BenchOutcome[]): string {
  const m = info.machine
  const lines = [
    `# npm run bench${info.quick ? ' --quick (smoke run: small sizes, figures not comparable with the targets)' : ''}`,
    '',
    `- date: ${info.startedAt} → ${info.finishedAt}; commit ${info.commit}`,
    `- machine: ${m.cores} × ${m.cpu.trim()}, ${gib(m.memoryBytes)} RAM, Node ${m.node}, PostgreSQL ${m.postgres ?? '—'}`,
    `- load average (1/5/15 min): ${loads(info.loadAtStart)} at start, ${loads(info.loadAtEnd)} at end`,
    `- data: ${info.data}${info.rows.length ? `; rows: ${info.rows.map((r) => `${r.table} ${grouped.format(r.rows)}`).join(', ')}` : ''}`,
    '',
    '| bench | figure | value | target | met? |',
    '|---|---|---:|---|---|',
    ...rowsOf(outcomes).map((r) => `| ${cell(r.bench)} | ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.target)} | ${r.verdict} |`),
    '',
    '| bench | seconds | load before | data | command |',
    '|---|---:|---|---|---|',
    ...outcomes.map((o) => `| ${cell(o.bench)} | ${o.seconds.toFixed(1)} | ${loads(o.loadBefore)} | ${cell(o.result?.context ?? '')} | \`${cell(o.command)}\` |`),
    '',
  ]
  const s = summarize(outcomes)
  lines.push(
    `${s.figures} figures: ${s.met} met, ${s.missed} missed, ${s.withoutTarget} without a target` +
      (s.failedBenches.length ? `; failed: ${s.failedBenches.join(', ')}` : ''),
  )
  return lines.join('\n')
}

/**
 * The benches to run, in the runner's order: all of `known` without `only`, else the named ones
 * (unknown names are an error that lists the known ones).
 */
export function selectBenches(known: readonly string[], only: string | undefined): string[] {
  if (only === undefined || only.trim() === '') return [...known]
  const asked = only.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = asked.filter((name) => !known.includes(name))
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${known.join(', ')}`)
  return known.filter((name) => asked.includes(name))
}
