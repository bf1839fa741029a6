// Finds real records of the seeded demo data through the public API, so the tests browse to
// things that exist without hard-coding seeded values.
import { api } from './site'

interface ListPage<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export interface EnterpriseItem {
  uscc: string
  name: string
  type: string
}

export interface TrackRecordItem {
  role: string
  projectCode: string
  projectName: string
  permit: { permitNumber: string; issuedOn: string; status: string } | null
}

/** How many hits of each kind the search page lists (web/server/search/search-queries.ts). */
const SEARCH_HITS_PER_KIND = 5

export interface SearchJourney {
  enterprise: EnterpriseItem
  /** the part of the name the citizen types */
  fragment: string
  /** a project on the first page of the enterprise's track record that has a construction permit */
  project: TrackRecordItem & { permit: NonNullable<TrackRecordItem['permit']> }
}

/**
 * The data of the search journey: the first enterprise of the public list (in its order) whose
 * track record shows, on its first page, a project with a construction permit; and a part of its
 * name that the site search answers with at most the five enterprises it lists (so the
 * enterprise is among them).
 */
export async function findSearchJourney(): Promise<SearchJourney> {
  for (let page = 1; ; page++) {
    const list = await api<ListPage<EnterpriseItem>>(`/api/v1/enterprises?pageSize=100&page=${page}`)
    for (const enterprise of list.items) {
      const projects = await api<ListPage<TrackRecordItem>>(`/api/v1/enterprises/${enterprise.uscc}/projects`)
      const project = projects.items.find((p) => p.permit && p.permit.status === 'ACTIVE')
      if (!project) continue
      const fragment = await distinctivePart(enterprise)
      if (fragment) return { enterprise, fragment, project: project as SearchJourney['project'] }
    }
    if (page >= list.pageCount) throw new Error('no enterprise has a project with a construction permit in the demo data')
  }
}

/** A part of the name (never all of it) that finds the enterprise among at most 5 hits. */
async function distinctivePart({ name, uscc }: EnterpriseItem): Promise<string | null> {
  const chars = Array.from(name)
  // skip a two-character place name (海口, 三亚 …) and try ever longer parts after it
  for (const start of [2, 0]) {
    for (let length = 4; start + length < chars.length; length++) {
      const fragment = chars.slice(start, start + length).join('')
      const hits = await api<ListPage<EnterpriseItem>>(`/api/v1/enterprises?q=${encodeURIComponent(fragment)}&pageSize=${SEARCH_HITS_PER_KIND}`)
      if (hits.total <= SEARCH_HITS_PER_KIND && hits.items.some((e) => e.uscc === uscc)) return fragment
    }
  }
  return null
}

export interface PagePaths {
  permit: string
  project: string
  enterprise: string
  practitioner: string
  /** search by a practitioner's name: the page that lists people */
  searchPerson: string
}

/** One detail page of each kind, chosen so that the page has plenty of content. */
export async function findDetailPages(): Promise<PagePaths> {
  const [permits, practitioners, exposure] = await Promise.all([
    api<ListPage<{ permitNumber: string; projectCode: string; contractorUscc: string }>>('/api/v1/permits?pageSize=1'),
    api<ListPage<{ id: string; name: string; registrations: unknown[] }>>('/api/v1/practitioners?pageSize=20'),
    api<ListPage<{ subject: { type: string; uscc?: string; id?: string } }>>('/api/v1/exposure?pageSize=50&kind=BAD'),
  ])
  const permit = permits.items[0]
  // an enterprise with bad records on the exposure board: a long profile with records
  const penalised = exposure.items.find((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc)?.subject.uscc ?? permit.contractorUscc
  const person = practitioners.items.find((p) => p.registrations.length > 0) ?? practitioners.items[0]
  return {
    permit: `/permits/${encodeURIComponent(permit.permitNumber)}`,
    project: `/projects/${permit.projectCode}`,
    enterprise: `/enterprises/${penalised}`,
    practitioner: `/practitioners/${person.id}`,
    searchPerson: `/search?q=${encodeURIComponent(person.name)}`,
  }
}
