import { describe, expect, it } from 'vitest'
import { figure, meets, parseBenchResult, percentile, printBenchResult } from './bench-result.ts'
import { formatNumber, formatTarget, renderReport, rowsOf, selectBenches, summarize, verdictOf, type BenchOutcome, type RunInfo } from './bench-table.ts'

const info: RunInfo = {
  machine: { cpu: 'AMD EPYC 7B13  ', cores: 2, memoryBytes: 24 * 2 ** 30, node: 'v20.20.2', postgres: '15.14 (Debian 15.14-0+deb12u1)' },
  startedAt: '2026-12-04T23:00:00.000Z',
  finishedAt: '2026-12-04T23:40:00.000Z',
  commit: 'abc1234 + uncommitted changes',
  loadAtStart: [1.5, 2, 0.25],
  loadAtEnd: [3, 2.5, 1],
  data: 'seeded here: scale 1',
  rows: [
    { table: 'enterprises', rows: 2000 },
    { table: 'projects', rows: 21738 },
  ],
  quick: false,
}

const outcome = (bench: string, figures: ReturnType<typeof figure>[] | null, error?: string): BenchOutcome => ({
  bench,
  command: `tsx scripts/bench/${bench}.ts --json`,
  seconds: 12.34,
  loadBefore: [1, 1, 1],
  result: figures ? { bench, figures, context: 'PostgreSQL' } : null,
  error,
})

describe('targets', () => {
  it('meets each comparison at its edge', () => {
    expect(meets(50, { op: '<', limit: 50 })).toBe(false)
    expect(meets(49.9, { op: '<', limit: 50 })).toBe(true)
    expect(meets(50, { op: '<=', limit: 50 })).toBe(true)
    expect(meets(0.95, { op: '>=', limit: 0.95 })).toBe(true)
    expect(meets(0.94, { op: '>=', limit: 0.95 })).toBe(false)
    expect(meets(1, { op: '>', limit: 1 })).toBe(false)
  })

  it('gives no verdict to a figure without a target', () => {
    expect(verdictOf(figure('elapsed', 3, 's'))).toBe('—')
    expect(verdictOf(figure('p95', 60, 'ms', { op: '<', limit: 50 }))).toBe('missed')
    expect(verdictOf(figure('score', 1, '', { op: '>=', limit: 1 }))).toBe('met')
  })
})

