// 施工许可及竣工验收备案网上办理情况统计表: the table the regulator circulates, for every account
// that may read the statistics ('statistics.read'); a regional account's own row is highlighted.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { connection } from 'next/server'
import { ListLoading } from '@web/components/list/list-summary'
import { ProvinceTableView } from '@web/components/admin/dashboard/province-table-view'
import { YearComparisonChart } from '@web/components/admin/dashboard/year-comparison-chart'
import { TREND_COLORS } from '@web/components/statistics/chart-colors'
import { regionByCode } from '@shared/regions/hainan'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { requireActor } from '@web/lib/staff/session'
import { getProvinceTable } from '@web/server/dashboard/get-province-table'

export const metadata: Metadata = { title: '各市县网上办理情况统计表', robots: { index: false } }

export default function ProvinceTablePage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">施工许可及竣工验收备案网上办理情况统计表</h1>
      <p className="mt-2 text-muted">
        各市县在本平台核发的施工许可证、办理的竣工验收备案件数，按发证日期、备案日期（北京时间）统计，不论其后是否撤销；本月和本年均统计至今日，与上年相同日期比较。
      </p>
      <Suspense fallback={<ListLoading />}>
        <ProvinceTableSection />
      </Suspense>
    </>
  )
}

const shortName = (code: string, name: string) => {
  const region = regionByCode(code)
  return region ? (region.level === 'PROVINCE' ? '省本级' : region.shortName) : name
}

async function ProvinceTableSection() {
  await connection()
  const actor = await requireActor('statistics.read')
  const table = await getProvinceTable(getDb(), actor, { dropPercent: env.LAG_DROP_PERCENT, zeroMonthAfterDays: env.LAG_ZERO_MONTH_AFTER_DAYS })
  const lagging = table.rows.filter((r) => r.lagging)
  return (
    <>
      <p className="mt-4 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm">
        {table.ruleText}
        {lagging.length > 0 ? `本期落后：${lagging.map((r) => r.regionName).join('、')}。` : '本期没有落后的市县。'}
      </p>
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <span className="text-muted">下载统计表：</span>
        <a href="/admin/statistics/export?format=xlsx" download>
          Excel（XLSX）
        </a>
        <a href="/admin/statistics/export?format=csv" download>
          CSV
        </a>
      </p>
      <ProvinceTableView table={table} />
      <figure className="mt-6 rounded border border-line p-2 sm:p-4">
        <YearComparisonChart
          bars={table.rows.map((r) => ({ name: shortName(r.regionCode, r.regionName), current: r.permits.year, previous: r.permits.yearLastYear }))}
        />
        <figcaption className="mt-2 text-sm text-muted">
          图：各市县本年累计施工许可数（<span style={{ color: TREND_COLORS.current }}>■</span> {table.yearLabel}）与上年同期（
          <span style={{ color: TREND_COLORS.previous }}>■</span> {table.yearPreviousLabel}）。数据见上表。
        </figcaption>
      </figure>
    </>
  )
}
