// What the enterprise and practitioner repositories share: a subject's integrity records and its
// stored credit grade, the validity of certificates and registrations, the projects a subject
// worked on. The answers' shapes are in subjects-schemas.ts; the by-name keyset walk of both
// lists is the one keyset helper's (web/server/lib/keyset-batches.ts). No getDb() here: the
// repositories pass their client, and the pure helpers are unit-tested on their own.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { RecordKind } from '@shared/domain/enums'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { publicationState } from '@shared/records/publication'
import { CURRENT_STANDARD, STANDARDS } from '@shared/scoring'
import { isoDate } from '@web/server/lib/values'
import { lastPublicDay, publicationPeriodOf, publicOnWhere } from '@web/server/records/publication-where'
import { skipTake, toPage, type Page, type Pagination } from '@web/server/lib/pagination'
import type { CreditGradeSummary, IntegrityRecordItem, ProjectRoleItem, RecordCounts } from './subjects-schemas'

// ---------------------------------------------------------------- dates

/** The China calendar date of an instant, 'YYYY-MM-DD': the day against which validity and publication are judged. */
export function chinaToday(asOf: Date): string {
  return chinaDateOf(asOf)
}

/** A certificate or registration valid until `validUntil` (inclusive) has expired once that day is past. */
export function isExpired(validUntil: string, today: string): boolean {
  return validUntil < today
}

// ---------------------------------------------------------------- integrity records

// Only records public on the day of the answer (the one publication rule, publication-where.ts)
// are listed or counted: a record outside its publication period or withdrawn is not public
// (建市〔2017〕241号 art. 10, 13), so a profile neither shows it nor says how many there are.

// Labels of the categories of every published standard (shared/scoring), the current one's
// winning where versions differ; a code no standard knows is shown as it is.
const CATEGORY_LABELS = new Map<string, string>(
  [...Object.values(STANDARDS).filter((s) => s !== CURRENT_STANDARD), CURRENT_STANDARD].flatMap((s) => s.categories.map((c) => [c.code, c.label] as const)),
)

/** 'BAD.PENALTY.SERIOUS' → '较重行政处罚', the standard's label. */
export function recordCategoryLabel(code: string): string {
  return CATEGORY_LABELS.get(code) ?? code
}

