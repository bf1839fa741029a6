'use client'
// Client only for usePathname: marks the current section with aria-current for screen readers.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { isActiveNavigationItem, type NavigationItem } from '@web/lib/navigation'

export function MainNavigation({ items }: { items: readonly NavigationItem[] }) {
  return <NavigationList items={items} pathname={usePathname()} />
}

/** The same links without the current-page mark: the prerendered shell of dynamic routes. */
export function StaticNavigation({ items }: { items: readonly NavigationItem[] }) {
  return <NavigationList items={items} pathname={null} />
}

function NavigationList({ items, pathname }: { items: readonly NavigationItem[]; pathname: string | null }) {
  return (
    <nav aria-label="主导航" data-print="hide" className="bg-brand-900">
      <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 whitespace-nowrap sm:flex-wrap sm:px-4">
        {items.map((item) => {
          const active = pathname !== null && isActiveNavigationItem(item, pathname)
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-4 px-3 py-2 text-base text-white no-underline hover:bg-brand-800 hover:text-white ${
                  active ? 'border-seal font-bold' : 'border-transparent'
                }`}
              >
                {item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
