// A per-region table of the regulator's summary: rank, count, the same period last year, the
// change, areas and amounts, and the province total. The table is the source of truth; the
// charts only draw it.
import type { FiguresTable as Figures } from '@web/server/statistics/statistics-schemas'
import { formatArea, formatChange, formatChangePercent, formatInteger, formatWanYuan } from './figures-format'

const CELL = 'border-b border-line px-3 py-2 text-right tabular-nums whitespace-nowrap'
const HEAD = 'border-b-2 border-brand-700 bg-surface px-3 py-2 font-medium whitespace-nowrap'
// the region column stays in view while the figures scroll sideways on a phone
const REGION = 'sticky left-0 border-b border-r border-line px-3 py-2 text-left whitespace-nowrap'

export function FiguresTable({
  id,
  caption,
  countLabel,
  areaLabel,
  amountLabel,
  figures,
}: {
  id: string
  caption: string
  countLabel: string
  areaLabel: string
  amountLabel: string
  figures: Figures
}) {
  const { rows, total } = figures
  return (
    <div className="mt-3 overflow-x-auto rounded border border-line" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="w-full border-collapse text-sm sm:text-base">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${HEAD} sticky left-0 z-10 border-r text-left`}>
              市县
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              {countLabel}
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              排名
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              上年同期
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              同比增减
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              同比（%）
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              {areaLabel}
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              {amountLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.regionCode} className="hover:bg-brand-50">
              <th scope="row" className={`${REGION} bg-white font-normal`}>
                {/* short names on a phone (三亚, 洋浦), full names from the small breakpoint up */}
                <span className="sm:hidden">{r.regionShortName}</span>
                <span className="hidden sm:inline">{r.regionName}</span>
              </th>
              <td className={`${CELL} font-medium`}>{formatInteger(r.count)}</td>
              <td className={CELL}>{r.rank}</td>
              <td className={CELL}>{formatInteger(r.previousCount)}</td>
              <td className={CELL}>{formatChange(r.change)}</td>
              <td className={CELL}>{formatChangePercent(r.changePercent)}</td>
              <td className={CELL}>{formatArea(r.floorArea)}</td>
              <td className={CELL}>{formatWanYuan(r.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-bold">
          <tr>
            <th scope="row" className={`${REGION} bg-surface font-bold`}>
              全省合计
            </th>
            <td className={`${CELL} bg-surface`}>{formatInteger(total.count)}</td>
            <td className={`${CELL} bg-surface`}>—</td>
            <td className={`${CELL} bg-surface`}>{formatInteger(total.previousCount)}</td>
            <td className={`${CELL} bg-surface`}>{formatChange(total.change)}</td>
            <td className={`${CELL} bg-surface`}>{formatChangePercent(total.changePercent)}</td>
            <td className={`${CELL} bg-surface`}>{formatArea(total.floorArea)}</td>
            <td className={`${CELL} bg-surface`}>{formatWanYuan(total.amount)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