describe('the result line', () => {
  it('is found after other output, and the last one wins', () => {
    const first = JSON.stringify({ bench: 'a', figures: [figure('x', 1, 'ms')] })
    const last = JSON.stringify({ bench: 'a', figures: [figure('x', 2, 'ms')] })
    const parsed = parseBenchResult(`table\n| 1 | 2 |\n${first}\n{not json\n${last}\ndone\n`)
    expect(parsed?.figures[0].value).toBe(2)
  })

  it('is null when no line is a result', () => {
    expect(parseBenchResult('{"bench":"a"}\n{"figures":[]}\nplain text')).toBeNull()
    expect(parseBenchResult('')).toBeNull()
  })

  it('round-trips through printBenchResult', () => {
    const lines: string[] = []
    const original = console.log
    console.log = (line: string) => lines.push(line)
    try {
      printBenchResult({ bench: 'pages', figures: [figure('home p95', 12.5, 'ms', { op: '<', limit: 200 })] })
    } finally {
      console.log = original
    }
    expect(lines).toHaveLength(1)
    expect(parseBenchResult(lines[0])).toEqual({ bench: 'pages', figures: [{ name: 'home p95', value: 12.5, unit: 'ms', target: { op: '<', limit: 200 } }] })
  })

  it('refuses a figure that is not a number', () => {
    expect(() => printBenchResult({ bench: 'x', figures: [{ name: 'n', value: 'fast' as unknown as number, unit: 'ms' }] })).toThrow()
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(xs, 50)).toBe(5)
    expect(percentile(xs, 95)).toBe(10)
    expect(percentile(xs, 0)).toBe(1)
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('formatting', () => {
  it('groups large numbers and keeps three digits of small ones', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568')
    expect(formatNumber(365.44)).toBe('365.4')
    expect(formatNumber(200)).toBe('200')
    expect(formatNumber(12.345)).toBe('12.3')
    expect(formatNumber(0.956)).toBe('0.956')
    expect(formatNumber(0)).toBe('0')
  })

  it('writes targets with their unit', () => {
    expect(formatTarget({ op: '>=', limit: 100000 }, 'rows/min')).toBe('≥ 100,000 rows/min')
    expect(formatTarget({ op: '<', limit: 50 }, 'ms')).toBe('< 50 ms')
    expect(formatTarget({ op: '>=', limit: 0.95 }, '')).toBe('≥ 0.95')
    expect(formatTarget(undefined, 'ms')).toBe('')
  })
})

describe('the report', () => {
  const outcomes = [
    outcome('search', [figure('3-char terms p95', 61.2, 'ms', { op: '<', limit: 50 }), figure('3-char terms p50', 20, 'ms')]),
    outcome('lighthouse', [figure('home: performance', 0.97, '', { op: '>=', limit: 0.95 })]),
    outcome('verify', null, 'exit code 1: no build | see web/.next'),
  ]

  it('has one row per figure and a failed row per bench without a result', () => {
    expect(rowsOf(outcomes)).toEqual([
      { bench: 'search', figure: '3-char terms p95', value: '61.2 ms', target: '< 50 ms', verdict: 'missed' },
      { bench: 'search', figure: '3-char terms p50', value: '20 ms', target: '', verdict: '—' },
      { bench: 'lighthouse', figure: 'home: performance', value: '0.97', target: '≥ 0.95', verdict: 'met' },
      { bench: 'verify', figure: 'exit code 1: no build | see web/.next', value: '', target: '', verdict: 'failed' },
    ])
  })

  it('counts met, missed, untargeted and failed', () => {
    expect(summarize(outcomes)).toEqual({ figures: 3, met: 1, missed: 1, withoutTarget: 1, failedBenches: ['verify'] })
  })

  it('prints the machine, load, data, date and commit above one table', () => {
    const report = renderReport(info, outcomes)
    const lines = report.split('\n')
    expect(lines[0]).toBe('# npm run bench')
    expect(report).toContain('- date: 2026-12-04T23:00:00.000Z → 2026-12-04T23:40:00.000Z; commit abc1234 + uncommitted changes')
    expect(report).toContain('- machine: 2 × AMD EPYC 7B13, 24.0 GiB RAM, Node v20.20.2, PostgreSQL 15.14 (Debian 15.14-0+deb12u1)')
    expect(report).toContain('- load average (1/5/15 min): 1.50 2.00 0.25 at start, 3.00 2.50 1.00 at end')
    expect(report).toContain('- data: seeded here: scale 1; rows: enterprises 2,000, projects 21,738')
    expect(report).toContain('| search | 3-char terms p95 | 61.2 ms | < 50 ms | missed |')
    // a pipe inside a cell would split the row
    expect(report).toContain('| verify | exit code 1: no build \\| see web/.next |  |  | failed |')
    expect(report).toContain('| lighthouse | 12.3 | 1.00 1.00 1.00 | PostgreSQL | `tsx scripts/bench/lighthouse.ts --json` |')
    expect(lines.at(-1)).toBe('3 figures: 1 met, 1 missed, 1 without a target; failed: verify')
  })

  it('says when it was a quick run', () => {
    expect(renderReport({ ...info, quick: true }, []).split('\n')[0]).toContain('--quick')
  })
})

describe('selecting benches', () => {
  const known = ['seed', 'search', 'pages', 'grades']
  it('runs all without --only, else the named ones in the known order', () => {
    expect(selectBenches(known, undefined)).toEqual(known)
    expect(selectBenches(known, ' ')).toEqual(known)
    expect(selectBenches(known, 'grades, search')).toEqual(['search', 'grades'])
  })
  it('refuses an unknown name and lists the known ones', () => {
    expect(() => selectBenches(known, 'search,lighthose')).toThrow('unknown bench lighthose; known: seed, search, pages, grades')
  })
})
