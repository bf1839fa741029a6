// The regulator's summary tables: construction permits and completion filings handled on the
// platform per city/county for a period, with the same period a year earlier, and month by month
// through the year.
//
// What counts: a permit by its issue date (issuedOn), a completion filing by its filing date
// (filedOn), whatever their status now — a permit revoked later was still handled in its month
// (as the home page's "本年施工许可" counts). Regions are the issuing region (regionCode).
//
// Dates: a period's dates are China calendar dates; it covers the instants from 00:00 Beijing
// time of its first day to 00:00 Beijing time after its last (as shared/dates/china-year does for
// years). A calendar date stored as 00:00 UTC (08:00 Beijing) — the portal's convention — falls
// in the period of its own date, and so would one stored at 00:00 Beijing time. Months of the
// trend are bucketed by the China calendar date of each stored value, for the same reason.
import { chinaDateOf } from '@shared/dates/calendar-date'
import { cityCountyRegions, regionByCode } from '@shared/regions/hainan'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import type { StatisticsPeriod } from './statistics-queries'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 86_400_000

export interface Change {
  /** current − previous */
  change: number
  /** change / previous × 100, one decimal; null when the previous count is 0 */
  changePercent: number | null
}

export interface RegionFigures extends Change {
  regionCode: string
  regionName: string
  /** short name for charts, e.g. 海口 */
  regionShortName: string
  count: number
  /** m², 2 decimals: permits' floorArea, completion filings' actualArea (missing areas count 0) */
  floorArea: number
  /** 万元, 2 decimals: permits' contract price, completion filings' actual cost */
  amount: number
  /** rank by count among the regions, 1 = most; ties share a rank (1, 2, 2, 4) */
  rank: number
  /** count in the same period a year earlier */
  previousCount: number
}

export type TotalFigures = Omit<RegionFigures, 'regionCode' | 'regionName' | 'regionShortName' | 'rank'>

export interface FiguresTable {
  /**
   * every city, county and zone in the regulator's order, zero rows included, then any other
   * region with data (the province itself as 省本级); the same regions in both tables
   */
  rows: RegionFigures[]
  /** 全省合计 */
  total: TotalFigures
}

export interface MonthFigures {
  month: number
  /** null for a month that has not begun yet */
  permits: number | null
  previousPermits: number
  completionFilings: number | null
  previousCompletionFilings: number
}

export interface PermitStatisticsReport {
  period: StatisticsPeriod
  permits: FiguresTable
  completionFilings: FiguresTable
  /** the twelve months of period.year (up to today), with the same whole months a year earlier */
  monthly: MonthFigures[]
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

const round2 = (n: number) => Math.round(n * 100) / 100

/** 00:00 Beijing time of an ISO date, as an instant. */
function chinaMidnight(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - CHINA_OFFSET_MS)
}

/** [00:00 Beijing of from, 00:00 Beijing after to) */
export function chinaDateRange(from: string, to: string): { gte: Date; lt: Date } {
  return { gte: chinaMidnight(from), lt: new Date(chinaMidnight(to).getTime() + DAY_MS) }
}

interface Sums {
  count: number
  floorArea: number
  amount: number
}

type DecimalLike = { toString(): string } | null

/** Rows of the tables: every city, county and zone, then any other region that has data (省本级). */
function tableRegions(...maps: Map<string, unknown>[]): string[] {
  const codes = cityCountyRegions().map((r) => r.code)
  for (const map of maps) for (const code of map.keys()) if (!codes.includes(code)) codes.push(code)
  return codes
}

function tableOf(codes: readonly string[], current: Map<string, Sums>, previous: Map<string, number>): FiguresTable {
  const counts = codes.map((code) => current.get(code)?.count ?? 0)
  const ranks = competitionRanks(counts)
  const rows = codes.map((code, i): RegionFigures => {
    const sums = current.get(code) ?? { count: 0, floorArea: 0, amount: 0 }
    const previousCount = previous.get(code) ?? 0
    const region = regionByCode(code)
    return {
      regionCode: code,
      regionName: region ? (region.level === 'PROVINCE' ? '省本级' : region.name) : code,
      regionShortName: region ? (region.level === 'PROVINCE' ? '省本级' : region.shortName) : code,
      count: sums.count,
      floorArea: round2(sums.floorArea),
      amount: round2(sums.amount),
      rank: ranks[i],
      previousCount,
      ...yearOverYear(sums.count, previousCount),
    }
  })
  let count = 0
  let floorArea = 0
  let amount = 0
  let previousCount = 0
  for (const code of codes) {
    const sums = current.get(code)
    count += sums?.count ?? 0
    floorArea += sums?.floorArea ?? 0
    amount += sums?.amount ?? 0
    previousCount += previous.get(code) ?? 0
  }
  return {
    rows,
    total: { count, floorArea: round2(floorArea), amount: round2(amount), previousCount, ...yearOverYear(count, previousCount) },
  }
}

/**
 * Sums per region. A Decimal column's sum is read as average × count: on SQLite, groupBy's _sum
 * (and _min/_max) of a Decimal column is truncated to an integer in every group after one whose
 * value is whole — the better-sqlite3 adapter reads integers as BigInt (defaultSafeIntegers) and
 * types the whole result column from the first row — so 100.5 would read as 100. AVG is always
 * a floating-point value in SQLite and exact enough in PostgreSQL; the product is rounded to
 * fen (two decimals) anyway.
 */
