import Link from 'next/link'
import type { Route } from 'next'
import { queryString, type QueryValues } from '@web/lib/listing/search-params'

/** Numbered pages around the current one, with first/last; links keep the filters. */
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const start = Math.max(1, page - radius)
  const end = Math.min(pageCount, page + radius)
  const pages = new Set<number>([1, pageCount])
  for (let p = start; p <= end; p++) pages.add(p)
  return [...pages].sort((a, b) => a - b)
}

export function PaginationNav({ basePath, values, page, pageCount }: { basePath: string; values: QueryValues; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  const href = (p: number) => `${basePath}${queryString(values, { page: p === 1 ? undefined : p })}` as Route
  const pages = pageWindow(page, pageCount)
  const LINK = 'inline-block min-w-10 rounded border border-line px-3 py-1.5 text-center no-underline'
  return (
    <nav aria-label="分页" className="mt-6 print:hidden">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} className={LINK} rel="prev">
              上一页
            </Link>
          </li>
        )}
        {pages.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - pages[i - 1] > 1 && <span aria-hidden="true">…</span>}
            {p === page ? (
              <span aria-current="page" className={`${LINK} border-brand-700 bg-brand-700 text-white`}>
                {p}
              </span>
            ) : (
              <Link href={href(p)} className={LINK} aria-label={`第 ${p} 页`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} className={LINK} rel="next">
              下一页
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