export const recordSelect = {
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
  status: true,
  points: true,
  project: { select: { projectCode: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

type RecordRow = Prisma.IntegrityRecordGetPayload<{ select: typeof recordSelect }>

export function toRecordItem(row: RecordRow, today: string): IntegrityRecordItem {
  const publication = publicationState(publicationPeriodOf(row), today)
  return {
    id: row.id,
    kind: row.kind,
    categoryCode: row.categoryCode,
    categoryLabel: recordCategoryLabel(row.categoryCode),
    title: row.title,
    description: row.description,
    decisionNumber: row.decisionNumber,
    issuedBy: row.issuedBy,
    decidedOn: isoDate(row.decidedOn),
    publishFrom: isoDate(row.publishFrom),
    lastPublicDay: lastPublicDay(row.publishUntil),
    status: row.status,
    publication,
    isPublic: publication === 'PUBLIC',
    points: row.points,
    project: row.project,
  }
}

type SubjectWhere = { enterpriseId: string } | { personId: string }

export async function countRecords(db: Db, subject: SubjectWhere, today: string): Promise<RecordCounts> {
  const byKind = await db.integrityRecord.groupBy({ by: ['kind'], where: { ...subject, ...publicOnWhere(today) }, _count: { _all: true } })
  const good = byKind.find((g) => g.kind === 'GOOD')?._count._all ?? 0
  const bad = byKind.find((g) => g.kind === 'BAD')?._count._all ?? 0
  return { total: good + bad, good, bad, public: good + bad }
}

/** Newest decision first, then id: a total order, so pages never overlap. */
const recordOrder = [{ decidedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.IntegrityRecordOrderByWithRelationInput[]

export async function listRecords(
  db: Db,
  subject: SubjectWhere,
  query: Pagination & { kind?: RecordKind },
  today: string,
): Promise<Page<IntegrityRecordItem>> {
  const where = { ...subject, ...publicOnWhere(today), ...(query.kind ? { kind: query.kind } : {}) }
  const [rows, total] = await Promise.all([
    db.integrityRecord.findMany({ where, orderBy: recordOrder, select: recordSelect, ...skipTake(query) }),
    db.integrityRecord.count({ where }),
  ])
  return toPage(
    rows.map((r) => toRecordItem(r, today)),
    total,
    query,
  )
}

// ---------------------------------------------------------------- credit grades

// The latest stored grade (信用等级) of a subject: computed by the scoring engine, only read here.
export const latestGradeArgs = {
  orderBy: [{ asOf: 'desc' }, { computedAt: 'desc' }, { id: 'desc' }],
  take: 1,
  select: { grade: true, score: true, asOf: true, standardVersion: true, blacklisted: true, computedAt: true },
} satisfies Prisma.CreditGradeFindManyArgs

type GradeRow = Prisma.CreditGradeGetPayload<{ select: typeof latestGradeArgs.select }>

export function toCreditGrade(rows: GradeRow[]): CreditGradeSummary | null {
  const row = rows[0]
  if (!row) return null
  return {
    grade: row.grade,
    score: row.score,
    asOf: isoDate(row.asOf),
    standardVersion: row.standardVersion,
    blacklisted: row.blacklisted,
    computedAt: row.computedAt.toISOString(),
  }
}

// ---------------------------------------------------------------- projects a subject worked on

const latestPermitFirst = [{ issuedOn: 'desc' }, { id: 'desc' }] satisfies Prisma.ConstructionPermitOrderByWithRelationInput[]

const projectSummarySelect = {
  projectCode: true,
  name: true,
  category: true,
  regionCode: true,
  registeredOn: true,
  region: { select: { name: true } },
  permits: {
    orderBy: latestPermitFirst,
    take: 1,
    select: { permitNumber: true, issuedOn: true, status: true },
  },
} satisfies Prisma.ProjectSelect

type ProjectSummaryRow = Prisma.ProjectGetPayload<{ select: typeof projectSummarySelect }>

export function toProjectRoleItem<R extends string>(role: R, project: ProjectSummaryRow): ProjectRoleItem<R> {
  const permit = project.permits[0]
  return {
    role,
    projectCode: project.projectCode,
    projectName: project.name,
    category: project.category,
    regionCode: project.regionCode,
    regionName: project.region.name,
    registeredOn: isoDate(project.registeredOn),
    permit: permit ? { permitNumber: permit.permitNumber, issuedOn: isoDate(permit.issuedOn), status: permit.status } : null,
  }
}

/** Latest registered project first, then the row id: a total order. */
const projectRoleOrder = [{ project: { registeredOn: 'desc' } }, { id: 'desc' }] satisfies Prisma.ProjectParticipantOrderByWithRelationInput[]

const projectRoleArgs = {
  orderBy: projectRoleOrder,
  select: { role: true, project: { select: projectSummarySelect } },
} satisfies Prisma.ProjectParticipantFindManyArgs & Prisma.ProjectKeyPersonFindManyArgs

/**
 * A table linking a subject to projects by role: ProjectParticipant for an enterprise (参建单位),
 * ProjectKeyPerson for a person (关键岗位). Both have the same columns but the subject's, so one
 * query serves both; the client's delegate for either fits here.
 */
interface ProjectRoleTable<W, R extends string> {
  findMany(args: typeof projectRoleArgs & { where: W; skip: number; take: number }): Promise<{ role: R; project: ProjectSummaryRow }[]>
  count(args: { where: W }): Promise<number>
}

/**
 * A page of a subject's roles on platform projects, latest registered project first; `query.role`
 * keeps one role. The role type is taken from the query only: inferred from the client's generic
 * delegate it would widen to string.
 */
export async function listProjectRoles<S extends { enterpriseId: string } | { personId: string }, R extends string>(
  table: ProjectRoleTable<NoInfer<S & { role?: R }>, NoInfer<R>>,
  subject: S,
  query: Pagination & { role?: R },
): Promise<Page<ProjectRoleItem<R>>> {
  const where = { ...subject, ...(query.role ? { role: query.role } : {}) }
  const [rows, total] = await Promise.all([table.findMany({ where, ...projectRoleArgs, ...skipTake(query) }), table.count({ where })])
  return toPage(
    rows.map((r) => toProjectRoleItem(r.role, r.project)),
    total,
    query,
  )
}

/** Counts per role from a `groupBy` on the role, every role present (0 without projects), and in all. */
export function countsByRole<R extends string>(roles: readonly R[], groups: readonly { role: R; _count: { _all: number } }[]): Record<R, number> & { total: number } {
  const counts = Object.fromEntries(roles.map((r) => [r, 0])) as Record<R, number>
  for (const g of groups) counts[g.role] = g._count._all
  return { ...counts, total: groups.reduce((sum, g) => sum + g._count._all, 0) }
}
