// What the back office's home shows for an officer or reviewer ('workspace.read'): the work queue
// of its regions and their counts this month and year. Other roles see nothing here (their areas
// are linked from the navigation).
import type { Actor } from '@shared/staff/actor'
import { regionByCode } from '@shared/regions/hainan'
import { can } from '@shared/staff/permissions'
import { getDb } from '@web/lib/db'
import { getOfficerDashboard } from '@web/server/dashboard/get-officer-dashboard'
import { OfficerDashboardView } from './officer-dashboard'

export async function StaffHomeDashboard({ actor }: { actor: Actor }) {
  if (!can(actor.role, 'workspace.read')) return null
  const dashboard = await getOfficerDashboard(getDb(), actor)
  const regionLabel =
    dashboard.regions === 'ALL' ? '全省' : dashboard.regions.map((code) => regionByCode(code)?.name ?? code).join('、')
  return <OfficerDashboardView dashboard={dashboard} regionLabel={regionLabel} />
}
