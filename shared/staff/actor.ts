// The staff member a use case acts for: resolved from the session by the web layer (never taken
// from request input) and passed to every back-office use case, which checks the permission and
// the region with web/server/staff/authorize.ts.
import type { StaffRole } from '../domain/enums'

export interface Actor {
  userId: string
  username: string
  displayName: string
  role: StaffRole
  /** the authority the account belongs to; null for an account without one (none may act on data) */
  authorityId: string | null
  /** the authority's region (GB/T 2260) */
  regionCode: string | null
  /** the regions the actor may act for: every region for the province's authority */
  regions: 'ALL' | readonly string[]
  /** the client address of the request, for the audit log */
  clientIp: string | null
}

/** The regions an account of `role` at an authority of `regionCode` acts for. */
export function regionsOf(role: StaffRole, regionCode: string | null, provinceCode: string): Actor['regions'] {
  if (role === 'PROVINCE_ADMIN' || role === 'AUDITOR') return 'ALL'
  if (regionCode === null) return []
  return regionCode === provinceCode ? 'ALL' : [regionCode]
}

/** True when the actor may act for `regionCode`. */
export function actsFor(actor: Pick<Actor, 'regions'>, regionCode: string): boolean {
  return actor.regions === 'ALL' || actor.regions.includes(regionCode)
}
