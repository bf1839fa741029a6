// The province table's downloads: the CSV (UTF-8 BOM, one row per region and the total) and the
// Excel workbook read back with exceljs.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { provinceTableSchema, type PeriodCounts, type ProvinceTable } from '@web/server/dashboard/dashboard-schemas'
import { DEFAULT_LAG_RULE, describeLagRule } from '@web/server/dashboard/lag-rule'
import { csvExport } from './export-response'
import { provinceTableExportColumns, provinceTableExportRows, provinceTableFilename, provinceTableXlsx } from './province-table-export'

const counts = (month: number, monthLastYear: number, year: number, yearLastYear: number): PeriodCounts => ({
  month,
  monthLastYear,
  monthChange: month - monthLastYear,
  monthChangePercent: monthLastYear ? Math.round(((month - monthLastYear) / monthLastYear) * 1000) / 10 : null,
  year,
  yearLastYear,
  yearChange: year - yearLastYear,
  yearChangePercent: yearLastYear ? Math.round(((year - yearLastYear) / yearLastYear) * 1000) / 10 : null,
})

const TABLE: ProvinceTable = provinceTableSchema.parse({
  asOf: '2026-06-15',
  monthLabel: '2026年6月1日至15日',
  monthPreviousLabel: '2025年6月1日至15日',
  yearLabel: '2026年1月1日至6月15日',
  yearPreviousLabel: '2025年1月1日至6月15日',
  rule: DEFAULT_LAG_RULE,
  ruleText: describeLagRule(DEFAULT_LAG_RULE),
  rows: [
    { regionCode: '460100', regionName: '海口市', permits: counts(2, 1, 3, 1), completionFilings: counts(0, 0, 1, 0), lagReasons: [], lagging: false, own: false },
    {
      regionCode: '460200',
      regionName: '=三亚市',
      permits: counts(1, 0, 1, 3),
      completionFilings: counts(0, 0, 0, 0),
      lagReasons: ['本年施工许可比上年同期下降超过 20%'],
      lagging: true,
      own: true,
    },
  ],
  total: { permits: counts(3, 1, 4, 4), completionFilings: counts(0, 0, 1, 0) },
})

async function* once<T>(rows: T[]) {
  yield rows
}

describe('province table export', () => {
  it('writes the CSV with a BOM, the headers, one row per region and the total', async () => {
    const response = csvExport(provinceTableFilename(TABLE), provinceTableExportColumns(TABLE), once(provinceTableExportRows(TABLE)))
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0].split(',').slice(0, 4)).toEqual(['行政区划代码', '市县', '施工许可·本月（2026年6月1日至15日）', '施工许可·上年同期（2025年6月1日至15日）'])
    expect(lines[1]).toBe('460100,海口市,2,1,100,3,1,2,200,0,0,,1,0,1,,,')
    // a name that starts like a formula is neutralised
    expect(lines[2]).toBe("460200,'=三亚市,1,0,,1,3,-2,-66.7,0,0,,0,0,0,,落后,本年施工许可比上年同期下降超过 20%")
    expect(lines[3]).toBe(',全省合计,3,1,200,4,4,0,0,0,0,,1,0,1,,,')
  })

  it('writes a workbook that reads back with the title, rule, headers and rows', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await provinceTableXlsx(TABLE)).buffer as ArrayBuffer)
    const sheet = workbook.getWorksheet('统计表')!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(1)).toEqual(['施工许可及竣工验收备案网上办理情况统计表（截至 2026-06-15）'])
    expect(String(values(2)[0])).toContain('下降超过 20%')
    const headers = values(3)
    expect(headers).toEqual(provinceTableExportColumns(TABLE).map((c) => c.header))
    expect(headers).toHaveLength(18)
    expect(values(4)).toEqual(['460100', '海口市', 2, 1, 100, 3, 1, 2, 200, 0, 0, undefined, 1, 0, 1, undefined, '', ''])
    const sanya = values(5)
    expect(sanya.slice(0, 9)).toEqual(['460200', "'=三亚市", 1, 0, undefined, 1, 3, -2, -66.7])
    expect(sanya.slice(16)).toEqual(['落后', '本年施工许可比上年同期下降超过 20%'])
    expect(sheet.getRow(5).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFDE2E2' } })
    expect(values(6).slice(0, 6)).toEqual([undefined, '全省合计', 3, 1, 200, 4])
    expect(sheet.rowCount).toBe(6)
  })
})
