import { Suspense } from 'react'
import Link from 'next/link'
import { mainNavigation } from '@web/lib/navigation'
import { site } from '@web/lib/site'
import { MainNavigation, StaticNavigation } from './main-navigation'

export function SiteHeader() {
  return (
    <header className="border-t-4 border-seal bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl items-center px-4 py-3 sm:py-4">
        <Link href="/" className="flex items-center gap-3 text-white no-underline hover:text-white">
          {/* plain <img>: next/image would ship client JS for a 1 kB SVG */}
          <img src="/logo.svg" alt="" width={44} height={44} className="h-10 w-10 shrink-0 sm:h-11 sm:w-11" />
          <span className="text-base leading-snug font-bold tracking-wide sm:text-2xl">{site.name}</span>
        </Link>
      </div>
      {/* the pathname of a dynamic route is known only at request time */}
      <Suspense fallback={<StaticNavigation items={mainNavigation} />}>
        <MainNavigation items={mainNavigation} />
      </Suspense>
    </header>
  )
}
