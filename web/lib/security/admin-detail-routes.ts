// The back-office detail pages whose object the proxy looks up (for the signed-in staff member)
// before rendering, so that a missing object, or another region's, answers HTTP 404. Keep in step
// with the dynamic segments under web/app/admin.
import type { StaffDetailKind } from '@web/server/detail-pages/staff-detail-hidden'

export interface AdminDetailRouteMatch {
  kind: StaffDetailKind
  /** the path segment as sent (still percent-encoded), as the page receives it */
  rawParam: string
}

const ROUTES: ReadonlyArray<{ prefix: string; kind: StaffDetailKind; reserved: readonly string[] }> = [
  // the static routes beside each dynamic one (a form, a download, the upload endpoint)
  { prefix: '/admin/enterprises/', kind: 'enterprise', reserved: ['new'] },
  { prefix: '/admin/practitioners/', kind: 'practitioner', reserved: ['new'] },
  { prefix: '/admin/projects/', kind: 'project', reserved: ['new'] },
  { prefix: '/admin/records/', kind: 'record', reserved: ['new'] },
  { prefix: '/admin/objections/', kind: 'objection', reserved: [] },
  { prefix: '/admin/imports/', kind: 'import-job', reserved: ['template', 'upload'] },
]

/** The back-office detail page a path is, or null: one segment after the prefix (an optional trailing slash). */
export function matchAdminDetailRoute(pathname: string): AdminDetailRouteMatch | null {
  if (!pathname.startsWith('/admin/')) return null
  for (const route of ROUTES) {
    if (!pathname.startsWith(route.prefix)) continue
    const rest = pathname.slice(route.prefix.length).replace(/\/$/, '')
    if (rest === '' || rest.includes('/') || route.reserved.includes(rest)) return null
    return { kind: route.kind, rawParam: rest }
  }
  return null
}
