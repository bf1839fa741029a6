// The newest disclosures: the home page's latest lists (5 each) and the RSS feeds (50 each).
// Lean selects — only what those show — and one query per list, no counts.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { amount, isoDate } from '@web/server/lib/values'
import type { CompletionFilingListItem } from '@web/server/completion-filings/completion-filings-schemas'
import type { PermitListItem } from '@web/server/permits/permits-schemas'
import type { ExposureEntry } from '@web/server/records/exposure-schemas'
import { lastPublicDay, publicAtWhere } from '@web/server/records/publication-where'

// The latest lists show a few fields of what the full lists answer: the same fields, the same types.
export type LatestPermit = Pick<PermitListItem, 'permitNumber' | 'projectName' | 'projectCode' | 'regionName' | 'contractorName' | 'issuedOn' | 'contractPrice' | 'floorArea'>
export type LatestCompletionFiling = Pick<CompletionFilingListItem, 'filingNumber' | 'projectName' | 'projectCode' | 'regionName' | 'acceptedOn' | 'filedOn'>
export type LatestExposureEntry = Pick<ExposureEntry, 'id' | 'kind' | 'subject' | 'title' | 'description' | 'decisionNumber' | 'issuedBy' | 'decidedOn' | 'lastPublicDay'>

export interface LatestDisclosures {
  permits: LatestPermit[]
  completionFilings: LatestCompletionFiling[]
  exposure: LatestExposureEntry[]
}

const permitSelect = {
  permitNumber: true,
  issuedOn: true,
  contractPrice: true,
  floorArea: true,
  region: { select: { name: true } },
  project: { select: { name: true, projectCode: true } },
  contractor: { select: { name: true } },
} satisfies Prisma.ConstructionPermitSelect

const completionFilingSelect = {
  filingNumber: true,
  acceptedOn: true,
  filedOn: true,
  region: { select: { name: true } },
  project: { select: { name: true, projectCode: true } },
} satisfies Prisma.CompletionFilingSelect

const exposureSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  publishUntil: true,
  enterprise: { select: { name: true, uscc: true } },
  // never idNumber or phone
  person: { select: { id: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

export function createLatestRepository(db: Db) {
  const repository = {
    async latestPermits(take: number): Promise<LatestPermit[]> {
      const rows = await db.constructionPermit.findMany({
        orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
        take,
        select: permitSelect,
      })
      return rows.map((r) => ({
        permitNumber: r.permitNumber,
        projectName: r.project.name,
        projectCode: r.project.projectCode,
        regionName: r.region.name,
        contractorName: r.contractor.name,
        issuedOn: isoDate(r.issuedOn),
        contractPrice: amount(r.contractPrice),
        floorArea: r.floorArea,
      }))
    },

    async latestCompletionFilings(take: number): Promise<LatestCompletionFiling[]> {
      const rows = await db.completionFiling.findMany({
        orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
        take,
        select: completionFilingSelect,
      })
      return rows.map((r) => ({
        filingNumber: r.filingNumber,
        projectName: r.project.name,
        projectCode: r.project.projectCode,
        regionName: r.region.name,
        acceptedOn: isoDate(r.acceptedOn),
        filedOn: isoDate(r.filedOn),
      }))
    },

    /** The newest records on the exposure board on `asOf`'s day (see exposure-repository). */
    async latestExposureEntries(take: number, asOf: Date): Promise<LatestExposureEntry[]> {
      const rows = await db.integrityRecord.findMany({
        where: publicAtWhere(asOf),
        orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
        take,
        select: exposureSelect,
      })
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        subject: r.enterprise
          ? { type: 'ENTERPRISE' as const, name: r.enterprise.name, uscc: r.enterprise.uscc }
          : { type: 'PERSON' as const, id: r.person?.id ?? '', name: r.person?.name ?? '' },
        title: r.title,
        description: r.description,
        decisionNumber: r.decisionNumber,
        issuedBy: r.issuedBy,
        decidedOn: isoDate(r.decidedOn),
        lastPublicDay: lastPublicDay(r.publishUntil),
      }))
    },

    /** The home page's three lists, read in parallel. */
    async getLatestDisclosures(asOf: Date, take = 5): Promise<LatestDisclosures> {
      const [permits, completionFilings, exposure] = await Promise.all([
        repository.latestPermits(take),
        repository.latestCompletionFilings(take),
        repository.latestExposureEntries(take, asOf),
      ])
      return { permits, completionFilings, exposure }
    },
  }
  return repository
}
