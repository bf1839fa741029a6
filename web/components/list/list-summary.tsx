import { formatCount } from '@web/lib/format'
import { queryString, type QueryValues } from '@web/lib/listing/search-params'

/**
 * "共 N 条" (or "超过 10,000 条" when counting stopped at the cap: web/server/lib/counts.ts) and the
 * export links of the filtered result (all pages, not just this one).
 */
export function ListSummary({
  total,
  totalCapped = false,
  page,
  pageCount,
  exportPath,
  filters,
}: {
  total: number
  totalCapped?: boolean
  page: number
  pageCount: number
  exportPath: string
  filters: QueryValues
}) {
  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
      <p aria-live="polite">
        {totalCapped ? '超过' : '共'} <strong className="tabular-nums">{formatCount(total)}</strong> 条
        {(pageCount > 1 || page > 1) && (
          <span className="text-muted">
            ，第 {formatCount(page)}
            {totalCapped ? '' : ` / ${formatCount(pageCount)}`} 页
          </span>
        )}
      </p>
      {total > 0 && (
        <p className="flex gap-3 text-sm print:hidden">
          <span className="text-muted">导出筛选结果：</span>
          <a href={`${exportPath}${queryString(filters, { format: 'csv' })}`} download>
            CSV（Excel）
          </a>
          <a href={`${exportPath}${queryString(filters, { format: 'json' })}`} download>
            JSON
          </a>
        </p>
      )}
    </div>
  )
}

export function EmptyState({ children }: { children?: React.ReactNode }) {
  return (
    <div className="mt-6 rounded border border-dashed border-line px-4 py-10 text-center text-muted">
      {children ?? '没有符合条件的记录。请调整筛选条件后重试。'}
    </div>
  )
}

/** A paging link that no longer leads anywhere (a cursor edited, cut short or from another list). */
export function PagingReset() {
  return (
    <p role="status" className="mt-6 border-l-4 border-notice-line bg-notice-bg px-4 py-3">
      翻页链接无效或已过期，已显示第一页。
    </p>
  )
}

export function InvalidFilters({ issues }: { issues: { parameter: string; message: string }[] }) {
  return (
    <div role="alert" className="mt-6 border-l-4 border-notice-line bg-notice-bg px-4 py-3">
      <p className="font-bold">筛选条件有误，请修改后重新查询：</p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {issues.map((i) => (
          <li key={i.parameter}>{i.message}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Holds a screen's height while the list or profile streams in: the footer then waits below the
 * fold instead of being pushed down in view when the content replaces this line (Lighthouse counted
 * that move as a layout shift of 0.18 on mobile).
 */
export function ListLoading() {
  return (
    <p className="mt-6 min-h-dvh text-muted" aria-busy="true">
      正在读取…
    </p>
  )
}
