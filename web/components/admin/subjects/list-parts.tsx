// The pieces the back office's subject and record lists share, in the look of the projects list:
// the search form (a GET form, so the search stays in the URL) and the page links.
import type { Route } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { InputError } from '@web/server/lib/errors'

export function SearchForm({ label, hint, q, name = 'q', error }: { label: string; hint?: string; q?: string; name?: string; error?: string }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={label}>
      <div>
        <label htmlFor={name} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={name}
          name={name}
          defaultValue={q ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined}
          className={`mt-1 w-72 max-w-full rounded border px-3 py-2 ${error ? 'border-seal' : 'border-slate-300'}`}
        />
        {hint && (
          <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
            {hint}
          </p>
        )}
        {error && <SearchError id={`${name}-error`} message={error} />}
      </div>
      <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600">
        查询
      </button>
    </form>
  )
}

export function Pager({ path, q, page, total, pageSize }: { path: string; q?: string; page: number; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const href = (p: number) => `${path}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}` as Route
  return (
    <nav aria-label="分页" className="flex gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} className="text-brand-800 underline">
          上一页
        </Link>
      )}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className="text-brand-800 underline">
          下一页
        </Link>
      )}
    </nav>
  )
}

export const PRIMARY_LINK =
  'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2'

/** The message under a search field the list refused. */
export function SearchError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-seal">
      {message}
    </p>
  )
}

/**
 * The list, or for a search the list use case refused (web/server/staff/staff-search.ts: too long,
 * too many pieces, control characters) no rows and the message to show under the search field.
 */
export async function searchedList<L extends { total: number; page: number; pageSize: number; items: readonly unknown[] }>(
  run: Promise<L>,
): Promise<{ list: L; searchError?: string }> {
  try {
    return { list: await run }
  } catch (error) {
    if (!(error instanceof InputError) || !error.fields.q) throw error
    return { list: { total: 0, page: 1, pageSize: 20, items: [] } as unknown as L, searchError: error.fields.q }
  }
}

/** The list's query from the URL: the trimmed search (bounded by the list use case) and a page number. */
export function listQuery(raw: Record<string, string | string[] | undefined>): { q?: string; page: number } {
  const q = typeof raw.q === 'string' ? raw.q.trim() : ''
  const page = typeof raw.page === 'string' && /^\d{1,5}$/.test(raw.page) ? Math.max(1, Number(raw.page)) : 1
  return { ...(q ? { q } : {}), page }
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 p-6 text-center text-slate-600">{children}</p>
}
