// The back office's project list: only the actor's regions, searched by project code or name,
// filtered by the furthest stage reached (ACTIVE records), newest registration first.
import type { Db } from '@db/client'
import type { AdminProjectQuery } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffProjectsRepository } from './staff-projects-repository'
import { staffSearchTerm } from '@web/server/staff/staff-search'

export const STAFF_PROJECTS_PAGE_SIZE = 20

export async function listStaffProjects(db: Db, actor: Actor, query: AdminProjectQuery) {
  authorize(actor, 'workspace.read')
  const { total, rows } = await createStaffProjectsRepository(db).listInRegion(actor, { ...query, q: staffSearchTerm(query.q) }, STAFF_PROJECTS_PAGE_SIZE)
  return {
    total,
    page: query.page,
    pageSize: STAFF_PROJECTS_PAGE_SIZE,
    items: rows.map((r) => {
      const c = r._count
      const reached = c.completionFilings ? 5 : c.permits ? 4 : c.supervisionFilings ? 3 : c.drawingReviews ? 2 : c.contractFilings ? 1 : 0
      return { projectCode: r.projectCode, name: r.name, regionName: r.region.name, ownerName: r.owner.name, registeredOn: isoDate(r.registeredOn), stagesDone: reached }
    }),
  }
}
export type StaffProjectList = Awaited<ReturnType<typeof listStaffProjects>>
