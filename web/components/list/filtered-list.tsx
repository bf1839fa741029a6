// The results half of every list page: read the URL, validate the filters (a Chinese message for
// each bad one, never a crash), load one page, and render the count, export links, cards and
// paging. Pages differ only in their filters, their loader and how one record reads. Paging is by
// keyset (web/server/lib/keyset-page.ts): "next"/"previous" links carry a cursor; a bad cursor
// shows the first page with a notice rather than an error.
import type { Route } from 'next'
import { connection } from 'next/server'
import type { z } from 'zod'
import { issuesFromZod } from '@web/lib/api/api-error'
import { DEFAULT_PAGE_SIZE } from '@web/server/lib/pagination'
import type { Cursor, KeysetPage, KeysetPagination } from '@web/server/lib/keyset-page'
import { flattenSearchParams, type QueryValues } from '@web/lib/listing/search-params'
import { FilterForm, type FilterField } from './filter-form'
import { EmptyState, InvalidFilters, ListSummary, PagingReset } from './list-summary'
import { PaginationNav } from './pagination-nav'
import { RecordList } from './record-list'

export type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function FilteredList<Q extends KeysetPagination & { [key: string]: QueryValues[string] | Cursor }, T>({
  searchParams,
  schema,
  basePath,
  exportPath,
  fields,
  listLabel,
  load,
  renderItem,
}: {
  searchParams: SearchParams
  schema: z.ZodType<Q>
  basePath: Route
  exportPath: string
  /** a function when the options depend on the request (e.g. the current year) */
  fields: readonly FilterField[] | (() => readonly FilterField[])
  listLabel: string
  load: (query: Q) => Promise<KeysetPage<T>>
  renderItem: (item: T) => React.ReactNode
}) {
  await connection()
  const raw = flattenSearchParams(await searchParams)
  const form = (
    <div className="mt-6">
      <FilterForm action={basePath} fields={typeof fields === 'function' ? fields() : fields} values={raw} />
    </div>
  )
  let parsed = schema.safeParse(raw)
  const badCursor = !parsed.success && parsed.error.issues.every((i) => i.path[0] === 'cursor')
  if (badCursor) {
    const { cursor: _dropped, page: _page, ...rest } = raw
    parsed = schema.safeParse(rest)
  }
  if (!parsed.success) {
    return (
      <>
        {form}
        <InvalidFilters issues={issuesFromZod(parsed.error)} />
      </>
    )
  }
  const { page: _page, pageSize, cursor: _cursor, ...rest } = parsed.data
  const filters = rest as QueryValues
  const result = await load(parsed.data)
  const linkValues = { ...filters, pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize }
  return (
    <>
      {form}
      <h2 className="sr-only">查询结果</h2>
      {badCursor && <PagingReset />}
      <ListSummary total={result.total} totalCapped={result.totalCapped} page={result.page} pageCount={result.pageCount} exportPath={exportPath} filters={filters} />
      {result.items.length === 0 ? <EmptyState /> : <RecordList label={listLabel}>{result.items.map(renderItem)}</RecordList>}
      <PaginationNav basePath={basePath} values={linkValues} page={result.page} pageCount={result.pageCount} keyset={result} />
    </>
  )
}
