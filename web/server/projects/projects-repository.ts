// Projects (项目库) as the public sees them: one project code across the five stages. The only
// code that reads projects from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { KeyPersonRole, ParticipantRole, StageStatus } from '@shared/domain/enums'
import { STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { normalizeCode } from '@shared/validators/normalize'
import { amount, isoDate } from '@web/server/lib/values'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { dateRange } from '@web/server/lib/query-params'
import { afterCursorWhere, keysetBatches, mapWholeBatches } from '@web/server/lib/keyset-batches'
import { PROJECT_ORDER, type ProjectFilters, type ProjectListQuery } from './project-queries'
import type { ProjectDetail, ProjectListItem, ProjectRecord } from './projects-schemas'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { lastPublicDay, publicAtWhere } from '@web/server/records/publication-where'
import { buildTimeline, furthestStage, groupParticipants, stagesFrom, type StageDocument } from '@shared/projects/project-timeline'

/** The relation of each stage on Project. */
const STAGE_RELATIONS = {
  CONTRACT_FILING: 'contractFilings',
  DRAWING_REVIEW: 'drawingReviews',
  SUPERVISION_FILING: 'supervisionFilings',
  CONSTRUCTION_PERMIT: 'permits',
  COMPLETION_FILING: 'completionFilings',
} as const satisfies Record<Stage, string>

const notRevoked = { where: { status: { not: 'REVOKED' as const } } }

const listSelect = {
  id: true,
  projectCode: true,
  name: true,
  category: true,
  address: true,
  registeredOn: true,
  investment: true,
  floorArea: true,
  regionCode: true,
  region: { select: { name: true } },
  owner: { select: { name: true, uscc: true } },
} satisfies Prisma.ProjectSelect

type ListRow = Prisma.ProjectGetPayload<{ select: typeof listSelect }>

function toListItem(row: ListRow, stageReached: Stage | null): ProjectListItem {
  return {
    projectCode: row.projectCode,
    name: row.name,
    category: row.category,
    regionCode: row.regionCode,
    regionName: row.region.name,
    address: row.address,
    ownerName: row.owner.name,
    ownerUscc: row.owner.uscc,
    registeredOn: isoDate(row.registeredOn),
    investment: amount(row.investment),
    floorArea: row.floorArea,
    stageReached,
  }
}

/**
 * Prisma 7 binds every id of an `in` list as a parameter and refuses more than the provider's
 * limit (999 on SQLite), so lists of ids are queried in chunks of this size.
 */
const ID_CHUNK = 500

/**
 * The furthest stage of each project, by id. A few indexed queries per stage table, restricted to
 * the given projects (Prisma's filtered `_count` would aggregate each whole stage table instead).
 */
export async function stagesReached(db: Db, projectIds: readonly string[]): Promise<Map<string, Stage | null>> {
  const done = new Map<Stage, Set<string>>(STAGE_ORDER.map((stage) => [stage, new Set()]))
  for (let i = 0; i < projectIds.length; i += ID_CHUNK) {
    const where = { projectId: { in: projectIds.slice(i, i + ID_CHUNK) }, ...notRevoked.where }
    const select = { projectId: true } as const
    const found = await Promise.all([
      db.contractFiling.findMany({ where, select }),
      db.drawingReview.findMany({ where, select }),
      db.supervisionFiling.findMany({ where, select }),
      db.constructionPermit.findMany({ where, select }),
      db.completionFiling.findMany({ where, select }),
    ])
    found.forEach((rows, s) => rows.forEach((r) => done.get(STAGE_ORDER[s])!.add(r.projectId)))
  }
  return new Map(projectIds.map((id) => [id, furthestStage((stage) => done.get(stage)!.has(id))]))
}

async function toListItems(db: Db, rows: ListRow[]): Promise<ProjectListItem[]> {
  const reached = await stagesReached(db, rows.map((r) => r.id))
  return rows.map((row) => toListItem(row, reached.get(row.id) ?? null))
}

const ownTokens = (t: TokenFilter) => ({ searchTokens: t })
const ownerTokens = (t: TokenFilter) => ({ owner: { searchTokens: t } })

export function projectWhere(filters: ProjectFilters, matches?: SearchMatches) {
  const registeredOn = dateRange(filters)
  const and: object[] = []
  if (filters.q) {
    const q = filters.q
    and.push({
      OR: [
        byIds(
          matches?.projects,
          (f) => ({ id: f }),
          () =>
            indexedContains<Prisma.ProjectWhereInput>([
              { term: q, tokens: ownTokens, text: (f) => ({ name: f }) },
              { term: normalizeCode(q), tokens: ownTokens, text: (f) => ({ projectCode: f }) },
            ]),
        ),
        byIds(
          matches?.enterpriseNames,
          (f) => ({ ownerId: f }),
          () => indexedContains<Prisma.ProjectWhereInput>([{ term: q, tokens: ownerTokens, text: (f) => ({ owner: { name: f } }) }]),
        ),
      ],
    })
  }
  if (filters.stage) {
    // reached at least `stage`: a document that is not revoked at that stage or a later one
    and.push({ OR: stagesFrom(filters.stage).map((s) => ({ [STAGE_RELATIONS[s]]: { some: notRevoked.where } })) })
  }
  return {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(registeredOn ? { registeredOn } : {}),
    ...(and.length ? { AND: and } : {}),
  }
}

const newestFirst = [{ registeredOn: 'desc' }, { id: 'desc' }] satisfies Prisma.ProjectOrderByWithRelationInput[]
const oldestFirst = { id: 'asc' } as const
const authorityName = { select: { name: true } } satisfies Prisma.AuthorityDefaultArgs

/** The project page: the list's fields, every stage document, participants, key people. */
const detailSelect = {
  ...listSelect,
  participants: { orderBy: oldestFirst, select: { role: true, enterprise: { select: { name: true, uscc: true } } } },
  keyPeople: { orderBy: oldestFirst, select: { role: true, person: { select: { id: true, name: true } } } },
  contractFilings: {
    orderBy: oldestFirst,
    select: {
      filingNumber: true,
      filedOn: true,
      status: true,
      partyRole: true,
      contractPrice: true,
      party: { select: { name: true, uscc: true } },
      authority: authorityName,
    },
  },
  drawingReviews: {
    orderBy: oldestFirst,
    select: { certificateNumber: true, passedOn: true, status: true, reviewAgency: true, authority: authorityName },
  },
  supervisionFilings: {
    orderBy: oldestFirst,
    select: { filingNumber: true, filedOn: true, status: true, supervisionStation: true, authority: authorityName },
  },
  permits: {
    orderBy: oldestFirst,
    select: { permitNumber: true, issuedOn: true, status: true, revokedOn: true, revocationReason: true, authority: authorityName },
  },
  completionFilings: {
    orderBy: oldestFirst,
    select: { filingNumber: true, filedOn: true, status: true, revokedOn: true, revocationReason: true, authority: authorityName },
  },
} satisfies Prisma.ProjectSelect

/** A record on the project page; which records is decided per request (public on the day). */
const recordSelect = {
  kind: true,
  title: true,
  decisionNumber: true,
  decidedOn: true,
  issuedBy: true,
  publishFrom: true,
  publishUntil: true,
  subjectType: true,
  enterprise: { select: { name: true, uscc: true } },
  // never idNumber or phone
  person: { select: { id: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

type RecordRow = Prisma.IntegrityRecordGetPayload<{ select: typeof recordSelect }>

function toProjectRecord(r: RecordRow): ProjectRecord[] {
  const subject: ProjectRecord['subject'] | null =
    r.subjectType === 'ENTERPRISE' && r.enterprise
      ? { type: 'ENTERPRISE', ...r.enterprise }
      : r.subjectType === 'PERSON' && r.person
        ? { type: 'PERSON', ...r.person }
        : null
  if (!subject) return []
  return [
    {
      kind: r.kind,
      title: r.title,
      decisionNumber: r.decisionNumber,
      decidedOn: isoDate(r.decidedOn),
      issuedBy: r.issuedBy,
      publishFrom: isoDate(r.publishFrom),
      lastPublicDay: lastPublicDay(r.publishUntil),
      subject,
    },
  ]
}

export function createProjectsRepository(db: Db) {
  return {
    async listProjects(query: ProjectListQuery): Promise<KeysetPage<ProjectListItem>> {
      const where = projectWhere(query, await findSearchMatches(db, query.q))
      return keysetPage({
        order: PROJECT_ORDER,
        query,
        find: (read) => db.project.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: listSelect, skip: read.skip, take: read.take }),
        count: (take) => db.project.count({ where, take }),
        keyOf: (row) => ({ value: row.registeredOn, id: row.id }),
        map: (rows) => toListItems(db, rows),
      })
    },

    /** `batchSize`: rows per query (default 1,000). */
    exportProjects(filters: ProjectFilters, batchSize?: number): AsyncGenerator<ProjectListItem[]> {
      const where = projectWhere(filters)
      return mapWholeBatches(
        keysetBatches(
          (after, take) =>
            db.project.findMany({
              where: { AND: [where, afterCursorWhere('registeredOn', after)] },
              orderBy: newestFirst,
              select: listSelect,
              take,
            }),
          (row) => ({ date: row.registeredOn, id: row.id }),
          batchSize,
        ),
        (rows) => toListItems(db, rows),
      )
    },

    /** `asOf` decides which integrity records are in their publication period (by its China calendar day). */
    async getProject(projectCode: string, asOf: Date = new Date()): Promise<ProjectDetail | null> {
      const row = await db.project.findUnique({
        where: { projectCode },
        select: {
          ...detailSelect,
          records: { where: publicAtWhere(asOf), orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }], select: recordSelect },
        },
      })
      if (!row) return null

      const doc = (
        stage: Stage,
        d: { number: string; date: Date; status: StageStatus; authority: { name: string } },
        extra: Partial<StageDocument> = {},
      ): StageDocument & { stage: Stage } => ({
        stage,
        number: d.number,
        date: isoDate(d.date),
        status: d.status,
        authorityName: d.authority.name,
        party: null,
        contractPrice: null,
        agency: null,
        revokedOn: null,
        revocationReason: null,
        ...extra,
      })
      const documents = [
        ...row.contractFilings.map((c) =>
          doc('CONTRACT_FILING', { ...c, number: c.filingNumber, date: c.filedOn }, {
            party: { role: c.partyRole as ParticipantRole, ...c.party },
            contractPrice: amount(c.contractPrice),
          }),
        ),
        ...row.drawingReviews.map((r) => doc('DRAWING_REVIEW', { ...r, number: r.certificateNumber, date: r.passedOn }, { agency: r.reviewAgency })),
        ...row.supervisionFilings.map((s) => doc('SUPERVISION_FILING', { ...s, number: s.filingNumber, date: s.filedOn }, { agency: s.supervisionStation })),
        ...row.permits.map((p) =>
          doc('CONSTRUCTION_PERMIT', { ...p, number: p.permitNumber, date: p.issuedOn }, { revokedOn: isoDate(p.revokedOn), revocationReason: p.revocationReason }),
        ),
        ...row.completionFilings.map((c) =>
          doc('COMPLETION_FILING', { ...c, number: c.filingNumber, date: c.filedOn }, { revokedOn: isoDate(c.revokedOn), revocationReason: c.revocationReason }),
        ),
      ]

      const records = row.records.flatMap(toProjectRecord)

      const stages = buildTimeline(documents)
      return {
        ...toListItem(row, furthestStage((stage) => stages.some((s) => s.stage === stage && s.done))),
        stages,
        participants: groupParticipants(
          row.owner,
          row.participants as { role: ParticipantRole; enterprise: { name: string; uscc: string } }[],
          row.keyPeople as { role: KeyPersonRole; person: { id: string; name: string } }[],
        ),
        records,
      }
    },
  }
}
