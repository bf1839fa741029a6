import Link from 'next/link'
import type { Route } from 'next'

export interface Crumb {
  label: string
  /** omitted for the current page, which is always the last crumb */
  href?: Route
}

/** 首页 › … › current page. Pass the crumbs after 首页; the last one is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const crumbs: Crumb[] = [{ label: '首页', href: '/' }, ...items]
  return (
    <nav aria-label="当前位置" className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-2">
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1
          return (
            <li key={`${index}-${crumb.label}`} className="flex items-center gap-x-2">
              {index > 0 && (
                <span aria-hidden="true" className="text-muted">
                  ›
                </span>
              )}
              {current || !crumb.href ? (
                <span aria-current={current ? 'page' : undefined} className={current ? 'text-ink' : undefined}>
                  {crumb.label}
                </span>
              ) : (
                <Link href={crumb.href}>{crumb.label}</Link>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
