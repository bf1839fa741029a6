// The statistics table as a download: one row per city/county (regulator's order) and a
// province total, permits and completion filings side by side.
import type { PermitStatisticsReport, RegionFigures, TotalFigures } from '@web/server/statistics/statistics-schemas'
import type { ExportColumn } from './export-response'

export interface StatisticsExportRow {
  regionCode: string | null
  regionName: string
  permits: RegionFigures | (TotalFigures & { rank: null })
  completionFilings: RegionFigures | (TotalFigures & { rank: null })
}

/** The report's two tables as rows (they list the same regions in the same order), the total last. */
export function statisticsExportRows(report: PermitStatisticsReport): StatisticsExportRow[] {
  const rows: StatisticsExportRow[] = report.permits.rows.map((p, i) => ({
    regionCode: p.regionCode,
    regionName: p.regionName,
    permits: p,
    completionFilings: report.completionFilings.rows[i],
  }))
  rows.push({
    regionCode: null,
    regionName: '全省合计',
    permits: { ...report.permits.total, rank: null },
    completionFilings: { ...report.completionFilings.total, rank: null },
  })
  return rows
}

export function statisticsExportColumns(report: PermitStatisticsReport): ExportColumn<StatisticsExportRow>[] {
  const { label, previousLabel } = report.period
  return [
    { header: '行政区划代码', value: (r) => r.regionCode },
    { header: '市县', value: (r) => r.regionName },
    { header: `施工许可数（${label}）`, value: (r) => r.permits.count },
    { header: '施工许可数排名', value: (r) => r.permits.rank },
    { header: `施工许可数（${previousLabel}）`, value: (r) => r.permits.previousCount },
    { header: '施工许可数同比增减', value: (r) => r.permits.change },
    { header: '施工许可数同比增减（%）', value: (r) => r.permits.changePercent },
    { header: '建筑面积（平方米）', value: (r) => r.permits.floorArea },
    { header: '合同价格（万元）', value: (r) => r.permits.amount },
    { header: `竣工验收备案数（${label}）`, value: (r) => r.completionFilings.count },
    { header: '竣工验收备案数排名', value: (r) => r.completionFilings.rank },
    { header: `竣工验收备案数（${previousLabel}）`, value: (r) => r.completionFilings.previousCount },
    { header: '竣工验收备案数同比增减', value: (r) => r.completionFilings.change },
    { header: '竣工验收备案数同比增减（%）', value: (r) => r.completionFilings.changePercent },
    { header: '竣工实际建筑面积（平方米）', value: (r) => r.completionFilings.floorArea },
    { header: '竣工实际造价（万元）', value: (r) => r.completionFilings.amount },
  ]
}

/** JSON export: one object per row, the same figures as the CSV. */
export function statisticsRowToJson(row: StatisticsExportRow) {
  return row
}

export function statisticsExportFilename(report: PermitStatisticsReport): string {
  return `施工许可和竣工验收备案统计_${report.period.label}`
}
