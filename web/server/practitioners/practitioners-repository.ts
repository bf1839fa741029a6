// Practitioners (人员库) as the public sees them. Names of registered practitioners are public; the
// ID number (居民身份证号) leaves this module only masked (maskIdNumber), and the phone number
// never leaves it: it is not even read. Every DTO is built field by field, never by spreading a
// database row, so a new column cannot leak by accident.
import { KEY_PERSON_ROLES, REGISTRATION_TYPES, type KeyPersonRole, type RegistrationType } from '@shared/domain/enums'
import { maskIdNumber } from '@shared/privacy/masking'
import { normalizeCode } from '@shared/validators/normalize'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { isoDate } from '@web/server/lib/values'
import { mapBatches } from '@web/server/lib/keyset-batches'
import { skipTake, toPage, type Page } from '@web/server/lib/pagination'
import type { PractitionerFilters, PractitionerListQuery, PractitionerProjectsQuery, SubjectRecordsQuery } from './practitioner-queries'
import {
  afterNameCursorWhere,
  chinaToday,
  countRecords,
  isExpired,
  latestGradeArgs,
  listRecords,
  nameKeysetBatches,
  nameOrder,
  projectRoleOrder,
  projectSummarySelect,
  toCreditGrade,
  toProjectRoleItem,
  type CreditGradeSummary,
  type IntegrityRecordItem,
  type KeyRoleItem,
  type RecordCounts,
} from '@web/server/subjects/subject-profile'
import { containsText } from '@web/server/lib/text-search'

export interface PractitionerEmployer {
  name: string
  uscc: string
  regionCode: string
  regionName: string
  inProvince: boolean
}

export interface PractitionerRegistrationSummary {
  type: RegistrationType
  number: string
  /** e.g. 建筑工程 */
  specialty: string
  validUntil: string
  /** validUntil is before the day of the answer */
  expired: boolean
}

export interface PractitionerListItem {
  id: string
  name: string
  gender: string
  /** 居民身份证号, masked (first 3 and last 4 characters kept); the full number is never published */
  idNumberMasked: string
  /** the current employer (工作单位) */
  employer: PractitionerEmployer | null
  /** practice registrations, earliest issued first */
  registrations: PractitionerRegistrationSummary[]
}

export interface PractitionerRegistration extends PractitionerRegistrationSummary {
  issuedOn: string
  /** the enterprise the registration is held at (注册单位) */
  employer: { name: string; uscc: string } | null
}

export interface PractitionerProfile extends Omit<PractitionerListItem, 'registrations'> {
  /** the China calendar date against which `expired` and record publication were judged */
  asOf: string
  registrations: PractitionerRegistration[]
  counts: {
    /** key roles on platform projects, by role and in all */
    projects: Record<KeyPersonRole, number> & { total: number }
    records: RecordCounts
  }
  /** the latest stored grade; null until the scoring engine has graded the practitioner */
  creditGrade: CreditGradeSummary | null
}

const employerSelect = {
  select: { name: true, uscc: true, regionCode: true, inProvince: true, region: { select: { name: true } } },
} as const

/**
 * Registrations are sorted here, not by the query: Prisma's query compiler cannot load an ordered
 * to-many relation for 1000 parents at once on SQLite ("query parameter limit exceeded"), which
 * the export's batches need.
 */
function byIssuedThenId<T extends { issuedOn: Date; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.issuedOn.getTime() - b.issuedOn.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

// idNumber is read only to be masked; phone is not read at all.
const listSelect = {
  id: true,
  name: true,
  gender: true,
  idNumber: true,
  employer: employerSelect,
  registrations: { select: { id: true, type: true, number: true, specialty: true, issuedOn: true, validUntil: true } },
} as const

type EmployerRow = { name: string; uscc: string; regionCode: string; inProvince: boolean; region: { name: string } }

type ListRow = {
  id: string
  name: string
  gender: string
  idNumber: string
  employer: EmployerRow | null
  registrations: { id: string; type: RegistrationType; number: string; specialty: string; issuedOn: Date; validUntil: Date }[]
}

function toEmployer(row: EmployerRow | null): PractitionerEmployer | null {
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
    idNumberMasked: maskIdNumber(row.idNumber),
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

export function practitionerWhere(filters: PractitionerFilters) {
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
            containsText(filters.q, (f) => ({ name: f })),
            { registrations: { some: { number: normalizeCode(filters.q) } } },
            containsText(filters.q, (f) => ({ employer: { is: { name: f } } })),
          ],
        }
      : {}),
  }
}

function emptyRoleCounts(): Record<KeyPersonRole, number> {
  return Object.fromEntries(KEY_PERSON_ROLES.map((r) => [r, 0])) as Record<KeyPersonRole, number>
}

