// The exposure board (诚信曝光台): integrity records, good and bad, while they are public.
//
// What is public on which day is the one publication rule (shared/records/publication.ts, its
// database twin publication-where.ts): the board shows a record on the China calendar days
// publishFrom … lastPublicDay, never a withdrawn one.
//
// Region: the subject's region — an enterprise's registered region, a person's employer's — not
// the issuing body's (subjects/subject-region-where.ts): many records come from bodies that are not
// one of the portal's authorities (协会, 人社局), and the province's own decisions would otherwise
// fall outside every city and county.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { lastPublicDay, publicAtWhere } from './publication-where'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { joinBranches, keysetPageInBranches, type KeysetPage } from '@web/server/lib/keyset-page'
import { withSubjectRegion } from '@web/server/subjects/subject-region-where'
import { dateRange } from '@web/server/lib/query-params'
import { EXPOSURE_ORDER, type ExposureFilters, type ExposureListQuery } from './exposure-queries'
import type { ExposureEntry, ExposureSubject } from './exposure-schemas'
import { containsText } from '@web/server/lib/text-search'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'

const entrySelect = {
  id: true,
  kind: true,
  categoryCode: true,
  title: true,
  description: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  publishFrom: true,
  publishUntil: true,
  subjectType: true,
  enterprise: { select: { name: true, uscc: true, regionCode: true, region: { select: { name: true } } } },
  // never idNumber or phone
  person: { select: { id: true, name: true, employer: { select: { regionCode: true, region: { select: { name: true } } } } } },
  project: { select: { projectCode: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

type EntryRow = Prisma.IntegrityRecordGetPayload<{ select: typeof entrySelect }>

function toEntry(row: EntryRow): ExposureEntry {
  const region = row.enterprise
    ? { code: row.enterprise.regionCode, name: row.enterprise.region.name }
    : row.person?.employer
      ? { code: row.person.employer.regionCode, name: row.person.employer.region.name }
      : null
  const subject: ExposureSubject = row.enterprise
    ? { type: 'ENTERPRISE', name: row.enterprise.name, uscc: row.enterprise.uscc }
    : { type: 'PERSON', id: row.person?.id ?? '', name: row.person?.name ?? '' }
  return {
    id: row.id,
    kind: row.kind,
    categoryCode: row.categoryCode,
    title: row.title,
    description: row.description,
    decisionNumber: row.decisionNumber,
    issuedBy: row.issuedBy,
    decidedOn: isoDate(row.decidedOn),
    publishFrom: isoDate(row.publishFrom),
    lastPublicDay: lastPublicDay(row.publishUntil),
    subject,
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
    project: row.project,
  }
}

const enterpriseTokens = (t: TokenFilter) => ({ enterprise: { searchTokens: t } })
const personTokens = (t: TokenFilter) => ({ person: { searchTokens: t } })

/**
 * The board's filter as disjoint branches whose OR is the whole filter: with a region, one per kind
 * of subject (an enterprise's own region, a person's employer's), so that each is read from the
 * region's side (findInBranches); else one. `matches`: the term's subjects from the search index
 * (findSearchMatches); without them the where reads the index itself.
 */
export function exposureBranches(filters: ExposureFilters, asOf: Date, matches?: SearchMatches): Prisma.IntegrityRecordWhereInput[] {
  const q = filters.q
  const decidedOn = dateRange(filters)
  const common: Prisma.IntegrityRecordWhereInput[] = [
    publicAtWhere(asOf),
    ...(filters.kind ? [{ kind: filters.kind }] : []),
    ...(filters.subjectType ? [{ subjectType: filters.subjectType }] : []),
    ...(decidedOn ? [{ decidedOn }] : []),
    ...(q
      ? [
          {
            OR: [
              containsText(q, (f) => ({ decisionNumber: f })),
              byIds(
                matches?.enterpriseNames,
                (f) => ({ enterpriseId: f }),
                () => indexedContains<Prisma.IntegrityRecordWhereInput>([{ term: q, tokens: enterpriseTokens, text: (f) => ({ enterprise: { name: f } }) }]),
              ),
              byIds(
                matches?.personNames,
                (f) => ({ personId: f }),
                () => indexedContains<Prisma.IntegrityRecordWhereInput>([{ term: q, tokens: personTokens, text: (f) => ({ person: { name: f } }) }]),
              ),
            ],
          },
        ]
      : []),
  ]
  return withSubjectRegion<Prisma.IntegrityRecordWhereInput>({ AND: common }, filters.region, filters.subjectType)
}

/** The board's whole filter (exposureBranches joined by OR). */
export function exposureWhere(filters: ExposureFilters, asOf: Date, matches?: SearchMatches): Prisma.IntegrityRecordWhereInput {
  return joinBranches(exposureBranches(filters, asOf, matches))
}

const newestFirst = [{ decidedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.IntegrityRecordOrderByWithRelationInput[]

export function createExposureRepository(db: Db) {
  return {
    async listExposureEntries(query: ExposureListQuery, asOf: Date = new Date()): Promise<KeysetPage<ExposureEntry>> {
      const branches = exposureBranches(query, asOf, await findSearchMatches(db, query.q))
      return keysetPageInBranches({
        order: EXPOSURE_ORDER,
        query,
        branches,
        findMany: (args) => db.integrityRecord.findMany({ ...args, select: entrySelect }),
        count: (args) => db.integrityRecord.count(args),
        keyOf: (row) => ({ value: row.decidedOn, id: row.id }),
        map: (rows) => rows.map(toEntry),
      })
    },

    /** `batchSize`: rows per query (default 1,000). */
    exportExposureEntries(filters: ExposureFilters, asOf: Date = new Date(), batchSize?: number): AsyncGenerator<ExposureEntry[]> {
      const where = exposureWhere(filters, asOf)
      return mapBatches(
        keysetBatches(
          (after, take) =>
            db.integrityRecord.findMany({
              where: { AND: [where, afterCursorWhere('decidedOn', after)] },
              orderBy: newestFirst,
              select: entrySelect,
              take,
            }),
          (row) => ({ date: row.decidedOn, id: row.id }),
          batchSize,
        ),
        toEntry,
      )
    },
  }
}
