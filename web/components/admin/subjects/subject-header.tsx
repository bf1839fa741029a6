// The heading of a subject's back-office page (an enterprise, a practitioner): its name, a line of
// facts and the link to its public page.
import type { Route } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'

export function SubjectHeader({ name, publicHref, children }: { name: string; publicHref: Route; children: ReactNode }) {
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold text-brand-900">{name}</h1>
      <p className="text-slate-700">
        {children} ·{' '}
        <Link href={publicHref} className="text-brand-800 underline">
          公开页面
        </Link>
      </p>
    </header>
  )
}
