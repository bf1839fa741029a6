import { Suspense } from 'react'
import type { Metadata } from 'next'
import { connection } from 'next/server'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { FilterForm, type FilterField } from '@web/components/list/filter-form'
import { InvalidFilters, ListLoading } from '@web/components/list/list-summary'
import { describeChange, formatInteger } from '@web/components/statistics/figures-format'
import { FiguresTable } from '@web/components/statistics/figures-table'
import { MonthlyTable } from '@web/components/statistics/monthly-table'
import { TREND_COLORS } from '@web/components/statistics/chart-colors'
import { MonthlyTrendChart } from '@web/components/statistics/monthly-trend-chart'
import { RegionBarChart } from '@web/components/statistics/region-bar-chart'
import { issuesFromZod } from '@web/lib/api/api-error'
import { chinaCalendarYear } from '@shared/dates/china-year'
import { FIRST_YEAR } from '@web/lib/listing/filter-options'
import { flattenSearchParams, queryString } from '@web/lib/listing/search-params'
import { getDb } from '@web/lib/db'
import { statisticsQuerySchema } from '@web/server/statistics/statistics-queries'
import { getPermitStatistics } from '@web/server/statistics/get-permit-statistics'

export const metadata: Metadata = {
  title: '统计',
  description: '海南省各市县施工许可和竣工验收备案办理数量统计：按年、按月，含建筑面积、合同价格、排名及同比变化，可导出。',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

// The current year is the empty choice (the default), so it is not repeated among the options.
const fields = (thisYear: number): FilterField[] => [
  {
    kind: 'select',
    name: 'year',
    label: '年份',
    allLabel: `${thisYear}年（本年）`,
    options: Array.from({ length: thisYear - FIRST_YEAR }, (_, i) => thisYear - 1 - i).map((y) => ({ value: String(y), label: `${y}年` })),
  },
  {
    kind: 'select',
    name: 'month',
    label: '月份',
    allLabel: '全年',
    options: Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` })),
  },
]

export default function StatisticsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '统计' }]} />
      <h1 className="text-2xl font-bold text-brand-900">施工许可和竣工验收备案统计</h1>
      <p className="mt-2 text-muted">
        全省各市县在本平台核发的施工许可证、办理的竣工验收备案数量，按发证日期、备案日期（北京时间）统计，不论其后是否撤销。尚未结束的期间统计至今日，与上年同期（相同日期）比较。
      </p>
      <Suspense fallback={<ListLoading />}>
        <StatisticsReport searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function StatisticsReport({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const asOf = new Date()
  const thisYear = chinaCalendarYear(asOf).year
  const raw = flattenSearchParams(await searchParams)
  const formValues = { ...raw, year: raw.year === String(thisYear) ? '' : raw.year, month: raw.month?.replace(/^0/, '') }
  const form = <FilterForm action="/statistics" fields={fields(thisYear)} values={formValues} />
  const parsed = statisticsQuerySchema.safeParse(raw)
  if (!parsed.success) {
    return (
      <>
        <div className="mt-6">{form}</div>
        <InvalidFilters issues={issuesFromZod(parsed.error)} />
      </>
    )
  }
  const report = await getPermitStatistics(getDb(), parsed.data, asOf)
  const { period, permits, completionFilings } = report
  const exportQuery = { year: period.year, month: period.month ?? undefined }
  return (
    <>
      <div className="mt-6">{form}</div>

      <section aria-labelledby="summary-heading" className="mt-6">
        <h2 id="summary-heading" className="text-xl font-bold text-brand-900">
          {period.label}
          {period.partial && <span className="ml-2 text-base font-normal text-muted">（截至今日）</span>}
        </h2>
        <p className="mt-2">
          全省核发施工许可证 <strong className="tabular-nums">{formatInteger(permits.total.count)}</strong> 件，比上年同期
          {describeChange(permits.total.change, permits.total.changePercent, '件')}；办理竣工验收备案{' '}
          <strong className="tabular-nums">{formatInteger(completionFilings.total.count)}</strong> 件，比上年同期
          {describeChange(completionFilings.total.change, completionFilings.total.changePercent, '件')}。
        </p>
        <p className="mt-1 text-sm text-muted">上年同期：{period.previousLabel}。</p>
        <p className="mt-2 flex flex-wrap gap-3 text-sm print:hidden">
          <span className="text-muted">下载统计表：</span>
          <a href={`/api/v1/statistics/permits/export${queryString(exportQuery, { format: 'csv' })}`} download>
            CSV（Excel）
          </a>
          <a href={`/api/v1/statistics/permits/export${queryString(exportQuery, { format: 'json' })}`} download>
            JSON
          </a>
        </p>
      </section>

      <section aria-labelledby="permits-heading" className="mt-8">
        <h2 id="permits-heading" className="text-xl font-bold text-brand-900">
          施工许可（按市县）
        </h2>
        <figure className="mt-3 rounded border border-line p-2 sm:p-4">
          <RegionBarChart seriesName="施工许可数" bars={permits.rows.map((r) => ({ name: r.regionShortName, value: r.count }))} />
          <figcaption className="mt-2 text-sm text-muted">
            图：{period.label}各市县施工许可数，由多到少排列。数据见下表。
          </figcaption>
        </figure>
        <FiguresTable
          id="permits-table"
          caption={`${period.label}各市县施工许可办理情况（上年同期：${period.previousLabel}）`}
          countLabel="施工许可数"
          areaLabel="建筑面积（平方米）"
          amountLabel="合同价格（万元）"
          figures={permits}
        />
      </section>

      <section aria-labelledby="filings-heading" className="mt-8">
        <h2 id="filings-heading" className="text-xl font-bold text-brand-900">
          竣工验收备案（按市县）
        </h2>
        <FiguresTable
          id="filings-table"
          caption={`${period.label}各市县竣工验收备案办理情况（上年同期：${period.previousLabel}）`}
          countLabel="备案数"
          areaLabel="实际建筑面积（平方米）"
          amountLabel="实际造价（万元）"
          figures={completionFilings}
        />
      </section>

      <section aria-labelledby="monthly-heading" className="mt-8">
        <h2 id="monthly-heading" className="text-xl font-bold text-brand-900">
          {period.year}年逐月办理情况
        </h2>
        <figure className="mt-3 rounded border border-line p-2 sm:p-4">
          <MonthlyTrendChart
            current={report.monthly.map((m) => m.permits)}
            previous={report.monthly.map((m) => m.previousPermits)}
            currentName={`${period.year}年`}
            previousName={`${period.year - 1}年`}
          />
          <figcaption className="mt-2 text-sm text-muted">
            图：逐月施工许可数，
            <span className="whitespace-nowrap">
              <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 align-middle" style={{ background: TREND_COLORS.current }} />
              {period.year}年
            </span>
            与
            <span className="whitespace-nowrap">
              <span aria-hidden="true" className="mr-1 inline-block w-5 border-t-2 border-dashed align-middle" style={{ borderColor: TREND_COLORS.previous }} />
              {period.year - 1}年
            </span>
            。数据见下表。
          </figcaption>
        </figure>
        <MonthlyTable id="monthly-table" caption={`${period.year}年与${period.year - 1}年逐月施工许可和竣工验收备案数`} year={period.year} months={report.monthly} />
      </section>
    </>
  )
}
