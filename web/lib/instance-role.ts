// Which paths an instance serves, by its role (PORTAL_ROLE, web/lib/env.ts). A public instance
// holds no signing key and must not be a way into the back office either: it serves neither the
// staff pages (/admin, their server actions and /admin/api) nor the exchange API, so nothing there
// can sign, write or even be probed. The request proxy (web/proxy.ts) answers these paths 404.
import type { PortalRole } from '@shared/certificates/key-ring-file'

const STAFF_ONLY_PREFIXES = ['/admin', '/api/exchange'] as const

/** True for /admin, /api/exchange and everything under them (not /administration, /api/exchanges). */
export function isStaffOnlyPath(pathname: string): boolean {
  return STAFF_ONLY_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
}

/** False when an instance of this role must answer the path with 404. */
export function servesPath(role: PortalRole, pathname: string): boolean {
  return role !== 'public' || !isStaffOnlyPath(pathname)
}
