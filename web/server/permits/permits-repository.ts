// Construction permits (施工许可) as the public sees them: the only code that reads them from
// the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { amount, isoDate } from '@web/server/lib/values'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { dateRange } from '@web/server/lib/query-params'
import { normalizeCode } from '@shared/validators/normalize'
import { containsText } from '@web/server/lib/text-search'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { PERMIT_ORDER, type PermitFilters, type PermitListQuery } from './permit-queries'
import type { PermitDetail, PermitListItem } from './permits-schemas'

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
} satisfies Prisma.ConstructionPermitSelect

type ListRow = Prisma.ConstructionPermitGetPayload<{ select: typeof listSelect }>

const detailSelect = {
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
      ...listSelect.project.select,
      address: true,
      owner: { select: { name: true, uscc: true } },
      participants: {
        where: { role: { in: ['SURVEY', 'DESIGN'] } },
        orderBy: { id: 'asc' },
        select: { role: true, enterprise: { select: { name: true, uscc: true } } },
      },
    },
  },
} satisfies Prisma.ConstructionPermitSelect

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

const projectTokens = (t: TokenFilter) => ({ project: { searchTokens: t } })
const contractorTokens = (t: TokenFilter) => ({ contractor: { searchTokens: t } })

/** The list's `where` for these filters; the site search uses it too, so its totals match the list's. */
export function permitWhere(filters: PermitFilters, matches?: SearchMatches): Prisma.ConstructionPermitWhereInput {
  const q = filters.q
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
            byIds(
              matches?.projects,
              (f) => ({ projectId: f }),
              () =>
                indexedContains<Prisma.ConstructionPermitWhereInput>([
                  { term: q!, tokens: projectTokens, text: (f) => ({ project: { name: f } }) },
                  { term: normalizeCode(q!), tokens: projectTokens, text: (f) => ({ project: { projectCode: f } }) },
                ]),
            ),
            byIds(
              matches?.enterpriseNames,
              (f) => ({ contractorId: f }),
              () => indexedContains<Prisma.ConstructionPermitWhereInput>([{ term: q!, tokens: contractorTokens, text: (f) => ({ contractor: { name: f } }) }]),
            ),
          ],
        }
      : {}),
  }
}

const newestFirst = [{ issuedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.ConstructionPermitOrderByWithRelationInput[]

export function createPermitsRepository(db: Db) {
  return {
    async listPermits(query: PermitListQuery): Promise<KeysetPage<PermitListItem>> {
      const where = permitWhere(query, await findSearchMatches(db, query.q))
      return keysetPage({
        order: PERMIT_ORDER,
        query,
        find: (read) => db.constructionPermit.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: listSelect, skip: read.skip, take: read.take }),
        count: (take) => db.constructionPermit.count({ where, take }),
        keyOf: (row) => ({ value: row.issuedOn, id: row.id }),
        map: (rows) => rows.map(toListItem),
      })
    },

    /** `batchSize`: rows per query (default 1,000). */
    exportPermits(filters: PermitFilters, batchSize?: number): AsyncGenerator<PermitListItem[]> {
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
          batchSize,
        ),
        toListItem,
      )
    },

    async findPermit(permitNumber: string): Promise<PermitDetail | null> {
      const row = await db.constructionPermit.findUnique({ where: { permitNumber }, select: detailSelect })
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
        certificate: row.certificate ? { ...row.certificate, statusChangedAt: isoDate(row.certificate.statusChangedAt) } : null,
      }
    },
  }
}
