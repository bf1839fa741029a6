// Enterprises (企业库) as the public sees them: the list, the profile with qualifications, the
// practitioners registered there, the track record (业绩: only projects recorded on the platform),
// integrity records and the stored credit grade.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { PARTICIPANT_ROLES } from '@shared/domain/enums'
import { normalizeUscc } from '@shared/validators/uscc'
import { amount, isoDate } from '@web/server/lib/values'
import { afterNameCursorWhere, keysetBatches, mapBatches, nameCursorOf, nameOrder } from '@web/server/lib/keyset-batches'
import { skipTake, toPage, type Page, type Pagination } from '@web/server/lib/pagination'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import {
  chinaToday,
  countRecords,
  countsByRole,
  isExpired,
  latestGradeArgs,
  listProjectRoles,
  listRecords,
  toCreditGrade,
} from '@web/server/subjects/subject-profile'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'
import { ENTERPRISE_ORDER, type EnterpriseFilters, type EnterpriseListQuery, type EnterpriseProjectsQuery, type SubjectRecordsQuery } from './enterprise-queries'
import type { EnterpriseListItem, EnterpriseProfile, EnterpriseRegistrationItem, TrackRecordItem } from './enterprises-schemas'

const listSelect = {
  id: true,
  uscc: true,
  name: true,
  type: true,
  regionCode: true,
  inProvince: true,
  legalRepresentative: true,
  registeredAddress: true,
  registeredCapital: true,
  establishedOn: true,
  region: { select: { name: true } },
} satisfies Prisma.EnterpriseSelect

type ListRow = Prisma.EnterpriseGetPayload<{ select: typeof listSelect }>

const profileSelect = {
  ...listSelect,
  qualifications: {
    orderBy: [{ validUntil: 'desc' }, { id: 'asc' }],
    select: { category: true, grade: true, certificateNumber: true, issuedBy: true, issuedOn: true, validUntil: true },
  },
  grades: latestGradeArgs,
} satisfies Prisma.EnterpriseSelect

const registrationSelect = {
  type: true,
  number: true,
  specialty: true,
  validUntil: true,
  person: { select: { id: true, name: true } },
} satisfies Prisma.RegistrationSelect

function toListItem(row: ListRow): EnterpriseListItem {
  return {
    uscc: row.uscc,
    name: row.name,
    type: row.type,
    regionCode: row.regionCode,
    regionName: row.region.name,
    inProvince: row.inProvince,
    legalRepresentative: row.legalRepresentative,
    registeredAddress: row.registeredAddress,
    registeredCapital: amount(row.registeredCapital),
    establishedOn: isoDate(row.establishedOn),
  }
}

/** The list's `where` for these filters; the site search uses it too, so its totals match the list's. */
export function enterpriseWhere(filters: EnterpriseFilters, matches?: SearchMatches): Prisma.EnterpriseWhereInput {
  const q = filters.q
  return {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.scope ? { inProvince: filters.scope === 'IN' } : {}),
    ...(q ? { AND: [byIds(matches?.enterprises, (f) => ({ id: f }), () => enterpriseTextWhere(q))] } : {}),
  }
}

const ownTokens = (t: TokenFilter) => ({ searchTokens: t })

/** Name or USCC contains `q`, through the substring index. */
function enterpriseTextWhere(q: string) {
  return indexedContains<Prisma.EnterpriseWhereInput>([
    { term: q, tokens: ownTokens, text: (f) => ({ name: f }) },
    { term: normalizeUscc(q), tokens: ownTokens, text: (f) => ({ uscc: f }) },
  ])
}

