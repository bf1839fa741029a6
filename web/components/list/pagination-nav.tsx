import Link from 'next/link'
import type { Route } from 'next'
import { queryString, type QueryValues } from '@web/lib/listing/search-params'
import { MAX_OFFSET_PAGE } from '@web/server/lib/keyset-page'

/** Numbered pages around the current one, with first/last; links keep the filters. */
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const start = Math.max(1, page - radius)
  const end = Math.min(pageCount, page + radius)
  const pages = new Set<number>([1, pageCount])
  for (let p = start; p <= end; p++) pages.add(p)
  return [...pages].sort((a, b) => a - b)
}

/**
 * The numbered links of a keyset list: only pages reachable by number (up to MAX_OFFSET_PAGE) and
 * the current one; the last page only when it is among them and the count is exact.
 */
export function keysetPageWindow(page: number, pageCount: number, totalCapped: boolean, radius = 2): number[] {
  const numbered = Math.min(pageCount, MAX_OFFSET_PAGE)
  const pages = new Set<number>([1, page])
  if (!totalCapped && pageCount <= MAX_OFFSET_PAGE) pages.add(pageCount)
  for (let p = Math.max(1, page - radius); p <= Math.min(numbered, page + radius); p++) pages.add(p)
  return [...pages].sort((a, b) => a - b)
}

/** "next"/"previous" by cursor: a keyset list's links (web/server/lib/keyset-page.ts). */
export interface KeysetLinks {
  totalCapped: boolean
  nextCursor: string | null
  prevCursor: string | null
}

export function PaginationNav({
  basePath,
  values,
  page,
  pageCount,
  keyset,
}: {
  basePath: string
  values: QueryValues
  page: number
  pageCount: number
  /** absent: a short list paged by number only */
  keyset?: KeysetLinks
}) {
  const href = (p: number) => `${basePath}${queryString(values, { page: p === 1 ? undefined : p })}` as Route
  const cursorHref = (cursor: string) => `${basePath}${queryString(values, { cursor })}` as Route
  const prev = keyset ? (keyset.prevCursor ? (page - 1 === 1 ? href(1) : cursorHref(keyset.prevCursor)) : null) : page > 1 ? href(page - 1) : null
  const next = keyset ? (keyset.nextCursor ? cursorHref(keyset.nextCursor) : null) : page < pageCount ? href(page + 1) : null
  if (!prev && !next && page === 1) return null
  const pages = keyset ? keysetPageWindow(page, pageCount, keyset.totalCapped) : pageWindow(page, pageCount)
  const LINK = 'inline-block min-w-10 rounded border border-line px-3 py-1.5 text-center no-underline'
  return (
    <nav aria-label="分页" className="mt-6 print:hidden">
      <ul className="flex flex-wrap items-center gap-2">
        {prev && (
          <li>
            <Link href={prev} className={LINK} rel="prev">
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
        {next && (
          <li>
            <Link href={next} className={LINK} rel="next">
              下一页
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
