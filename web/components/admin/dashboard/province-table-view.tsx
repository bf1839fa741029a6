// The province table (施工许可及竣工验收备案网上办理情况统计表): per region this month and this
// year to date against the same dates last year, lagging regions marked (with the reason), the
// viewer's own region highlighted. The table is the source; the chart only draws it.
import type { PeriodCounts, ProvinceTable } from '@web/server/dashboard/dashboard-schemas'
import { formatChange, formatChangePercent, formatInteger } from '@web/components/statistics/figures-format'

const CELL = 'border-b border-line px-2 py-2 text-right tabular-nums whitespace-nowrap'
const HEAD = 'border-b-2 border-brand-700 bg-surface px-2 py-2 font-medium whitespace-nowrap text-right'
const GROUP = 'border-b border-line bg-surface px-2 py-1 text-center font-medium'

function Counts({ c }: { c: PeriodCounts }) {
  return (
    <>
      <td className={`${CELL} font-medium`}>{formatInteger(c.month)}</td>
      <td className={CELL}>{formatInteger(c.monthLastYear)}</td>
      <td className={CELL}>{formatChangePercent(c.monthChangePercent)}</td>
      <td className={`${CELL} font-medium`}>{formatInteger(c.year)}</td>
      <td className={CELL}>{formatInteger(c.yearLastYear)}</td>
      <td className={CELL}>{formatChange(c.yearChange)}</td>
      <td className={`${CELL} border-r`}>{formatChangePercent(c.yearChangePercent)}</td>
    </>
  )
}

function CountHeads() {
  return (
    <>
      <th scope="col" className={HEAD}>本月</th>
      <th scope="col" className={HEAD}>上年同期</th>
      <th scope="col" className={HEAD}>同比</th>
      <th scope="col" className={HEAD}>本年累计</th>
      <th scope="col" className={HEAD}>上年同期</th>
      <th scope="col" className={HEAD}>同比增减</th>
      <th scope="col" className={`${HEAD} border-r`}>同比</th>
    </>
  )
}

export function ProvinceTableView({ table }: { table: ProvinceTable }) {
  return (
    <div className="mt-3 overflow-x-auto rounded border border-line" role="region" aria-labelledby="province-table-caption" tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption id="province-table-caption" className="px-3 py-2 text-left text-muted">
          本月：{table.monthLabel}（上年同期 {table.monthPreviousLabel}）；本年：{table.yearLabel}（上年同期 {table.yearPreviousLabel}）
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${HEAD} sticky left-0 z-10 border-r text-left`}>市县</th>
            <th scope="colgroup" colSpan={7} className={`${GROUP} border-r`}>施工许可（件）</th>
            <th scope="colgroup" colSpan={7} className={`${GROUP} border-r`}>竣工验收备案（件）</th>
            <th scope="col" rowSpan={2} className={`${HEAD} text-left`}>情况</th>
          </tr>
          <tr>
            <CountHeads />
            <CountHeads />
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr
              key={r.regionCode}
              className={r.own ? 'bg-brand-50 font-medium' : r.lagging ? 'bg-red-50' : 'hover:bg-brand-50'}
              aria-current={r.own ? 'true' : undefined}
            >
              <th scope="row" className={`sticky left-0 border-b border-r border-line px-2 py-2 text-left font-normal whitespace-nowrap ${r.own ? 'bg-brand-50' : r.lagging ? 'bg-red-50' : 'bg-white'}`}>
                {r.regionName}
                {r.own && <span className="ml-1 text-xs text-brand-700">（本地区）</span>}
              </th>
              <Counts c={r.permits} />
              <Counts c={r.completionFilings} />
              <td className="border-b border-line px-2 py-2 text-left">
                {r.lagging ? (
                  <span className="text-red-800">
                    <strong>落后</strong>：{r.lagReasons.join('；')}
                  </span>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-bold">
          <tr>
            <th scope="row" className="sticky left-0 border-r border-line bg-white px-2 py-2 text-left">全省合计</th>
            <Counts c={table.total.permits} />
            <Counts c={table.total.completionFilings} />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
