// The site search: one term, five registers, the first few hits of each and how many there are.
// Each register is searched with the very `where` its own list uses for `q` (through the substring
// index, web/server/search-index), so "查看全部" (the list with ?q=) shows the same total, up to
// SEARCH_COUNT_CAP, and the hits come in the list's own order. Person hits carry the name, the
// employer and registration numbers — never the ID number or phone.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { EnterpriseType, ProjectCategory, RegistrationType } from '@shared/domain/enums'
import { isoDate } from '@web/server/lib/values'
import { SEARCH_COUNT_CAP } from './search-queries'
import { completionFilingWhere } from '@web/server/completion-filings/completion-filings-repository'
import { enterpriseWhere } from '@web/server/enterprises/enterprises-repository'
import { permitWhere } from '@web/server/permits/permits-repository'
import { practitionerWhere } from '@web/server/practitioners/practitioners-repository'
import { projectWhere } from '@web/server/projects/projects-repository'
import { createSearchMatchesRepository } from '@web/server/search-index/search-matches-repository'
import { isPostgres, postgresTerm, searchRegister, type SearchTuning } from '@web/server/search-index/postgres-search-repository'

export interface SearchSection<T> {
  /** how many match, at most SEARCH_COUNT_CAP */
  total: number
  /** more than `total` match: shown as "10,000+" */
  capped: boolean
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

/** `tuning`: the PostgreSQL search's thresholds (tests make them small to take every path). */
export function createSearchRepository(db: Db, tuning?: SearchTuning) {
  return {
    /** `countCap`: counting stops above it (SEARCH_COUNT_CAP; smaller in tests). */
    async searchSite(q: string, take = 5, countCap = SEARCH_COUNT_CAP): Promise<SiteSearchResults> {
      const countTake = countCap + 1
      const capped = (count: number) => (count > countCap ? { total: countCap, capped: true } : { total: count, capped: false })
      if (isPostgres(db)) return toResults(q, capped, await searchPostgres(db, q, take, countCap, tuning))
      const matches = await createSearchMatchesRepository(db).findSearchMatches(q)
      const permits = permitWhere({ q }, matches)
      const filings = completionFilingWhere({ q }, matches)
      const projects = projectWhere({ q }, matches)
      const enterprises = enterpriseWhere({ q }, matches)
      const practitioners = practitionerWhere({ q }, matches)
      const [permitRows, permitTotal, filingRows, filingTotal, projectRows, projectTotal, enterpriseRows, enterpriseTotal, personRows, personTotal] =
        await Promise.all([
          db.constructionPermit.findMany({
            where: permits,
            orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
            take,
            select: permitHitSelect,
          }),
          db.constructionPermit.count({ where: permits, take: countTake }),
          db.completionFiling.findMany({
            where: filings,
            orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
            take,
            select: filingHitSelect,
          }),
          db.completionFiling.count({ where: filings, take: countTake }),
          db.project.findMany({
            where: projects,
            orderBy: [{ registeredOn: 'desc' }, { id: 'desc' }],
            take,
            select: projectHitSelect,
          }),
          db.project.count({ where: projects, take: countTake }),
          db.enterprise.findMany({
            where: enterprises,
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
            take,
            select: enterpriseHitSelect,
          }),
          db.enterprise.count({ where: enterprises, take: countTake }),
          db.person.findMany({
            where: practitioners,
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
            take,
            select: practitionerHitSelect,
          }),
          db.person.count({ where: practitioners, take: countTake }),
        ])
      return toResults(q, capped, {
        permitRows,
        permitTotal,
        filingRows,
        filingTotal,
        projectRows,
        projectTotal,
        enterpriseRows,
        enterpriseTotal,
        personRows,
        personTotal,
      })
    },
  }
}

interface RegisterRows {
  permitRows: Prisma.ConstructionPermitGetPayload<{ select: typeof permitHitSelect }>[]
  permitTotal: number
  filingRows: Prisma.CompletionFilingGetPayload<{ select: typeof filingHitSelect }>[]
  filingTotal: number
  projectRows: Prisma.ProjectGetPayload<{ select: typeof projectHitSelect }>[]
  projectTotal: number
  enterpriseRows: Prisma.EnterpriseGetPayload<{ select: typeof enterpriseHitSelect }>[]
  enterpriseTotal: number
  personRows: Prisma.PersonGetPayload<{ select: typeof practitionerHitSelect }>[]
  personTotal: number
}

/**
 * PostgreSQL: each register's first hits and capped count from its own statements over the gram
 * and trigram indexes (web/server/search-index/postgres-search.ts), the same rows the list's
 * `where` finds; then the hits' fields by id.
 */
async function searchPostgres(db: Db, q: string, take: number, countCap: number, tuning?: SearchTuning): Promise<RegisterRows> {
  const t = postgresTerm(q)
  const [permits, filings, projects, enterprises, people] = await Promise.all(
    (['permits', 'completionFilings', 'projects', 'enterprises', 'practitioners'] as const).map((register) => searchRegister(db, register, t, take, countCap, tuning)),
  )
  // a row deleted between the two reads is left out
  const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }
  const [permitRows, filingRows, projectRows, enterpriseRows, personRows] = await Promise.all([
    permits.ids.length ? db.constructionPermit.findMany({ where: { id: { in: permits.ids } }, select: { ...permitHitSelect, id: true } }) : [],
    filings.ids.length ? db.completionFiling.findMany({ where: { id: { in: filings.ids } }, select: { ...filingHitSelect, id: true } }) : [],
    projects.ids.length ? db.project.findMany({ where: { id: { in: projects.ids } }, select: { ...projectHitSelect, id: true } }) : [],
    enterprises.ids.length ? db.enterprise.findMany({ where: { id: { in: enterprises.ids } }, select: { ...enterpriseHitSelect, id: true } }) : [],
    people.ids.length ? db.person.findMany({ where: { id: { in: people.ids } }, select: practitionerHitSelect }) : [],
  ])
  return {
    permitRows: inOrder(permits.ids, permitRows),
    permitTotal: permits.count,
    filingRows: inOrder(filings.ids, filingRows),
    filingTotal: filings.count,
    projectRows: inOrder(projects.ids, projectRows),
    projectTotal: projects.count,
    enterpriseRows: inOrder(enterprises.ids, enterpriseRows),
    enterpriseTotal: enterprises.count,
    personRows: inOrder(people.ids, personRows),
    personTotal: people.count,
  }
}

