import { formatCount } from '@web/lib/format'
import { queryString, type QueryValues } from '@web/lib/listing/search-params'

/** "共 N 条" and the export links of the filtered result (all pages, not just this one). */
export function ListSummary({ total, page, pageCount, exportPath, filters }: { total: number; page: number; pageCount: number; exportPath: string; filters: QueryValues }) {
  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
      <p aria-live="polite">
        共 <strong className="tabular-nums">{formatCount(total)}</strong> 条
        {pageCount > 1 && (
          <span className="text-muted">
            ，第 {page} / {formatCount(pageCount)} 页
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

export function ListLoading() {
  return (
    <p className="mt-6 text-muted" aria-busy="true">
      正在读取…
    </p>
  )
}
