// What the enterprise and practitioner repositories share: a subject's integrity records and its
// stored credit grade, the validity of certificates and registrations, the summary of a project
// a subject worked on, and keyset batches over lists ordered by (name, id). No getDb() here:
// the repositories pass their client, and the pure helpers are unit-tested on their own.
import type { KeyPersonRole, ParticipantRole, ProjectCategory, RecordKind, RecordStatus, StageStatus } from '@shared/domain/enums'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { publicationState, type PublicationState } from '@shared/records/publication'
import { CURRENT_STANDARD, STANDARDS } from '@shared/scoring'
import type { Db } from '@web/lib/db'
import { isoDate } from '@web/server/lib/values'
import { lastPublicDay, publicationPeriodOf, publicOnWhere } from '@web/server/records/publication-where'
import { skipTake, toPage, type Page, type Pagination } from '@web/server/lib/pagination'

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

export interface IntegrityRecordItem {
  id: string
  kind: RecordKind
  /** rule code of the scoring standard, e.g. BAD.PENALTY.MINOR */
  categoryCode: string
  categoryLabel: string
  title: string
  description: string
  /** 文号 */
  decisionNumber: string
  /** the issuing body as printed on the decision */
  issuedBy: string
  decidedOn: string
  /** first public day */
  publishFrom: string
  /** 公示截止: the last public day (the stored exclusive end publishUntil − 1 day) */
  lastPublicDay: string
  /** always ACTIVE, PUBLIC and true where records are published: only public records are listed */
  status: RecordStatus
  publication: PublicationState
  /** publication === 'PUBLIC': the record is public and counts towards the grade today */
  isPublic: boolean
  /** points as recorded under the standard in force when the record was made (+ good, − bad) */
  points: number
  /** the project the record arose from, if any */
  project: { projectCode: string; name: string } | null
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
} as const

type RecordRow = {
  id: string
  kind: RecordKind
  categoryCode: string
  title: string
  description: string
  decisionNumber: string
  issuedBy: string
  decidedOn: Date
  publishFrom: Date
  publishUntil: Date
  status: RecordStatus
  points: number
  project: { projectCode: string; name: string } | null
}

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

/** How many records of a subject are public on the day of the answer. */
export interface RecordCounts {
  total: number
  good: number
  bad: number
  /** equal to total: every record counted is public (kept for the API's clients) */
  public: number
}

type SubjectWhere = { enterpriseId: string } | { personId: string }

export async function countRecords(db: Db, subject: SubjectWhere, today: string): Promise<RecordCounts> {
  const byKind = await db.integrityRecord.groupBy({ by: ['kind'], where: { ...subject, ...publicOnWhere(today) }, _count: { _all: true } })
  const good = byKind.find((g) => g.kind === 'GOOD')?._count._all ?? 0
  const bad = byKind.find((g) => g.kind === 'BAD')?._count._all ?? 0
  return { total: good + bad, good, bad, public: good + bad }
}

/** Newest decision first, then id: a total order, so pages never overlap. */
const recordOrder = [{ decidedOn: 'desc' as const }, { id: 'desc' as const }]

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

/** The latest stored grade (信用等级) of a subject; computed by the scoring engine, only read here. */
export interface CreditGradeSummary {
  grade: string
  score: number
  /** the day the grade describes */
  asOf: string
  /** version of the scoring standard (诚信评分标准) it was computed under */
  standardVersion: string
  blacklisted: boolean
  /** when it was computed, ISO instant */
  computedAt: string
}

export const latestGradeArgs = {
  orderBy: [{ asOf: 'desc' as const }, { computedAt: 'desc' as const }, { id: 'desc' as const }],
  take: 1,
  select: { grade: true, score: true, asOf: true, standardVersion: true, blacklisted: true, computedAt: true },
}

export function toCreditGrade(
  rows: { grade: string; score: number; asOf: Date; standardVersion: string; blacklisted: boolean; computedAt: Date }[],
): CreditGradeSummary | null {
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

/** A project as a line of a track record or of a practitioner's roles, with its construction permit if any. */
export interface ProjectRoleItem<R extends string> {
  role: R
  projectCode: string
  projectName: string
  category: ProjectCategory
  regionCode: string
  regionName: string
  /** the day the project was registered on the platform */
  registeredOn: string
  /** the project's latest construction permit (施工许可), whatever its status; null before one is issued */
  permit: { permitNumber: string; issuedOn: string; status: StageStatus } | null
}

export type TrackRecordItem = ProjectRoleItem<ParticipantRole>
export type KeyRoleItem = ProjectRoleItem<KeyPersonRole>

const latestPermitFirst = [{ issuedOn: 'desc' as const }, { id: 'desc' as const }]

export const projectSummarySelect = {
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
} as const

type ProjectSummaryRow = {
  projectCode: string
  name: string
  category: ProjectCategory
  regionCode: string
  registeredOn: Date
  region: { name: string }
  permits: { permitNumber: string; issuedOn: Date; status: StageStatus }[]
}

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
export const projectRoleOrder = [{ project: { registeredOn: 'desc' as const } }, { id: 'desc' as const }]

// ---------------------------------------------------------------- lists ordered by name

/** Position in a list ordered by (name asc, id asc). */
export interface NameCursor {
  name: string
  id: string
}

/** The display order of the enterprise and practitioner lists. */
export const nameOrder = [{ name: 'asc' as const }, { id: 'asc' as const }]

/** Prisma `where` for rows strictly after `cursor` in (name asc, id asc) order. */
export function afterNameCursorWhere(cursor: NameCursor | undefined) {
  if (!cursor) return {}
  return { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] }
}

/**
 * Walks a list ordered by (name, id) in fixed-size batches, each query starting after the last
 * row of the one before: constant memory and no OFFSET scans (keysetBatches, by name).
 */
export async function* nameKeysetBatches<T extends NameCursor>(
  fetchBatch: (after: NameCursor | undefined, take: number) => Promise<T[]>,
  batchSize = 1000,
): AsyncGenerator<T[]> {
  let after: NameCursor | undefined
  for (;;) {
    const batch = await fetchBatch(after, batchSize)
    if (batch.length) yield batch
    if (batch.length < batchSize) return
    const last = batch[batch.length - 1]
    after = { name: last.name, id: last.id }
  }
}