function toResults(
  q: string,
  capped: (count: number) => { total: number; capped: boolean },
  { permitRows, permitTotal, filingRows, filingTotal, projectRows, projectTotal, enterpriseRows, enterpriseTotal, personRows, personTotal }: RegisterRows,
): SiteSearchResults {
  return {
    q,
    permits: {
      ...capped(permitTotal),
      items: permitRows.map((r) => ({
        permitNumber: r.permitNumber,
        projectName: r.project.name,
        regionName: r.region.name,
        contractorName: r.contractor.name,
        issuedOn: isoDate(r.issuedOn),
      })),
    },
    completionFilings: {
      ...capped(filingTotal),
      items: filingRows.map((r) => ({
        filingNumber: r.filingNumber,
        projectName: r.project.name,
        projectCode: r.project.projectCode,
        regionName: r.region.name,
        filedOn: isoDate(r.filedOn),
      })),
    },
    projects: {
      ...capped(projectTotal),
      items: projectRows.map((r) => ({ projectCode: r.projectCode, name: r.name, regionName: r.region.name, category: r.category })),
    },
    enterprises: {
      ...capped(enterpriseTotal),
      items: enterpriseRows.map((r) => ({ uscc: r.uscc, name: r.name, type: r.type, regionName: r.region.name })),
    },
    practitioners: {
      ...capped(personTotal),
      items: personRows.map((r) => ({ id: r.id, name: r.name, employerName: r.employer?.name ?? null, registrations: r.registrations })),
    },
  }
}
