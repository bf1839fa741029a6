// The province table's figures, from the public statistics' own use case (the same counting rules:
// a permit by its issue date, a completion filing by its filing date, whatever its status now,
// per issuing region): once for this month and once for this year to date, each against the same
// dates a year earlier. Shared by the province table and the officer's monthly counts.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { regionByCode } from '@shared/regions/hainan'
import { yearOverYear } from '@shared/statistics/year-over-year'
import { getPermitStatistics } from '@web/server/statistics/get-permit-statistics'
import type { FiguresTable, TotalFigures } from '@web/server/statistics/statistics-schemas'
import { describeLagRule, lagReasons, type LagRule } from './lag-rule'
import type { PeriodCounts, ProvinceTable, ProvinceTableRow } from './dashboard-schemas'

function periodCounts(month: Pick<TotalFigures, 'count' | 'previousCount'>, year: Pick<TotalFigures, 'count' | 'previousCount'>): PeriodCounts {
  const m = yearOverYear(month.count, month.previousCount)
  const y = yearOverYear(year.count, year.previousCount)
  return {
    month: month.count,
    monthLastYear: month.previousCount,
    monthChange: m.change,
    monthChangePercent: m.changePercent,
    year: year.count,
    yearLastYear: year.previousCount,
    yearChange: y.change,
    yearChangePercent: y.changePercent,
  }
}

const ZERO = { count: 0, previousCount: 0 }

function byCode(table: FiguresTable) {
  return new Map(table.rows.map((r) => [r.regionCode, r]))
}

/** Adds up rows' counts (an officer's several regions). */
export function sumCounts(rows: readonly PeriodCounts[]): PeriodCounts {
  const add = (k: 'month' | 'monthLastYear' | 'year' | 'yearLastYear') => rows.reduce((s, r) => s + r[k], 0)
  return periodCounts({ count: add('month'), previousCount: add('monthLastYear') }, { count: add('year'), previousCount: add('yearLastYear') })
}

/**
 * The table as of `asOf`; `ownRegions` are highlighted (a regional officer's), `rule` marks the
 * lagging regions (not 省本级, which is no city or county).
 */
export async function computeProvinceTable(db: Db, asOf: Date, rule: LagRule, ownRegions: readonly string[]): Promise<ProvinceTable> {
  const today = chinaDateOf(asOf)
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const [monthReport, yearReport] = await Promise.all([
    getPermitStatistics(db, { year, month }, asOf),
    getPermitStatistics(db, { year }, asOf),
  ])
  const monthPermits = byCode(monthReport.permits)
  const monthFilings = byCode(monthReport.completionFilings)
  const yearPermits = byCode(yearReport.permits)
  const yearFilings = byCode(yearReport.completionFilings)
  // both reports list every city and county; a region with data in only one period is added
  const codes = [...yearReport.permits.rows.map((r) => r.regionCode)]
  for (const r of monthReport.permits.rows) if (!codes.includes(r.regionCode)) codes.push(r.regionCode)

  const monthDaysElapsed = Number(today.slice(8, 10))
  const rows = codes.map((code): ProvinceTableRow => {
    const permits = periodCounts(monthPermits.get(code) ?? ZERO, yearPermits.get(code) ?? ZERO)
    const completionFilings = periodCounts(monthFilings.get(code) ?? ZERO, yearFilings.get(code) ?? ZERO)
    const region = regionByCode(code)
    const isProvince = region?.level === 'PROVINCE'
    const reasons = isProvince
      ? []
      : lagReasons(
          {
            permitsYear: permits.year,
            permitsYearLastYear: permits.yearLastYear,
            filingsYear: completionFilings.year,
            filingsYearLastYear: completionFilings.yearLastYear,
            permitsMonth: permits.month,
            filingsMonth: completionFilings.month,
            monthDaysElapsed,
          },
          rule,
        )
    return {
      regionCode: code,
      regionName: yearPermits.get(code)?.regionName ?? monthPermits.get(code)?.regionName ?? code,
      permits,
      completionFilings,
      lagReasons: reasons,
      lagging: reasons.length > 0,
      own: ownRegions.includes(code),
    }
  })
  return {
    asOf: today,
    monthLabel: monthReport.period.label,
    monthPreviousLabel: monthReport.period.previousLabel,
    yearLabel: yearReport.period.label,
    yearPreviousLabel: yearReport.period.previousLabel,
    rule,
    ruleText: describeLagRule(rule),
    rows,
    total: {
      permits: periodCounts(monthReport.permits.total, yearReport.permits.total),
      completionFilings: periodCounts(monthReport.completionFilings.total, yearReport.completionFilings.total),
    },
  }
}
