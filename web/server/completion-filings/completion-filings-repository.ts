// Completion-acceptance filings (竣工验收备案) as the public sees them: the only code that reads
// them from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { normalizeCode } from '@shared/validators/normalize'
import { amount, isoDate } from '@web/server/lib/values'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { dateRange } from '@web/server/lib/query-params'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { containsText } from '@web/server/lib/text-search'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, findPartyProjects, findSearchMatches, type IdMatch, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { COMPLETION_FILING_ORDER, type CompletionFilingFilters, type CompletionFilingListQuery } from './completion-filing-queries'
import type { CompletionFilingDetail, CompletionFilingListItem } from './completion-filings-schemas'

const enterpriseSelect = { select: { name: true, uscc: true } } satisfies Prisma.EnterpriseDefaultArgs

const listSelect = {
  id: true,
  filingNumber: true,
  acceptedOn: true,
  filedOn: true,
  actualCost: true,
  actualArea: true,
  status: true,
  regionCode: true,
  region: { select: { name: true } },
  project: {
    select: {
      projectCode: true,
      name: true,
      category: true,
      owner: enterpriseSelect,
      // no orderBy here: Prisma 7 then binds one parameter per row and a 1,000-row export batch
      // exceeds SQLite's limit; rows are put in id order in toListItem instead
      participants: {
        where: { role: 'CONTRACTOR' },
        select: { id: true, enterprise: enterpriseSelect },
      },
    },
  },
} satisfies Prisma.CompletionFilingSelect

type ListRow = Prisma.CompletionFilingGetPayload<{ select: typeof listSelect }>

const detailSelect = {
  ...listSelect,
  revokedOn: true,
  revocationReason: true,
  authority: { select: { name: true } },
  certificate: { select: { serial: true, status: true, statusChangedAt: true, statusReason: true } },
  project: {
    select: {
      ...listSelect.project.select,
      address: true,
      participants: {
        where: { role: { in: ['SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR'] } },
        orderBy: { id: 'asc' },
        select: { id: true, role: true, enterprise: enterpriseSelect },
      },
      permits: {
        orderBy: [{ issuedOn: 'asc' }, { id: 'asc' }],
        select: { permitNumber: true, issuedOn: true, status: true },
      },
    },
  },
} satisfies Prisma.CompletionFilingSelect

function toListItem(row: ListRow): CompletionFilingListItem {
  return {
    filingNumber: row.filingNumber,
    projectCode: row.project.projectCode,
    projectName: row.project.name,
    category: row.project.category,
    regionCode: row.regionCode,
    regionName: row.region.name,
    ownerName: row.project.owner.name,
    ownerUscc: row.project.owner.uscc,
    contractors: [...row.project.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.enterprise),
    acceptedOn: isoDate(row.acceptedOn),
    filedOn: isoDate(row.filedOn),
    actualCost: amount(row.actualCost),
    actualArea: row.actualArea,
    status: row.status,
  }
}

const projectTokens = (t: TokenFilter) => ({ project: { searchTokens: t } })
const ownerTokens = (t: TokenFilter) => ({ project: { owner: { searchTokens: t } } })
// each token may come from another contractor of the project; the name test after it is exact
const contractorTokens = (t: TokenFilter) => ({ project: { participants: { some: { role: 'CONTRACTOR' as const, enterprise: { searchTokens: t } } } } })

