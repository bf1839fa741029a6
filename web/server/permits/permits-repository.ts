// Construction permits (施工许可) as the public sees them.
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { amount, isoDate } from '@web/server/lib/values'
import { skipTake, toPage, type Page } from '@web/server/lib/pagination'
import { dateRange } from '@web/server/lib/query-params'
import { containsText } from '@web/server/lib/text-search'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import type { PermitFilters, PermitListQuery } from './permit-queries'

export interface PermitListItem {
  permitNumber: string
  projectCode: string
  projectName: string
  category: 'BUILDING' | 'MUNICIPAL'
  regionCode: string
  regionName: string
  contractorName: string
  contractorUscc: string
  issuedOn: string
  /** 万元 */
  contractPrice: number
  floorArea: number | null
  status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED'
}

export interface PermitDetail extends PermitListItem {
  address: string
  scale: string
  plannedStartOn: string
  plannedEndOn: string
  authorityName: string
  owner: { name: string; uscc: string }
  survey: { name: string; uscc: string }[]
  design: { name: string; uscc: string }[]
  supervisor: { name: string; uscc: string } | null
  projectManager: { id: string; name: string }
  chiefSupervisor: { id: string; name: string } | null
  revokedOn: string | null
  revocationReason: string | null
  certificate: { serial: string; status: string; statusChangedAt: string | null; statusReason: string | null } | null
}

const listSelect = {
  id: true,
  permitNumber: true,
  issuedOn: true,
  contractPrice: true,
  floorArea: true,
  status: true,
  regionCode: true,
  region: { select: { name: true } },
  project: { select: { projectCode: true, name: true, category: true } },
  contractor: { select: { name: true, uscc: true } },
} as const

type ListRow = {
  id: string
  permitNumber: string
  issuedOn: Date
  contractPrice: { toString(): string }
  floorArea: number | null
  status: PermitListItem['status']
  regionCode: string
  region: { name: string }
  project: { projectCode: string; name: string; category: PermitListItem['category'] }
  contractor: { name: string; uscc: string }
}

function toListItem(row: ListRow): PermitListItem {
  return {
    permitNumber: row.permitNumber,
    projectCode: row.project.projectCode,
    projectName: row.project.name,
    category: row.project.category,
    regionCode: row.regionCode,
    regionName: row.region.name,
    contractorName: row.contractor.name,
    contractorUscc: row.contractor.uscc,
    issuedOn: isoDate(row.issuedOn),
    contractPrice: amount(row.contractPrice),
    floorArea: row.floorArea,
    status: row.status,
  }
}

export function permitWhere(filters: PermitFilters) {
  const issuedOn = dateRange(filters)
  return {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(filters.category ? { project: { category: filters.category } } : {}),
    ...(filters.q
      ? {
          OR: [
            containsText(filters.q.toUpperCase(), (f) => ({ permitNumber: f })),
            containsText(filters.q, (f) => ({ project: { name: f } })),
            { project: { projectCode: filters.q } },
            containsText(filters.q, (f) => ({ contractor: { name: f } })),
          ],
        }
      : {}),
  }
}

const newestFirst = [{ issuedOn: 'desc' as const }, { id: 'desc' as const }]

export function createPermitsRepository(db: Db) {
  return {
    async listPermits(query: PermitListQuery): Promise<Page<PermitListItem>> {
      const where = permitWhere(query)
      const [rows, total] = await Promise.all([
        db.constructionPermit.findMany({ where, orderBy: newestFirst, select: listSelect, ...skipTake(query) }),
        db.constructionPermit.count({ where }),
      ])
      return toPage(rows.map(toListItem), total, query)
    },

    exportPermits(filters: PermitFilters): AsyncGenerator<PermitListItem[]> {
      const where = permitWhere(filters)
      return mapBatches(
        keysetBatches(
          (after, take) =>
            db.constructionPermit.findMany({
              where: { AND: [where, afterCursorWhere('issuedOn', after)] },
              orderBy: newestFirst,
              select: listSelect,
              take,
            }),
          (row) => ({ date: row.issuedOn, id: row.id }),
        ),
        toListItem,
      )
    },

    async getPermit(permitNumber: string): Promise<PermitDetail | null> {
      const row = await db.constructionPermit.findUnique({
        where: { permitNumber },
        select: {
          ...listSelect,
          scale: true,
          plannedStartOn: true,
          plannedEndOn: true,
          revokedOn: true,
          revocationReason: true,
          authority: { select: { name: true } },
          supervisor: { select: { name: true, uscc: true } },
          projectManager: { select: { id: true, name: true } },
          chiefSupervisor: { select: { id: true, name: true } },
          certificate: { select: { serial: true, status: true, statusChangedAt: true, statusReason: true } },
          project: {
            select: {
              projectCode: true,
              name: true,
              category: true,
              address: true,
              owner: { select: { name: true, uscc: true } },
              participants: {
                where: { role: { in: ['SURVEY', 'DESIGN'] } },
                orderBy: { id: 'asc' },
                select: { role: true, enterprise: { select: { name: true, uscc: true } } },
              },
            },
          },
        },
      })
      if (!row) return null
      const byRole = (role: 'SURVEY' | 'DESIGN') => row.project.participants.filter((p) => p.role === role).map((p) => p.enterprise)
      return {
        ...toListItem(row),
        address: row.project.address,
        scale: row.scale,
        plannedStartOn: isoDate(row.plannedStartOn),
        plannedEndOn: isoDate(row.plannedEndOn),
        authorityName: row.authority.name,
        owner: row.project.owner,
        survey: byRole('SURVEY'),
        design: byRole('DESIGN'),
        supervisor: row.supervisor,
        projectManager: row.projectManager,
        chiefSupervisor: row.chiefSupervisor,
        revokedOn: isoDate(row.revokedOn),
        revocationReason: row.revocationReason,
        certificate: row.certificate
          ? { ...row.certificate, statusChangedAt: isoDate(row.certificate.statusChangedAt) }
          : null,
      }
    },
  }
}

export const listPermits = (query: PermitListQuery) => createPermitsRepository(getDb()).listPermits(query)
export const exportPermits = (filters: PermitFilters) => createPermitsRepository(getDb()).exportPermits(filters)
export const getPermit = (permitNumber: string) => createPermitsRepository(getDb()).getPermit(permitNumber)
