// Enterprises (企业库) as the public sees them: the list, the profile with qualifications, the
// practitioners registered there, the track record (业绩: only projects recorded on the platform),
// integrity records and the stored credit grade.
import { PARTICIPANT_ROLES, type EnterpriseType, type ParticipantRole, type RegistrationType } from '@shared/domain/enums'
import { normalizeUscc } from '@shared/validators/uscc'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { amount, isoDate } from '@web/server/lib/values'
import { mapBatches } from '@web/server/lib/keyset-batches'
import { skipTake, toPage, type Page, type Pagination } from '@web/server/lib/pagination'
import type { EnterpriseFilters, EnterpriseListQuery, EnterpriseProjectsQuery, SubjectRecordsQuery } from './enterprise-queries'
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
  type RecordCounts,
  type TrackRecordItem,
} from '@web/server/subjects/subject-profile'
import { containsText } from '@web/server/lib/text-search'

export interface EnterpriseListItem {
  uscc: string
  name: string
  type: EnterpriseType
  /** registration region: a Hainan region code or an out-of-province city code */
  regionCode: string
  regionName: string
  inProvince: boolean
  legalRepresentative: string
  registeredAddress: string
  /** 注册资本, 万元 */
  registeredCapital: number
  establishedOn: string
}

export interface QualificationItem {
  /** e.g. 建筑工程施工总承包 */
  category: string
  /** e.g. 特级, 一级, 甲级 */
  grade: string
  certificateNumber: string
  issuedBy: string
  issuedOn: string
  validUntil: string
  /** validUntil is before `asOf` of the answer */
  expired: boolean
}

export interface EnterpriseProfile extends EnterpriseListItem {
  /** the China calendar date against which `expired` and record publication were judged */
  asOf: string
  /** valid ones first (latest expiry first), then by id */
  qualifications: QualificationItem[]
  counts: {
    /** people whose current employer this is */
    employees: number
    /** people with at least one practice registration at this enterprise */
    registeredPractitioners: number
    /** practice registrations at this enterprise */
    registrations: number
    /** track record: platform projects by role, and in all */
    projects: Record<ParticipantRole, number> & { total: number }
    records: RecordCounts
  }
  /** the latest stored grade; null until the scoring engine has graded the enterprise */
  creditGrade: CreditGradeSummary | null
}

/** A practice registration held at the enterprise, with its holder. */
export interface EnterpriseRegistrationItem {
  personId: string
  personName: string
  type: RegistrationType
  number: string
  specialty: string
  validUntil: string
  expired: boolean
}

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
} as const

type ListRow = {
  id: string
  uscc: string
  name: string
  type: EnterpriseType
  regionCode: string
  inProvince: boolean
  legalRepresentative: string
  registeredAddress: string
  registeredCapital: { toString(): string }
  establishedOn: Date
  region: { name: string }
}

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

export function enterpriseWhere(filters: EnterpriseFilters) {
  return {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.scope ? { inProvince: filters.scope === 'IN' } : {}),
    ...(filters.q ? { OR: [containsText(filters.q, (f) => ({ name: f })), { uscc: normalizeUscc(filters.q) }] } : {}),
  }
}

function emptyRoleCounts(): Record<ParticipantRole, number> {
  return Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, 0])) as Record<ParticipantRole, number>
}

