// 工作台: a plain landing with links to the areas the account's role may open (the dashboard
// replaces this body with the work queue and counts).
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { STAFF_ROLE_LABELS } from '@shared/domain/enums'
import { PERMISSION_LABELS, permissionsOf } from '@shared/staff/permissions'
import { navigationFor } from '@web/lib/staff/navigation'
import { requireActor } from '@web/lib/staff/session'
import { StaffHomeDashboard } from '@web/components/admin/dashboard/staff-home-dashboard'

export const metadata: Metadata = { title: '工作台' }

export default function AdminHomePage() {
  return (
    <Suspense fallback={<h1 className="text-2xl font-bold text-brand-900">工作台</h1>}>
      <Home />
    </Suspense>
  )
}

async function Home() {
  const actor = await requireActor()
  const areas = navigationFor(actor.role).filter((item) => item.href !== '/admin')
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">工作台</h1>
      <p className="mt-2 text-muted">
        {actor.displayName}，您的角色是{STAFF_ROLE_LABELS[actor.role]}，可以：{permissionsOf(actor.role).map((p) => PERMISSION_LABELS[p]).join('；')}。
      </p>
      <StaffHomeDashboard actor={actor} />
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {areas.map((item) => (
          <li key={item.href} className="rounded border border-line p-4">
            <Link href={item.href} className="text-lg font-bold text-brand-700 underline-offset-4 hover:underline">
              {item.label}
            </Link>
            <p className="mt-1 text-sm text-muted">{item.description}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
