// The site search: one term, five registers, the first few hits of each and how many there are.
// Each register is searched with the very `where` its own list uses for `q`, so "查看全部" (the
// list with ?q=) shows the same total, and the hits come in the list's own order. Person hits
// carry the name, the employer and registration numbers — never the ID number or phone.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { EnterpriseType, ProjectCategory, RegistrationType } from '@shared/domain/enums'
import { isoDate } from '@web/server/lib/values'
import { completionFilingWhere } from '@web/server/completion-filings/completion-filings-repository'
import { enterpriseWhere } from '@web/server/enterprises/enterprises-repository'
import { permitWhere } from '@web/server/permits/permits-repository'
import { practitionerWhere } from '@web/server/practitioners/practitioners-repository'
import { projectWhere } from '@web/server/projects/projects-repository'

export interface SearchSection<T> {
  total: number
  items: T[]
}

export interface PermitHit {
  permitNumber: string
  projectName: string
  regionName: string
  contractorName: string
  issuedOn: string
}

export interface CompletionFilingHit {
  filingNumber: string
  projectName: string
  projectCode: string
  regionName: string
  filedOn: string
}

export interface ProjectHit {
  projectCode: string
  name: string
  regionName: string
  category: ProjectCategory
}

export interface EnterpriseHit {
  uscc: string
  name: string
  type: EnterpriseType
  regionName: string
}

export interface PractitionerHit {
  id: string
  name: string
  employerName: string | null
  registrations: { type: RegistrationType; number: string }[]
}

export interface SiteSearchResults {
  q: string
  permits: SearchSection<PermitHit>
  completionFilings: SearchSection<CompletionFilingHit>
  projects: SearchSection<ProjectHit>
  enterprises: SearchSection<EnterpriseHit>
  practitioners: SearchSection<PractitionerHit>
}

const permitHitSelect = {
  permitNumber: true,
  issuedOn: true,
  region: { select: { name: true } },
  project: { select: { name: true } },
  contractor: { select: { name: true } },
} satisfies Prisma.ConstructionPermitSelect

const filingHitSelect = {
  filingNumber: true,
  filedOn: true,
  region: { select: { name: true } },
  project: { select: { name: true, projectCode: true } },
} satisfies Prisma.CompletionFilingSelect

const projectHitSelect = { projectCode: true, name: true, category: true, region: { select: { name: true } } } satisfies Prisma.ProjectSelect

const enterpriseHitSelect = { uscc: true, name: true, type: true, region: { select: { name: true } } } satisfies Prisma.EnterpriseSelect

const practitionerHitSelect = {
  id: true,
  name: true,
  employer: { select: { name: true } },
  registrations: { orderBy: { issuedOn: 'asc' }, take: 2, select: { type: true, number: true } },
} satisfies Prisma.PersonSelect

export function createSearchRepository(db: Db) {
  return {
    async searchSite(q: string, take = 5): Promise<SiteSearchResults> {
      const permits = permitWhere({ q })
      const filings = completionFilingWhere({ q })
      const projects = projectWhere({ q })
      const enterprises = enterpriseWhere({ q })
      const practitioners = practitionerWhere({ q })
      const [permitRows, permitTotal, filingRows, filingTotal, projectRows, projectTotal, enterpriseRows, enterpriseTotal, personRows, personTotal] =
        await Promise.all([
          db.constructionPermit.findMany({
            where: permits,
            orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
            take,
            select: permitHitSelect,
          }),
          db.constructionPermit.count({ where: permits }),
          db.completionFiling.findMany({
            where: filings,
            orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
            take,
            select: filingHitSelect,
          }),
          db.completionFiling.count({ where: filings }),
          db.project.findMany({
            where: projects,
            orderBy: [{ registeredOn: 'desc' }, { id: 'desc' }],
            take,
            select: projectHitSelect,
          }),
          db.project.count({ where: projects }),
          db.enterprise.findMany({
            where: enterprises,
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
            take,
            select: enterpriseHitSelect,
          }),
          db.enterprise.count({ where: enterprises }),
          db.person.findMany({
            where: practitioners,
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
            take,
            select: practitionerHitSelect,
          }),
          db.person.count({ where: practitioners }),
        ])
      return {
        q,
        permits: {
          total: permitTotal,
          items: permitRows.map((r) => ({
            permitNumber: r.permitNumber,
            projectName: r.project.name,
            regionName: r.region.name,
            contractorName: r.contractor.name,
            issuedOn: isoDate(r.issuedOn),
          })),
        },
        completionFilings: {
          total: filingTotal,
          items: filingRows.map((r) => ({
            filingNumber: r.filingNumber,
            projectName: r.project.name,
            projectCode: r.project.projectCode,
            regionName: r.region.name,
            filedOn: isoDate(r.filedOn),
          })),
        },
        projects: {
          total: projectTotal,
          items: projectRows.map((r) => ({ projectCode: r.projectCode, name: r.name, regionName: r.region.name, category: r.category })),
        },
        enterprises: {
          total: enterpriseTotal,
          items: enterpriseRows.map((r) => ({ uscc: r.uscc, name: r.name, type: r.type, regionName: r.region.name })),
        },
        practitioners: {
          total: personTotal,
          items: personRows.map((r) => ({ id: r.id, name: r.name, employerName: r.employer?.name ?? null, registrations: r.registrations })),
        },
      }
    },
  }
}
