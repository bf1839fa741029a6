// The newest disclosures: the home page's latest lists (5 each) and the RSS feeds (50 each).
// Lean selects — only what those show — and one query per list, no counts.
import type { RecordKind } from '@shared/domain/enums'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { amount, isoDate } from '@web/server/lib/values'
import type { ExposureSubject } from '@web/server/records/exposure-repository'
import { lastPublicDay, publicAtWhere } from '@web/server/records/publication-where'

export interface LatestPermit {
  permitNumber: string
  projectName: string
  projectCode: string
  regionName: string
  contractorName: string
  issuedOn: string
  /** 万元 */
  contractPrice: number
  /** m² */
  floorArea: number | null
}

export interface LatestCompletionFiling {
  filingNumber: string
  projectName: string
  projectCode: string
  regionName: string
  /** 竣工验收日期 */
  acceptedOn: string
  /** 备案日期 */
  filedOn: string
}

export interface LatestExposureEntry {
  id: string
  kind: RecordKind
  subject: ExposureSubject
  title: string
  description: string
  decisionNumber: string
  issuedBy: string
  decidedOn: string
  lastPublicDay: string
}

export interface LatestDisclosures {
  permits: LatestPermit[]
  completionFilings: LatestCompletionFiling[]
  exposure: LatestExposureEntry[]
}

export function createLatestRepository(db: Db) {
  const repository = {
    async latestPermits(take: number): Promise<LatestPermit[]> {
      const rows = await db.constructionPermit.findMany({
        orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
        take,
        select: {
          permitNumber: true,
          issuedOn: true,
          contractPrice: true,
          floorArea: true,
          region: { select: { name: true } },
          project: { select: { name: true, projectCode: true } },
          contractor: { select: { name: true } },
        },
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
        select: {
          filingNumber: true,
          acceptedOn: true,
          filedOn: true,
          region: { select: { name: true } },
          project: { select: { name: true, projectCode: true } },
        },
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
        select: {
          id: true,
          kind: true,
          title: true,
          description: true,
          decisionNumber: true,
          issuedBy: true,
          decidedOn: true,
          publishUntil: true,
          enterprise: { select: { name: true, uscc: true } },
          person: { select: { id: true, name: true } },
        },
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

export const latestPermits = (take: number) => createLatestRepository(getDb()).latestPermits(take)
export const latestCompletionFilings = (take: number) => createLatestRepository(getDb()).latestCompletionFilings(take)
export const latestExposureEntries = (take: number, asOf: Date) => createLatestRepository(getDb()).latestExposureEntries(take, asOf)
export const getLatestDisclosures = (asOf: Date, take?: number) => createLatestRepository(getDb()).getLatestDisclosures(asOf, take)