export function createPractitionersRepository(db: Db) {
  const exists = async (id: string) => (await db.person.findUnique({ where: { id }, select: { id: true } })) !== null

  return {
    /** Ordered by name, then id (code-point order of the name on SQLite, the column collation on PostgreSQL). */
    async listPractitioners(query: PractitionerListQuery, asOf: Date = new Date()): Promise<Page<PractitionerListItem>> {
      const today = chinaToday(asOf)
      const where = practitionerWhere(query)
      const [rows, total] = await Promise.all([
        db.person.findMany({ where, orderBy: nameOrder, select: listSelect, ...skipTake(query) }),
        db.person.count({ where }),
      ])
      return toPage(
        rows.map((r) => toListItem(r, today)),
        total,
        query,
      )
    },

    /** The filtered list in display order, in keyset batches of `batchSize`. */
    exportPractitioners(filters: PractitionerFilters, asOf: Date = new Date(), batchSize = 1000): AsyncGenerator<PractitionerListItem[]> {
      const today = chinaToday(asOf)
      const where = practitionerWhere(filters)
      return mapBatches(
        nameKeysetBatches(
          (after, take) =>
            db.person.findMany({ where: { AND: [where, afterNameCursorWhere(after)] }, orderBy: nameOrder, select: listSelect, take }),
          batchSize,
        ),
        (row) => toListItem(row, today),
      )
    },

    async getPractitioner(id: string, asOf: Date = new Date()): Promise<PractitionerProfile | null> {
      const today = chinaToday(asOf)
      const row = await db.person.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          gender: true,
          idNumber: true,
          employer: employerSelect,
          registrations: {
            select: { id: true, type: true, number: true, specialty: true, issuedOn: true, validUntil: true, employer: { select: { name: true, uscc: true } } },
          },
          grades: latestGradeArgs,
        },
      })
      if (!row) return null
      const [roles, records] = await Promise.all([
        db.projectKeyPerson.groupBy({ by: ['role'], where: { personId: row.id }, _count: { _all: true } }),
        countRecords(db, { personId: row.id }, today),
      ])
      const projects = emptyRoleCounts()
      for (const r of roles) projects[r.role] = r._count._all
      return {
        id: row.id,
        name: row.name,
        gender: row.gender,
        idNumberMasked: maskIdNumber(row.idNumber),
        employer: toEmployer(row.employer),
        asOf: today,
        registrations: byIssuedThenId(row.registrations).map((r) => ({
          ...toRegistrationSummary(r, today),
          issuedOn: isoDate(r.issuedOn),
          employer: r.employer ? { name: r.employer.name, uscc: r.employer.uscc } : null,
        })),
        counts: {
          projects: { ...projects, total: Object.values(projects).reduce((a, b) => a + b, 0) },
          records,
        },
        creditGrade: toCreditGrade(row.grades),
      }
    },

    /** Key roles (项目经理, 总监理工程师 …) on platform projects, latest registered project first; null for an unknown id. */
    async listPractitionerProjects(id: string, query: PractitionerProjectsQuery): Promise<Page<KeyRoleItem> | null> {
      if (!(await exists(id))) return null
      const where = { personId: id, ...(query.role ? { role: query.role } : {}) }
      const [rows, total] = await Promise.all([
        db.projectKeyPerson.findMany({
          where,
          orderBy: projectRoleOrder,
          select: { role: true, project: { select: projectSummarySelect } },
          ...skipTake(query),
        }),
        db.projectKeyPerson.count({ where }),
      ])
      return toPage(
        rows.map((r) => toProjectRoleItem(r.role, r.project)),
        total,
        query,
      )
    },

    /** Integrity records, newest decision first; null for an unknown id. */
    async listPractitionerRecords(id: string, query: SubjectRecordsQuery, asOf: Date = new Date()): Promise<Page<IntegrityRecordItem> | null> {
      if (!(await exists(id))) return null
      return listRecords(db, { personId: id }, query, chinaToday(asOf))
    },
  }
}

export const listPractitioners = (query: PractitionerListQuery) => createPractitionersRepository(getDb()).listPractitioners(query)
export const exportPractitioners = (filters: PractitionerFilters) => createPractitionersRepository(getDb()).exportPractitioners(filters)
export const getPractitioner = (id: string) => createPractitionersRepository(getDb()).getPractitioner(id)
export const listPractitionerProjects = (id: string, query: PractitionerProjectsQuery) =>
  createPractitionersRepository(getDb()).listPractitionerProjects(id, query)
export const listPractitionerRecords = (id: string, query: SubjectRecordsQuery) =>
  createPractitionersRepository(getDb()).listPractitionerRecords(id, query)
