// The back office's frame: a bar with the navigation the account's role may open, the signed-in
// user's name, role and authority, and sign-out. It appears only for an ACTIVE session, so the
// sign-in steps (which an ACTIVE session never sees: they send it on to /admin) show no
// navigation without living in a route group of their own, and every back-office page added
// under /admin gets the bar wherever it sits.
import { Suspense, type ReactNode } from 'react'
import type { Metadata } from 'next'
import { StaffBar } from '@web/components/admin/staff-bar'

export const metadata: Metadata = { title: { default: '工作人员', template: '%s | 工作人员' }, robots: { index: false, follow: false } }

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <Suspense fallback={null}>
        <StaffBar />
      </Suspense>
      {children}
    </div>
  )
}
