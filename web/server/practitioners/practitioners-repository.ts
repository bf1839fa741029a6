// Practitioners (人员库) as the public sees them. Names of registered practitioners are public; the
// ID number (居民身份证号) leaves this module only masked (maskIdNumber), and the phone number
// never leaves it: it is not even read. Every DTO is built field by field, never by spreading a
// database row, so a new column cannot leak by accident.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { KEY_PERSON_ROLES, REGISTRATION_TYPES, type RegistrationType } from '@shared/domain/enums'
import { maskIdNumber } from '@shared/privacy/masking'
import { normalizeCode } from '@shared/validators/normalize'
import { isoDate } from '@web/server/lib/values'
import { afterNameCursorWhere, keysetBatches, mapBatches, nameCursorOf, nameOrder } from '@web/server/lib/keyset-batches'
import { skipTake, toPage, type Page } from '@web/server/lib/pagination'
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
import { PRACTITIONER_ORDER, type PractitionerFilters, type PractitionerListQuery, type PractitionerProjectsQuery, type SubjectRecordsQuery } from './practitioner-queries'
import type { KeyRoleItem, PractitionerEmployer, PractitionerListItem, PractitionerProfile, PractitionerRegistrationSummary } from './practitioners-schemas'
import { openIdNumber } from '@web/server/personal-data/personal-data'

const employerSelect = {
  select: { name: true, uscc: true, regionCode: true, inProvince: true, region: { select: { name: true } } },
} satisfies Prisma.EnterpriseDefaultArgs

/**
 * Registrations are sorted here, not by the query: Prisma's query compiler cannot load an ordered
 * to-many relation for 1000 parents at once on SQLite ("query parameter limit exceeded"), which
 * the export's batches need.
 */
function byIssuedThenId<T extends { issuedOn: Date; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.issuedOn.getTime() - b.issuedOn.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

// idNumber is read only to be opened and masked at once; phone is not read at all.
const listSelect = {
  id: true,
  name: true,
  gender: true,
  idNumber: true,
  employer: employerSelect,
  registrations: { select: { id: true, type: true, number: true, specialty: true, issuedOn: true, validUntil: true } },
} satisfies Prisma.PersonSelect

type ListRow = Prisma.PersonGetPayload<{ select: typeof listSelect }>
type EmployerRow = ListRow['employer']

const profileSelect = {
  id: true,
  name: true,
  gender: true,
  idNumber: true,
  employer: employerSelect,
  registrations: {
    select: { ...listSelect.registrations.select, employer: { select: { name: true, uscc: true } } },
  },
  grades: latestGradeArgs,
} satisfies Prisma.PersonSelect

function toEmployer(row: EmployerRow): PractitionerEmployer | null {
  if (!row) return null
  return { name: row.name, uscc: row.uscc, regionCode: row.regionCode, regionName: row.region.name, inProvince: row.inProvince }
}

function toRegistrationSummary(r: { type: RegistrationType; number: string; specialty: string; validUntil: Date }, today: string): PractitionerRegistrationSummary {
  const validUntil = isoDate(r.validUntil)
  return { type: r.type, number: r.number, specialty: r.specialty, validUntil, expired: isExpired(validUntil, today) }
}

function toListItem(row: ListRow, today: string): PractitionerListItem {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    idNumberMasked: maskIdNumber(openIdNumber(row.idNumber)),
    employer: toEmployer(row.employer),
    registrations: byIssuedThenId(row.registrations).map((r) => toRegistrationSummary(r, today)),
  }
}

/**
 * `type = X` written as `type NOT IN (every other type)`. Both mean the same, but without planner
 * statistics (a SQLite file that was never ANALYZEd) SQLite answers `EXISTS (… WHERE type = ? AND
 * personId = Person.id)` through the type index, scanning thousands of registrations per person
 * (3 s for 8,000 people); a NOT IN cannot use that index, so the personId index is taken (40 ms).
 */
function registrationTypeIs(type: RegistrationType) {
  return { type: { notIn: REGISTRATION_TYPES.filter((t) => t !== type) } }
}

const ownTokens = (t: TokenFilter) => ({ searchTokens: t })
const employerTokens = (t: TokenFilter) => ({ employer: { is: { searchTokens: t } } })