export function createEnterprisesRepository(db: Db) {
  const idOf = async (uscc: string) => (await db.enterprise.findUnique({ where: { uscc }, select: { id: true } }))?.id ?? null

  return {
    /** Ordered by name, then id (code-point order of the name on SQLite, the column collation on PostgreSQL). */
    async listEnterprises(query: EnterpriseListQuery): Promise<Page<EnterpriseListItem>> {
      const where = enterpriseWhere(query)
      const [rows, total] = await Promise.all([
        db.enterprise.findMany({ where, orderBy: nameOrder, select: listSelect, ...skipTake(query) }),
        db.enterprise.count({ where }),
      ])
      return toPage(rows.map(toListItem), total, query)
    },

    /** The filtered list in display order, in keyset batches of `batchSize`. */
    exportEnterprises(filters: EnterpriseFilters, batchSize = 1000): AsyncGenerator<EnterpriseListItem[]> {
      const where = enterpriseWhere(filters)
      return mapBatches(
        nameKeysetBatches(
          (after, take) =>
            db.enterprise.findMany({ where: { AND: [where, afterNameCursorWhere(after)] }, orderBy: nameOrder, select: listSelect, take }),
          batchSize,
        ),
        toListItem,
      )
    },

    async getEnterprise(uscc: string, asOf: Date = new Date()): Promise<EnterpriseProfile | null> {
      const today = chinaToday(asOf)
      const row = await db.enterprise.findUnique({
        where: { uscc },
        select: {
          ...listSelect,
          qualifications: {
            orderBy: [{ validUntil: 'desc' }, { id: 'asc' }],
            select: { category: true, grade: true, certificateNumber: true, issuedBy: true, issuedOn: true, validUntil: true },
          },
          grades: latestGradeArgs,
        },
      })
      if (!row) return null
      const [employees, registeredPractitioners, registrations, roles, records] = await Promise.all([
        db.person.count({ where: { employerId: row.id } }),
        // distinct holders of registrations here, counted from the registration side (indexed by employerId)
        db.registration.groupBy({ by: ['personId'], where: { employerId: row.id } }).then((g) => g.length),
        db.registration.count({ where: { employerId: row.id } }),
        db.projectParticipant.groupBy({ by: ['role'], where: { enterpriseId: row.id }, _count: { _all: true } }),
        countRecords(db, { enterpriseId: row.id }, today),
      ])
      const projects = emptyRoleCounts()
      for (const r of roles) projects[r.role] = r._count._all
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
          projects: { ...projects, total: Object.values(projects).reduce((a, b) => a + b, 0) },
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
          select: { type: true, number: true, specialty: true, validUntil: true, person: { select: { id: true, name: true } } },
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
      const where = { enterpriseId: id, ...(query.role ? { role: query.role } : {}) }
      const [rows, total] = await Promise.all([
        db.projectParticipant.findMany({
          where,
          orderBy: projectRoleOrder,
          select: { role: true, project: { select: projectSummarySelect } },
          ...skipTake(query),
        }),
        db.projectParticipant.count({ where }),
      ])
      return toPage(
        rows.map((r) => toProjectRoleItem(r.role, r.project)),
        total,
        query,
      )
    },

    /** Integrity records, newest decision first; null for an unknown USCC. */
    async listEnterpriseRecords(uscc: string, query: SubjectRecordsQuery, asOf: Date = new Date()): Promise<Page<IntegrityRecordItem> | null> {
      const id = await idOf(uscc)
      if (!id) return null
      return listRecords(db, { enterpriseId: id }, query, chinaToday(asOf))
    },
  }
}

export const listEnterprises = (query: EnterpriseListQuery) => createEnterprisesRepository(getDb()).listEnterprises(query)
export const exportEnterprises = (filters: EnterpriseFilters) => createEnterprisesRepository(getDb()).exportEnterprises(filters)
export const getEnterprise = (uscc: string) => createEnterprisesRepository(getDb()).getEnterprise(uscc)
export const listEnterpriseRegistrations = (uscc: string, query: Pagination) =>
  createEnterprisesRepository(getDb()).listEnterpriseRegistrations(uscc, query)
export const listEnterpriseProjects = (uscc: string, query: EnterpriseProjectsQuery) =>
  createEnterprisesRepository(getDb()).listEnterpriseProjects(uscc, query)
export const listEnterpriseRecords = (uscc: string, query: SubjectRecordsQuery) =>
  createEnterprisesRepository(getDb()).listEnterpriseRecords(uscc, query)