export function createEnterprisesRepository(db: Db) {
  const idOf = async (uscc: string) => (await db.enterprise.findUnique({ where: { uscc }, select: { id: true } }))?.id ?? null

  return {
    /** Ordered by name, then id (code-point order of the name on SQLite, the column collation on PostgreSQL). */
    async listEnterprises(query: EnterpriseListQuery): Promise<KeysetPage<EnterpriseListItem>> {
      const where = enterpriseWhere(query, await findSearchMatches(db, query.q))
      return keysetPage({
        order: ENTERPRISE_ORDER,
        query,
        find: (read) => db.enterprise.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: listSelect, skip: read.skip, take: read.take }),
        count: (take) => db.enterprise.count({ where, take }),
        keyOf: (row) => ({ value: row.name, id: row.id }),
        map: (rows) => rows.map(toListItem),
      })
    },

    /** The filtered list in display order, in keyset batches of `batchSize` (default 1,000). */
    exportEnterprises(filters: EnterpriseFilters, batchSize?: number): AsyncGenerator<EnterpriseListItem[]> {
      const where = enterpriseWhere(filters)
      return mapBatches(
        keysetBatches(
          (after, take) =>
            db.enterprise.findMany({ where: { AND: [where, afterNameCursorWhere(after)] }, orderBy: nameOrder, select: listSelect, take }),
          nameCursorOf,
          batchSize,
        ),
        toListItem,
      )
    },

    async getEnterprise(uscc: string, asOf: Date = new Date()): Promise<EnterpriseProfile | null> {
      const today = chinaToday(asOf)
      const row = await db.enterprise.findUnique({ where: { uscc }, select: profileSelect })
      if (!row) return null
      const [employees, registeredPractitioners, registrations, roles, records] = await Promise.all([
        db.person.count({ where: { employerId: row.id } }),
        // distinct holders of registrations here, counted from the registration side (indexed by employerId)
        db.registration.groupBy({ by: ['personId'], where: { employerId: row.id } }).then((g) => g.length),
        db.registration.count({ where: { employerId: row.id } }),
        db.projectParticipant.groupBy({ by: ['role'], where: { enterpriseId: row.id }, _count: { _all: true } }),
        countRecords(db, { enterpriseId: row.id }, today),
      ])
      return {
        ...toListItem(row),
        asOf: today,
        qualifications: row.qualifications.map((q) => {
          const validUntil = isoDate(q.validUntil)
          return {
            category: q.category,
            grade: q.grade,
            certificateNumber: q.certificateNumber,
            issuedBy: q.issuedBy,
            issuedOn: isoDate(q.issuedOn),
            validUntil,
            expired: isExpired(validUntil, today),
          }
        }),
        counts: {
          employees,
          registeredPractitioners,
          registrations,
          projects: countsByRole(PARTICIPANT_ROLES, roles),
          records,
        },
        creditGrade: toCreditGrade(row.grades),
      }
    },

    /** The practice registrations held at the enterprise, by holder name, holder id, then registration id; null for an unknown USCC. */
    async listEnterpriseRegistrations(uscc: string, query: Pagination, asOf: Date = new Date()): Promise<Page<EnterpriseRegistrationItem> | null> {
      const id = await idOf(uscc)
      if (!id) return null
      const today = chinaToday(asOf)
      const where = { employerId: id }
      const [rows, total] = await Promise.all([
        db.registration.findMany({
          where,
          orderBy: [{ person: { name: 'asc' } }, { personId: 'asc' }, { id: 'asc' }],
          select: registrationSelect,
          ...skipTake(query),
        }),
        db.registration.count({ where }),
      ])
      return toPage(
        rows.map((r) => {
          const validUntil = isoDate(r.validUntil)
          return {
            personId: r.person.id,
            personName: r.person.name,
            type: r.type,
            number: r.number,
            specialty: r.specialty,
            validUntil,
            expired: isExpired(validUntil, today),
          }
        }),
        total,
        query,
      )
    },

    /**
     * The track record (业绩): the enterprise's roles on projects recorded on the platform
     * (ProjectParticipant rows), latest registered project first; null for an unknown USCC.
     */
    async listEnterpriseProjects(uscc: string, query: EnterpriseProjectsQuery): Promise<Page<TrackRecordItem> | null> {
      const id = await idOf(uscc)
      if (!id) return null
      return listProjectRoles(db.projectParticipant, { enterpriseId: id }, query)
    },

    /** Integrity records, newest decision first; null for an unknown USCC. */
    async listEnterpriseRecords(uscc: string, query: SubjectRecordsQuery, asOf: Date = new Date()): Promise<Page<IntegrityRecordItem> | null> {
      const id = await idOf(uscc)
      if (!id) return null
      return listRecords(db, { enterpriseId: id }, query, chinaToday(asOf))
    },
  }
}

export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>
