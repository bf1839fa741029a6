// The exposure board (诚信曝光台): integrity records, good and bad, while they are public.
//
// What is public on which day is the one publication rule (shared/records/publication.ts, its
// database twin publication-where.ts): the board shows a record on the China calendar days
// publishFrom … lastPublicDay, never a withdrawn one.
//
// Region: the subject's region — an enterprise's registered region, a person's employer's — not
// the issuing body's, because many records come from bodies that are not one of the portal's
// authorities (协会, 人社局) and the province's own decisions would otherwise fall outside every
// city and county.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { lastPublicDay, publicAtWhere } from './publication-where'
import { afterCursorWhere, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { dateRange } from '@web/server/lib/query-params'
import { EXPOSURE_ORDER, type ExposureFilters, type ExposureListQuery } from './exposure-queries'
import type { ExposureEntry, ExposureSubject } from './exposure-schemas'
import { containsText } from '@web/server/lib/text-search'

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

export function exposureWhere(filters: ExposureFilters, asOf: Date): Prisma.IntegrityRecordWhereInput {
  const decidedOn = dateRange(filters)
  return {
    AND: [
      publicAtWhere(asOf),
      ...(filters.kind ? [{ kind: filters.kind }] : []),
      ...(filters.subjectType ? [{ subjectType: filters.subjectType }] : []),
      ...(decidedOn ? [{ decidedOn }] : []),
      ...(filters.region
        ? [
            {
              OR: [
                { subjectType: 'ENTERPRISE' as const, enterprise: { regionCode: filters.region } },
                { subjectType: 'PERSON' as const, person: { employer: { regionCode: filters.region } } },
              ],
            },
          ]
        : []),
      ...(filters.q
        ? [
            {
              OR: [
                containsText(filters.q, (f) => ({ decisionNumber: f })),
                containsText(filters.q, (f) => ({ enterprise: { name: f } })),
                containsText(filters.q, (f) => ({ person: { name: f } })),
              ],
            },
          ]
        : []),
    ],
  }
}

const newestFirst = [{ decidedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.IntegrityRecordOrderByWithRelationInput[]

export function createExposureRepository(db: Db) {
  return {
    async listExposureEntries(query: ExposureListQuery, asOf: Date = new Date()): Promise<KeysetPage<ExposureEntry>> {
      const where = exposureWhere(query, asOf)
      return keysetPage({
        order: EXPOSURE_ORDER,
        query,
        find: (read) => db.integrityRecord.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: entrySelect, skip: read.skip, take: read.take }),
        count: (take) => db.integrityRecord.count({ where, take }),
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
