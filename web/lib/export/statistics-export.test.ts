import { describe, expect, it } from 'vitest'
import { cityCountyRegions } from '@shared/regions/hainan'
import type { FiguresTable, PermitStatisticsReport } from '@web/server/statistics/statistics-schemas'
import { resolveStatisticsPeriod } from '@web/server/statistics/statistics-queries'
import { csvExport } from './export-response'
import { statisticsExportColumns, statisticsExportFilename, statisticsExportRows } from './statistics-export'

function table(count: (i: number) => number): FiguresTable {
  const rows = cityCountyRegions().map((r, i) => ({
    regionCode: r.code,
    regionName: r.name,
    regionShortName: r.shortName,
    count: count(i),
    floorArea: 100 * count(i),
    amount: 10.5 * count(i),
    rank: 1,
    previousCount: 1,
    change: count(i) - 1,
    changePercent: (count(i) - 1) * 100,
  }))
  const total = rows.reduce((s, r) => s + r.count, 0)
  return { rows, total: { count: total, floorArea: 100 * total, amount: 10.5 * total, previousCount: rows.length, change: total - rows.length, changePercent: null } }
}

const report: PermitStatisticsReport = {
  period: resolveStatisticsPeriod({ year: 2025 }, new Date('2026-06-15T04:00:00Z')),
  permits: table((i) => i),
  completionFilings: table((i) => 2 * i),
  monthly: [],
}

describe('statistics export', () => {
  it('has one row per region, the two tables side by side, and the province total last', () => {
    const rows = statisticsExportRows(report)
    expect(rows).toHaveLength(cityCountyRegions().length + 1)
    expect(rows[1]).toMatchObject({ regionCode: '460200', permits: { count: 1 }, completionFilings: { count: 2 } })
    expect(rows.at(-1)).toMatchObject({ regionCode: null, regionName: '全省合计', permits: { rank: null, count: report.permits.total.count } })
  })

  it('writes a CSV with the period in the headers and the file name', async () => {
    const res = csvExport(statisticsExportFilename(report), statisticsExportColumns(report), (async function* () {
      yield statisticsExportRows(report)
    })())
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toContain('施工许可数（2025年）')
    expect(lines[0]).toContain('施工许可数（2024年）')
    expect(lines[2]).toBe('460200,三亚市,1,1,1,0,0,100,10.5,2,1,1,1,100,200,21')
    expect(lines.at(-1)?.startsWith(',全省合计,')).toBe(true)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('施工许可和竣工验收备案统计_2025年.csv'))
  })
})
