// How the regulator's summary tables compare regions and years.

export interface Change {
  /** current − previous */
  change: number
  /** change / previous × 100, one decimal; null when the previous count is 0 */
  changePercent: number | null
}

/** 1-based competition ranks by count, largest first: [5, 9, 5, 0] → [2, 1, 2, 4]. */
export function competitionRanks(counts: readonly number[]): number[] {
  return counts.map((c) => 1 + counts.filter((other) => other > c).length)
}

export function yearOverYear(current: number, previous: number): Change {
  return {
    change: current - previous,
    changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
  }
}