/** The list's `where` for these filters; the site search uses it too, so its totals match the list's. */
/** `parties`: findPartyProjects for the same term, when known (the owner and contractor branches then filter on projectId). */
export function completionFilingWhere(filters: CompletionFilingFilters, matches?: SearchMatches, parties?: IdMatch): Prisma.CompletionFilingWhereInput {
  const q = filters.q
  const filedOn = dateRange(filters)
  const code = filters.q ? normalizeCode(filters.q) : undefined
  return {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filedOn ? { filedOn } : {}),
    ...(filters.category ? { project: { category: filters.category } } : {}),
    ...(filters.q
      ? {
          OR: [
            containsText(code!, (f) => ({ filingNumber: f })),
            byIds(
              matches?.projects,
              (f) => ({ projectId: f }),
              () =>
                indexedContains<Prisma.CompletionFilingWhereInput>([
                  { term: q!, tokens: projectTokens, text: (f) => ({ project: { name: f } }) },
                  { term: code!, tokens: projectTokens, text: (f) => ({ project: { projectCode: f } }) },
                ]),
            ),
            // owners and contractors: their projects' ids when known, else through the project
            byIds<Prisma.CompletionFilingWhereInput>(
              parties,
              (f) => ({ projectId: f }),
              () => ({
                OR: [
                  byIds<Prisma.CompletionFilingWhereInput>(
                    matches?.enterpriseNames,
                    (f) => ({ project: { ownerId: f } }),
                    () => indexedContains<Prisma.CompletionFilingWhereInput>([{ term: q!, tokens: ownerTokens, text: (f) => ({ project: { owner: { name: f } } }) }]),
                  ),
                  byIds<Prisma.CompletionFilingWhereInput>(
                    matches?.enterpriseNames,
                    (f) => ({ project: { participants: { some: { role: 'CONTRACTOR', enterpriseId: f } } } }),
                    () =>
                      indexedContains<Prisma.CompletionFilingWhereInput>([
                        {
                          term: q!,
                          tokens: contractorTokens,
                          text: (f) => ({ project: { participants: { some: { role: 'CONTRACTOR', enterprise: { name: f } } } } }),
                        },
                      ]),
                  ),
                ],
              }),
            ),
          ],
        }
      : {}),
  }
}

const newestFirst = [{ filedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.CompletionFilingOrderByWithRelationInput[]

export function createCompletionFilingsRepository(db: Db) {
  return {
    async listCompletionFilings(query: CompletionFilingListQuery): Promise<KeysetPage<CompletionFilingListItem>> {
      const matches = await findSearchMatches(db, query.q)
      const where = completionFilingWhere(query, matches, await findPartyProjects(db, matches))
      return keysetPage({
        order: COMPLETION_FILING_ORDER,
        query,
        find: (read) => db.completionFiling.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: listSelect, skip: read.skip, take: read.take }),
        count: (take) => db.completionFiling.count({ where, take }),
        keyOf: (row) => ({ value: row.filedOn, id: row.id }),
        map: (rows) => rows.map(toListItem),
      })
    },

    /** `batchSize`: rows per query (default 1,000). */
    exportCompletionFilings(filters: CompletionFilingFilters, batchSize?: number): AsyncGenerator<CompletionFilingListItem[]> {
      const where = completionFilingWhere(filters)
      return mapBatches(
        keysetBatches(
          (after, take) =>
            db.completionFiling.findMany({
              where: { AND: [where, afterCursorWhere('filedOn', after)] },
              orderBy: newestFirst,
              select: listSelect,
              take,
            }),
          (row) => ({ date: row.filedOn, id: row.id }),
          batchSize,
        ),
        toListItem,
      )
    },

    async findCompletionFiling(filingNumber: string): Promise<CompletionFilingDetail | null> {
      const row = await db.completionFiling.findUnique({ where: { filingNumber }, select: detailSelect })
      if (!row) return null
      const byRole = (role: 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR') =>
        row.project.participants.filter((p) => p.role === role).map((p) => p.enterprise)
      return {
        ...toListItem({ ...row, project: { ...row.project, participants: row.project.participants.filter((p) => p.role === 'CONTRACTOR') } }),
        address: row.project.address,
        authorityName: row.authority.name,
        survey: byRole('SURVEY'),
        design: byRole('DESIGN'),
        supervisors: byRole('SUPERVISOR'),
        permits: row.project.permits.map((p) => ({ permitNumber: p.permitNumber, issuedOn: isoDate(p.issuedOn), status: p.status })),
        revokedOn: isoDate(row.revokedOn),
        revocationReason: row.revocationReason,
        certificate: row.certificate
          ? { ...row.certificate, statusChangedAt: isoDate(row.certificate.statusChangedAt) }
          : null,
      }
    },
  }
}