function sumsByRegion(groups: { regionCode: string; count: number; area: number | null; average: DecimalLike }[]) {
  return new Map(
    groups.map((g) => [
      g.regionCode,
      { count: g.count, floorArea: g.area ?? 0, amount: g.average === null ? 0 : Number(g.average.toString()) * g.count },
    ]),
  )
}

function countsByRegion(groups: { regionCode: string; _count: { _all: number } }[]) {
  return new Map(groups.map((g) => [g.regionCode, g._count._all]))
}

/** Counts per month (1–12) of per-day groups, by the China calendar date of each stored value. */
function countsByMonth(days: { date: Date; count: number }[]): number[] {
  const months = Array<number>(12).fill(0)
  for (const d of days) months[Number(chinaDateOf(d.date).slice(5, 7)) - 1] += d.count
  return months
}

export function createStatisticsReportRepository(db: Db) {
  return {
    /** The tables for `period` (from resolveStatisticsPeriod); `asOf` decides which months have begun. */
    async getPermitStatistics(period: StatisticsPeriod, asOf: Date = new Date()): Promise<PermitStatisticsReport> {
      const current = chinaDateRange(period.from, period.to)
      const previous = chinaDateRange(period.previousFrom, period.previousTo)
      // the months of the year up to today, so that they add up to the year's total
      const today = chinaDateOf(asOf)
      const yearStart = `${period.year}-01-01`
      const yearEnd = `${period.year}-12-31`
      const year = chinaDateRange(yearStart, yearStart <= today && today < yearEnd ? today : yearEnd)
      const lastYear = chinaDateRange(`${period.year - 1}-01-01`, `${period.year - 1}-12-31`)
      const permitDays = (issuedOn: { gte: Date; lt: Date }) =>
        db.constructionPermit.groupBy({ by: ['issuedOn'], where: { issuedOn }, _count: { _all: true } })
      const filingDays = (filedOn: { gte: Date; lt: Date }) =>
        db.completionFiling.groupBy({ by: ['filedOn'], where: { filedOn }, _count: { _all: true } })

      const [permitsNow, permitsBefore, filingsNow, filingsBefore, permitsByDay, permitsByDayBefore, filingsByDay, filingsByDayBefore] =
        await Promise.all([
          db.constructionPermit.groupBy({
            by: ['regionCode'],
            where: { issuedOn: current },
            _count: { _all: true },
            _sum: { floorArea: true },
            _avg: { contractPrice: true },
          }),
          db.constructionPermit.groupBy({ by: ['regionCode'], where: { issuedOn: previous }, _count: { _all: true } }),
          db.completionFiling.groupBy({
            by: ['regionCode'],
            where: { filedOn: current },
            _count: { _all: true },
            _sum: { actualArea: true },
            _avg: { actualCost: true },
          }),
          db.completionFiling.groupBy({ by: ['regionCode'], where: { filedOn: previous }, _count: { _all: true } }),
          permitDays(year),
          permitDays(lastYear),
          filingDays(year),
          filingDays(lastYear),
        ])

      const permitSums = sumsByRegion(
        permitsNow.map((g) => ({ regionCode: g.regionCode, count: g._count._all, area: g._sum.floorArea, average: g._avg.contractPrice })),
      )
      const filingSums = sumsByRegion(
        filingsNow.map((g) => ({ regionCode: g.regionCode, count: g._count._all, area: g._sum.actualArea, average: g._avg.actualCost })),
      )
      const permitCountsBefore = countsByRegion(permitsBefore)
      const filingCountsBefore = countsByRegion(filingsBefore)
      // both tables list the same regions in the same order
      const codes = tableRegions(permitSums, filingSums, permitCountsBefore, filingCountsBefore)
      const permits = tableOf(codes, permitSums, permitCountsBefore)
      const completionFilings = tableOf(codes, filingSums, filingCountsBefore)

      const pNow = countsByMonth(permitsByDay.map((g) => ({ date: g.issuedOn, count: g._count._all })))
      const pBefore = countsByMonth(permitsByDayBefore.map((g) => ({ date: g.issuedOn, count: g._count._all })))
      const fNow = countsByMonth(filingsByDay.map((g) => ({ date: g.filedOn, count: g._count._all })))
      const fBefore = countsByMonth(filingsByDayBefore.map((g) => ({ date: g.filedOn, count: g._count._all })))
      const monthly = pNow.map((_, i): MonthFigures => {
        const begun = `${period.year}-${String(i + 1).padStart(2, '0')}-01` <= today
        return {
          month: i + 1,
          permits: begun ? pNow[i] : null,
          previousPermits: pBefore[i],
          completionFilings: begun ? fNow[i] : null,
          previousCompletionFilings: fBefore[i],
        }
      })

      return { period, permits, completionFilings, monthly }
    },
  }
}

export const getPermitStatistics = (period: StatisticsPeriod, asOf?: Date) =>
  createStatisticsReportRepository(getDb()).getPermitStatistics(period, asOf)
