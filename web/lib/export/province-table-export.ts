// The province table (施工许可及竣工验收备案网上办理情况统计表) as downloads: CSV through the
// common export response, and an Excel workbook (exceljs) with the title, the lag rule, the same
// columns, lagging rows shaded. One row per region in the regulator's order, 全省合计 last.
import ExcelJS from 'exceljs'
import type { PeriodCounts, ProvinceTable } from '@web/server/dashboard/dashboard-schemas'
import type { ExportColumn } from './export-response'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'

export const PROVINCE_TABLE_TITLE = '施工许可及竣工验收备案网上办理情况统计表'

export interface ProvinceTableExportRow {
  regionCode: string | null
  regionName: string
  permits: PeriodCounts
  completionFilings: PeriodCounts
  lagging: boolean | null
  lagReasons: string[]
}

export function provinceTableExportRows(table: ProvinceTable): ProvinceTableExportRow[] {
  return [
    ...table.rows.map((r) => ({ ...r })),
    { regionCode: null, regionName: '全省合计', ...table.total, lagging: null, lagReasons: [] },
  ]
}

function countColumns(kind: string, pick: (r: ProvinceTableExportRow) => PeriodCounts, table: ProvinceTable): ExportColumn<ProvinceTableExportRow>[] {
  return [
    { header: `${kind}·本月（${table.monthLabel}）`, value: (r) => pick(r).month },
    { header: `${kind}·上年同期（${table.monthPreviousLabel}）`, value: (r) => pick(r).monthLastYear },
    { header: `${kind}·本月同比增减（%）`, value: (r) => pick(r).monthChangePercent },
    { header: `${kind}·本年累计（${table.yearLabel}）`, value: (r) => pick(r).year },
    { header: `${kind}·上年同期（${table.yearPreviousLabel}）`, value: (r) => pick(r).yearLastYear },
    { header: `${kind}·本年同比增减`, value: (r) => pick(r).yearChange },
    { header: `${kind}·本年同比增减（%）`, value: (r) => pick(r).yearChangePercent },
  ]
}

export function provinceTableExportColumns(table: ProvinceTable): ExportColumn<ProvinceTableExportRow>[] {
  return [
    { header: '行政区划代码', value: (r) => r.regionCode },
    { header: '市县', value: (r) => r.regionName },
    ...countColumns('施工许可', (r) => r.permits, table),
    ...countColumns('竣工验收备案', (r) => r.completionFilings, table),
    { header: '是否落后', value: (r) => (r.lagging === null ? null : r.lagging ? '落后' : '') },
    { header: '落后原因', value: (r) => r.lagReasons.join('；') },
  ]
}

export function provinceTableFilename(table: ProvinceTable): string {
  return `${PROVINCE_TABLE_TITLE}_${table.asOf}`
}

/** The workbook: title, as-of date and rule in rows 1–2, the header in row 3, the data below. */
export async function provinceTableXlsx(table: ProvinceTable): Promise<Uint8Array<ArrayBuffer>> {
  const columns = provinceTableExportColumns(table)
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(`${table.asOf}T00:00:00Z`)
  const sheet = workbook.addWorksheet('统计表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] })
  sheet.addRow([`${PROVINCE_TABLE_TITLE}（截至 ${table.asOf}）`]).font = { bold: true, size: 14 }
  sheet.addRow([table.ruleText])
  const header = sheet.addRow(columns.map((c) => c.header))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle' }
  for (const row of provinceTableExportRows(table)) {
    const added = sheet.addRow(
      columns.map((c) => {
        const v = c.value(row)
        return typeof v === 'string' ? neutralizeFormula(v) : (v ?? null)
      }),
    )
    if (row.lagging) added.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } }
    if (row.regionCode === null) added.font = { bold: true }
  }
  sheet.getColumn(1).width = 12
  sheet.getColumn(2).width = 16
  for (let i = 3; i <= columns.length; i++) sheet.getColumn(i).width = 14
  sheet.getColumn(columns.length).width = 40
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
