// Completion-acceptance filings (竣工验收备案) as the public sees them.
import { normalizeCode } from '@shared/validators/normalize'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { amount, isoDate } from '@web/server/lib/values'
import { skipTake, toPage, type Page } from '@web/server/lib/pagination'
import { dateRange } from '@web/server/lib/query-params'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import type { CompletionFilingFilters, CompletionFilingListQuery } from './completion-filing-queries'
import { containsText } from '@web/server/lib/text-search'

type EnterpriseRef = { name: string; uscc: string }

export interface CompletionFilingListItem {
  filingNumber: string
  projectCode: string
  projectName: string
  category: 'BUILDING' | 'MUNICIPAL'
  regionCode: string
  regionName: string
  ownerName: string
  ownerUscc: string
  /** 施工单位 of the project (usually one) */
  contractors: EnterpriseRef[]
  /** 竣工验收日期 */
  acceptedOn: string
  /** 备案日期 */
  filedOn: string
  /** 实际造价, 万元 */
  actualCost: number
  /** 实际建筑面积, m² (municipal works may have none) */
  actualArea: number | null
  status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED'
}

export interface CompletionFilingDetail extends CompletionFilingListItem {
  /** 建设地址 */
  address: string
  /** 备案机关 */
  authorityName: string
  survey: EnterpriseRef[]
  design: EnterpriseRef[]
  supervisors: EnterpriseRef[]
  /** the project's construction permits (对应施工许可证), oldest first; revoked ones included */
  permits: { permitNumber: string; issuedOn: string; status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED' }[]
  revokedOn: string | null
  revocationReason: string | null
  /** the printed certificate (备案证明) with its QR code */
  certificate: {
    serial: string
    status: 'VALID' | 'REVOKED' | 'SUPERSEDED' | 'EXPIRED'
    statusChangedAt: string | null
    statusReason: string | null
  } | null
}

const enterpriseSelect = { select: { name: true, uscc: true } } as const

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
        where: { role: 'CONTRACTOR' as const },
        select: { id: true, enterprise: enterpriseSelect },
      },
    },
  },
} as const

type ListRow = {
  id: string
  filingNumber: string
  acceptedOn: Date
  filedOn: Date
  actualCost: { toString(): string }
  actualArea: number | null
  status: CompletionFilingListItem['status']
  regionCode: string
  region: { name: string }
  project: {
    projectCode: string
    name: string
    category: CompletionFilingListItem['category']
    owner: EnterpriseRef
    participants: { id: string; enterprise: EnterpriseRef }[]
  }
}

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

export function completionFilingWhere(filters: CompletionFilingFilters) {
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
            containsText(filters.q, (f) => ({ project: { name: f } })),
            { project: { projectCode: code } },
            containsText(filters.q, (f) => ({ project: { owner: { name: f } } })),
            containsText(filters.q, (f) => ({ project: { participants: { some: { role: 'CONTRACTOR' as const, enterprise: { name: f } } } } })),
          ],
        }
      : {}),
  }
}

const newestFirst = [{ filedOn: 'desc' as const }, { id: 'desc' as const }]

export function createCompletionFilingsRepository(db: Db) {
  return {
    async listCompletionFilings(query: CompletionFilingListQuery): Promise<Page<CompletionFilingListItem>> {
      const where = completionFilingWhere(query)
      const [rows, total] = await Promise.all([
        db.completionFiling.findMany({ where, orderBy: newestFirst, select: listSelect, ...skipTake(query) }),
        db.completionFiling.count({ where }),
      ])
      return toPage(rows.map(toListItem), total, query)
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

    async getCompletionFiling(filingNumber: string): Promise<CompletionFilingDetail | null> {
      const row = await db.completionFiling.findUnique({
        where: { filingNumber },
        select: {
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
                where: { role: { in: ['SURVEY' as const, 'DESIGN' as const, 'CONTRACTOR' as const, 'SUPERVISOR' as const] } },
                orderBy: { id: 'asc' as const },
                select: { id: true, role: true, enterprise: enterpriseSelect },
              },
              permits: {
                orderBy: [{ issuedOn: 'asc' as const }, { id: 'asc' as const }],
                select: { permitNumber: true, issuedOn: true, status: true },
              },
            },
          },
        },
      })
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

export const listCompletionFilings = (query: CompletionFilingListQuery) => createCompletionFilingsRepository(getDb()).listCompletionFilings(query)
export const exportCompletionFilings = (filters: CompletionFilingFilters) => createCompletionFilingsRepository(getDb()).exportCompletionFilings(filters)
export const getCompletionFiling = (filingNumber: string) => createCompletionFilingsRepository(getDb()).getCompletionFiling(filingNumber)
