// The back office's project list: only the actor's regions, searched by project code or name,
// filtered by the furthest stage reached (ACTIVE records), newest registration first.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { AdminProjectQuery } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { isoDate } from '@web/server/lib/values'
import { authorize, regionWhere } from '@web/server/staff/authorize'
import { containsText, startsWithText } from '@web/server/lib/text-search'

export const STAFF_PROJECTS_PAGE_SIZE = 20

const active = { some: { status: 'ACTIVE' as const } }
const none = { none: { status: 'ACTIVE' as const } }

/** Projects whose furthest ACTIVE stage is `stage` ('NONE': registered, nothing filed). */
function stageWhere(stage: AdminProjectQuery['stage']): Prisma.ProjectWhereInput {
  switch (stage) {
    case 'NONE':
      return { contractFilings: none }
    case 'CONTRACT_FILING':
      return { contractFilings: active, drawingReviews: none }
    case 'DRAWING_REVIEW':
      return { drawingReviews: active, supervisionFilings: none }
    case 'SUPERVISION_FILING':
      return { supervisionFilings: active, permits: none }
    case 'CONSTRUCTION_PERMIT':
      return { permits: active, completionFilings: none }
    case 'COMPLETION_FILING':
      return { completionFilings: active }
    default:
      return {}
  }
}

const rowSelect = {
  projectCode: true,
  name: true,
  regionCode: true,
  registeredOn: true,
  region: { select: { name: true } },
  owner: { select: { name: true } },
  _count: {
    select: {
      contractFilings: { where: { status: 'ACTIVE' } },
      drawingReviews: { where: { status: 'ACTIVE' } },
      supervisionFilings: { where: { status: 'ACTIVE' } },
      permits: { where: { status: 'ACTIVE' } },
      completionFilings: { where: { status: 'ACTIVE' } },
    },
  },
} satisfies Prisma.ProjectSelect

export async function listStaffProjects(db: Db, actor: Actor, query: AdminProjectQuery) {
  authorize(actor, 'workspace.read')
  const q = query.q?.trim()
  const where: Prisma.ProjectWhereInput = {
    ...regionWhere(actor, 'regionCode'),
    ...stageWhere(query.stage),
    ...(q ? { OR: [startsWithText(q.toUpperCase(), (f) => ({ projectCode: f })), containsText(q, (f) => ({ name: f }))] } : {}),
  }
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      select: rowSelect,
      orderBy: [{ registeredOn: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * STAFF_PROJECTS_PAGE_SIZE,
      take: STAFF_PROJECTS_PAGE_SIZE,
    }),
  ])
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
