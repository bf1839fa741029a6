// The monthly trend as a table: the text of the trend chart.
import type { MonthFigures } from '@web/server/statistics/statistics-schemas'
import { formatInteger } from './figures-format'

const CELL = 'border-b border-line px-3 py-2 text-right tabular-nums whitespace-nowrap'
const HEAD = 'border-b-2 border-brand-700 bg-surface px-3 py-2 font-medium whitespace-nowrap'

export function MonthlyTable({ id, caption, year, months }: { id: string; caption: string; year: number; months: readonly MonthFigures[] }) {
  const cell = (n: number | null) => (n === null ? '—' : formatInteger(n))
  return (
    <div className="mt-3 overflow-x-auto rounded border border-line" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="w-full border-collapse text-sm sm:text-base">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${HEAD} text-left`}>
              月份
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              施工许可（{year}年）
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              施工许可（{year - 1}年）
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              竣工验收备案（{year}年）
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              竣工验收备案（{year - 1}年）
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} className="hover:bg-brand-50">
              <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal whitespace-nowrap">
                {m.month}月
              </th>
              <td className={`${CELL} font-medium`}>{cell(m.permits)}</td>
              <td className={CELL}>{formatInteger(m.previousPermits)}</td>
              <td className={`${CELL} font-medium`}>{cell(m.completionFilings)}</td>
              <td className={CELL}>{formatInteger(m.previousCompletionFilings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
