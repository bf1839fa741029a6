// Projects as the back office reads them: one project with every stage record (ACTIVE or not) and
// its certificates, and the region-limited list with its stage filter and search.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { AdminProjectQuery } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { containsText, startsWithText } from '@web/server/lib/text-search'
import { regionWhere } from '@web/server/staff/authorize'
import { isLookupKey } from '@web/server/lib/database-text'

const certificateSelect = { select: { serial: true, status: true, issuedOn: true, statusReason: true } } as const
const nameUscc = { select: { name: true, uscc: true } } as const
const person = { select: { id: true, name: true } } as const

const staffProjectSelect = {
  id: true,
  projectCode: true,
  name: true,
  address: true,
  regionCode: true,
  category: true,
  floorArea: true,
  investment: true,
  registeredOn: true,
  region: { select: { name: true } },
  owner: nameUscc,
  participants: { select: { role: true, enterprise: nameUscc }, orderBy: { role: 'asc' } },
  keyPeople: { select: { role: true, person } },
  contractFilings: {
    select: { id: true, filingNumber: true, partyRole: true, party: nameUscc, contractPrice: true, signedOn: true, filedOn: true, status: true },
    orderBy: [{ filedOn: 'asc' }, { id: 'asc' }],
  },
  drawingReviews: {
    select: { id: true, certificateNumber: true, reviewAgency: true, result: true, issueCount: true, passedOn: true, status: true },
    orderBy: [{ passedOn: 'asc' }, { id: 'asc' }],
  },
  supervisionFilings: { select: { id: true, filingNumber: true, supervisionStation: true, filedOn: true, status: true }, orderBy: [{ filedOn: 'asc' }, { id: 'asc' }] },
  permits: {
    select: {
      id: true,
      permitNumber: true,
      issuedOn: true,
      scale: true,
      floorArea: true,
      contractPrice: true,
      plannedStartOn: true,
      plannedEndOn: true,
      status: true,
      revocationReason: true,
      contractor: nameUscc,
      supervisor: nameUscc,
      // the ids prefill the correction form's pickers
      projectManager: person,
      chiefSupervisor: person,
      certificate: certificateSelect,
    },
    orderBy: [{ issuedOn: 'asc' }, { id: 'asc' }],
  },
  completionFilings: {
    select: { id: true, filingNumber: true, acceptedOn: true, filedOn: true, actualCost: true, actualArea: true, status: true, revocationReason: true, certificate: certificateSelect },
    orderBy: [{ filedOn: 'asc' }, { id: 'asc' }],
  },
} satisfies Prisma.ProjectSelect

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

const listSelect = {
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

export function createStaffProjectsRepository(db: Db) {
  return {
    /** The project by its code, whatever its region: the caller checks the region. */
    async findByCode(projectCode: string) {
      if (!isLookupKey(projectCode)) return null
      return db.project.findUnique({ where: { projectCode }, select: staffProjectSelect })
    },

    /** A page of the actor's projects, searched by project code (prefix) or name, newest registration first. */
    async listInRegion(actor: Actor, query: AdminProjectQuery, pageSize: number) {
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
          select: listSelect,
          orderBy: [{ registeredOn: 'desc' }, { id: 'desc' }],
          skip: (query.page - 1) * pageSize,
          take: pageSize,
        }),
      ])
      return { total, rows }
    },
  }
}
