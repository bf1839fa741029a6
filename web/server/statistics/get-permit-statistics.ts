// The regulator's summary tables: construction permits and completion filings handled on the
// platform per city/county for a period, with the same period a year earlier, and month by month
// through the year.
//
// What counts: a permit by its issue date, a completion filing by its filing date, whatever their
// status now — a permit revoked later was still handled in its month (as the home page's
// "本年施工许可" counts). Regions are the issuing region.
//
// Dates: a period's dates are China calendar dates (shared/dates/china-date-range.ts). Months of
// the trend are bucketed by the China calendar date of each stored value, for the same reason.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { chinaDateRange } from '@shared/dates/china-date-range'
import { cityCountyRegions, regionByCode } from '@shared/regions/hainan'
import { competitionRanks, yearOverYear } from '@shared/statistics/year-over-year'
import { cachedRead } from '@web/server/cache/installed-cache'
import { PUBLIC_DATA } from '@web/server/cache/namespaces'
import { resolveStatisticsPeriod, type StatisticsQuery } from './statistics-queries'
import { createStatisticsReportRepository, type DayCount, type RegionSums } from './statistics-report-repository'
import type { FiguresTable, MonthFigures, PermitStatisticsReport, RegionFigures } from './statistics-schemas'

const round2 = (n: number) => Math.round(n * 100) / 100

/** Rows of the tables: every city, county and zone, then any other region that has data (省本级). */
function tableRegions(...maps: Map<string, unknown>[]): string[] {
  const codes = cityCountyRegions().map((r) => r.code)
  for (const map of maps) for (const code of map.keys()) if (!codes.includes(code)) codes.push(code)
  return codes
}

function tableOf(codes: readonly string[], current: Map<string, RegionSums>, previous: Map<string, number>): FiguresTable {
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

/** Counts per month (1–12) of per-day counts, by the China calendar date of each stored value. */
function countsByMonth(days: DayCount[]): number[] {
  const months = Array<number>(12).fill(0)
  for (const d of days) months[Number(chinaDateOf(d.date).slice(5, 7)) - 1] += d.count
  return months
}

/**
 * The tables for the period `query` names; `asOf` decides the default year, where today cuts and
 * which months have begun. Eight aggregate scans a page view: cached (web/server/cache).
 */
export function getPermitStatistics(db: Db, query: StatisticsQuery, asOf: Date): Promise<PermitStatisticsReport> {
  return cachedRead({ name: 'statistics.permits', namespaces: [PUBLIC_DATA], key: [chinaDateOf(asOf), JSON.stringify(query)] }, () => readPermitStatistics(db, query, asOf))
}

async function readPermitStatistics(db: Db, query: StatisticsQuery, asOf: Date): Promise<PermitStatisticsReport> {
  const repository = createStatisticsReportRepository(db)
  const period = resolveStatisticsPeriod(query, asOf)
  const current = chinaDateRange(period.from, period.to)
  const previous = chinaDateRange(period.previousFrom, period.previousTo)
  // the months of the year up to today, so that they add up to the year's total
  const today = chinaDateOf(asOf)
  const yearStart = `${period.year}-01-01`
  const yearEnd = `${period.year}-12-31`
  const year = chinaDateRange(yearStart, yearStart <= today && today < yearEnd ? today : yearEnd)
  const lastYear = chinaDateRange(`${period.year - 1}-01-01`, `${period.year - 1}-12-31`)

  const [permitSums, permitCountsBefore, filingSums, filingCountsBefore, permitsByDay, permitsByDayBefore, filingsByDay, filingsByDayBefore] =
    await Promise.all([
      repository.permitSumsByRegion(current),
      repository.permitCountsByRegion(previous),
      repository.filingSumsByRegion(current),
      repository.filingCountsByRegion(previous),
      repository.permitCountsByDay(year),
      repository.permitCountsByDay(lastYear),
      repository.filingCountsByDay(year),
      repository.filingCountsByDay(lastYear),
    ])

  // both tables list the same regions in the same order
  const codes = tableRegions(permitSums, filingSums, permitCountsBefore, filingCountsBefore)
  const pNow = countsByMonth(permitsByDay)
  const pBefore = countsByMonth(permitsByDayBefore)
  const fNow = countsByMonth(filingsByDay)
  const fBefore = countsByMonth(filingsByDayBefore)
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

  return {
    period,
    permits: tableOf(codes, permitSums, permitCountsBefore),
    completionFilings: tableOf(codes, filingSums, filingCountsBefore),
    monthly,
  }
}