/** The list's `where` for these filters; the site search uses it too, so its totals match the list's. */
export function practitionerWhere(filters: PractitionerFilters, matches?: SearchMatches): Prisma.PersonWhereInput {
  const q = filters.q
  const employer = {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.scope ? { inProvince: filters.scope === 'IN' } : {}),
    ...(filters.employer ? { uscc: filters.employer } : {}),
  }
  return {
    ...(Object.keys(employer).length ? { employer: { is: employer } } : {}),
    ...(filters.type ? { registrations: { some: registrationTypeIs(filters.type) } } : {}),
    ...(filters.q
      ? {
          OR: [
            byIds(
              matches?.personNames,
              (f) => ({ id: f }),
              () => indexedContains<Prisma.PersonWhereInput>([{ term: q!, tokens: ownTokens, text: (f) => ({ name: f }) }]),
            ),
            byIds(
              matches?.enterpriseNames,
              (f) => ({ employerId: f }),
              () => indexedContains<Prisma.PersonWhereInput>([{ term: q!, tokens: employerTokens, text: (f) => ({ employer: { is: { name: f } } }) }]),
            ),
            byIds<Prisma.PersonWhereInput>(
              matches?.registrationHolders,
              (f) => ({ id: f }),
              () => ({ registrations: { some: { number: normalizeCode(q!) } } }),
            ),
          ],
        }
      : {}),
  }
}

export function createPractitionersRepository(db: Db) {
  const exists = async (id: string) => (await db.person.findUnique({ where: { id }, select: { id: true } })) !== null

  return {
    /** Ordered by name, then id (code-point order of the name on SQLite, the column collation on PostgreSQL). */
    async listPractitioners(query: PractitionerListQuery, asOf: Date = new Date()): Promise<KeysetPage<PractitionerListItem>> {
      const today = chinaToday(asOf)
      const where = practitionerWhere(query, await findSearchMatches(db, query.q))
      return keysetPage({
        order: PRACTITIONER_ORDER,
        query,
        find: (read) => db.person.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: listSelect, skip: read.skip, take: read.take }),
        count: (take) => db.person.count({ where, take }),
        keyOf: (row) => ({ value: row.name, id: row.id }),
        map: (rows) => rows.map((r) => toListItem(r, today)),
      })
    },

    /** The filtered list in display order, in keyset batches of `batchSize` (default 1,000). */
    exportPractitioners(filters: PractitionerFilters, asOf: Date = new Date(), batchSize?: number): AsyncGenerator<PractitionerListItem[]> {
      const today = chinaToday(asOf)
      const where = practitionerWhere(filters)
      return mapBatches(
        keysetBatches(
          (after, take) =>
            db.person.findMany({ where: { AND: [where, afterNameCursorWhere(after)] }, orderBy: nameOrder, select: listSelect, take }),
          nameCursorOf,
          batchSize,
        ),
        (row) => toListItem(row, today),
      )
    },

    async getPractitioner(id: string, asOf: Date = new Date()): Promise<PractitionerProfile | null> {
      const today = chinaToday(asOf)
      const row = await db.person.findUnique({ where: { id }, select: profileSelect })
      if (!row) return null
      const [roles, records] = await Promise.all([
        db.projectKeyPerson.groupBy({ by: ['role'], where: { personId: row.id }, _count: { _all: true } }),
        countRecords(db, { personId: row.id }, today),
      ])
      return {
        id: row.id,
        name: row.name,
        gender: row.gender,
        idNumberMasked: maskIdNumber(openIdNumber(row.idNumber)),
        employer: toEmployer(row.employer),
        asOf: today,
        registrations: byIssuedThenId(row.registrations).map((r) => ({
          ...toRegistrationSummary(r, today),
          issuedOn: isoDate(r.issuedOn),
          employer: r.employer ? { name: r.employer.name, uscc: r.employer.uscc } : null,
        })),
        counts: {
          projects: countsByRole(KEY_PERSON_ROLES, roles),
          records,
        },
        creditGrade: toCreditGrade(row.grades),
      }
    },

    /** Key roles (项目经理, 总监理工程师 …) on platform projects, latest registered project first; null for an unknown id. */
    async listPractitionerProjects(id: string, query: PractitionerProjectsQuery): Promise<Page<KeyRoleItem> | null> {
      if (!(await exists(id))) return null
      return listProjectRoles(db.projectKeyPerson, { personId: id }, query)
    },

    /** Integrity records, newest decision first; null for an unknown id. */
    async listPractitionerRecords(id: string, query: SubjectRecordsQuery, asOf: Date = new Date()): Promise<Page<IntegrityRecordItem> | null> {
      if (!(await exists(id))) return null
      return listRecords(db, { personId: id }, query, chinaToday(asOf))
    },
  }
}

export type PractitionersRepository = ReturnType<typeof createPractitionersRepository>
