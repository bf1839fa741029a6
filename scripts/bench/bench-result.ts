// The one line a benchmark prints with --json, for `npm run bench` (scripts/bench/run-all.ts): the
// bench's name and its named figures, each with its unit and, where the project set one, its target.
// Whether a target is met is worked out here from the value, never written by hand in a script.
// Pure: no I/O besides the console.log of printBenchResult.
import { z } from 'zod'

export const Target = z.object({
  /** the value must be below (`<`), at most (`<=`), at least (`>=`) or above (`>`) the limit */
  op: z.enum(['<', '<=', '>=', '>']),
  limit: z.number(),
})
export type Target = z.infer<typeof Target>

export const Figure = z.object({
  /** what is measured, in words: "permits list p95", "issuePermit median" */
  name: z.string().min(1),
  value: z.number(),
  /** ms, s, req/s, rows/min, %, KB, score … */
  unit: z.string(),
  target: Target.optional(),
})
export type Figure = z.infer<typeof Figure>

export const BenchResult = z.object({
  bench: z.string().min(1),
  figures: z.array(Figure),
  /** what the figures were measured on, when the bench made its own data: "grades: 100,000 subjects, PostgreSQL" */
  context: z.string().optional(),
})
export type BenchResult = z.infer<typeof BenchResult>

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return value < target.limit
    case '<=':
      return value <= target.limit
    case '>=':
      return value >= target.limit
    case '>':
      return value > target.limit
  }
}

/** A figure, its target optional: figure('home p95', 12.3, 'ms', { op: '<', limit: 200 }). */
export function figure(name: string, value: number, unit: string, target?: Target): Figure {
  return target ? { name, value, unit, target } : { name, value, unit }
}

/** Prints the result as one JSON line (the runner reads the last such line of the output). */
export function printBenchResult(result: BenchResult): void {
  console.log(JSON.stringify(BenchResult.parse(result)))
}

/**
 * The last line of a bench's output that is a bench result, or null. Other lines (the human
 * tables, progress) may come before it.
 */
export function parseBenchResult(output: string): BenchResult | null {
  const lines = output.split('\n').map((line) => line.trim())
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].startsWith('{')) continue
    let json: unknown
    try {
      json = JSON.parse(lines[i])
    } catch {
      continue
    }
    const parsed = BenchResult.safeParse(json)
    if (parsed.success) return parsed.data
  }
  return null
}

/** Nearest-rank percentile of values (p in 0..100); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
