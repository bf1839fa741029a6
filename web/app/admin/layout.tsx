// The back office's frame: a bar with the navigation the account's role may open, the signed-in
// user's name, role and authority, and sign-out. It appears only for an ACTIVE session, so the
// sign-in steps (which an ACTIVE session never sees: they send it on to /admin) show no
// navigation without living in a route group of their own, and every back-office page added
// under /admin gets the bar wherever it sits.
// A public instance (PORTAL_ROLE=public) has no back office: every page under /admin is the
// not-found page there (the request proxy answers them 404 before they get here; this gate holds
// when it does not). The role is read per request, not baked into the prerendered shell.
import { Suspense, type ReactNode } from 'react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { StaffBar } from '@web/components/admin/staff-bar'
import { env } from '@web/lib/env'
import { servesPath } from '@web/lib/instance-role'

export const metadata: Metadata = { title: { default: '工作人员', template: '%s | 工作人员' }, robots: { index: false, follow: false } }

async function StaffInstanceOnly({ children }: { children: ReactNode }) {
  await connection()
  if (!servesPath(env.PORTAL_ROLE, '/admin')) notFound()
  return children
}

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <StaffInstanceOnly>
        <div className="space-y-6">
          <Suspense fallback={null}>
            <StaffBar />
          </Suspense>
          {children}
        </div>
      </StaffInstanceOnly>
    </Suspense>
  )
}
