// What the ministry export reads: the audit log as the change feed, and each exported table's
// platform rows, either in id order after a key (the full export's keyset batches) or by id (the
// entities an increment names). Every row comes with what its exchange row needs in one query:
// the project's 勘察/设计 participants, its current drawing review, its permit.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import { enterpriseRegionWhere } from '@web/server/enterprises/staff-enterprises-repository'
import { personRegionWhere } from '@web/server/practitioners/staff-practitioners-repository'
import { recordRegionWhere } from '@web/server/records/staff-records-repository'
import { regionWhere } from '@web/server/staff/authorize'
import { openIdNumber } from '@web/server/personal-data/personal-data'

/** Audit entries that record a read (an audited view of a full ID number), not a change. */
const READ_ONLY_ACTION_SUFFIX = '.view-personal-data'

/** (afterSeq, toSeq]: the audit entries an increment covers. */
export interface SeqRange {
  afterSeq: number
  toSeq: number
}

/** A keyset page (`after` an id, in id order) or the rows of given ids. */
export type RowsQuery = { after: string | undefined; take: number } | { ids: readonly string[] }

const enterpriseRef = { select: { name: true, uscc: true } } as const
// the ministry's tables key a person by the full ID number: stored encrypted, opened by openRef
const personRef = { select: { name: true, idNumber: true } } as const

function openRef<T extends { idNumber: string } | null>(ref: T): T {
  return ref && { ...ref, idNumber: openIdNumber(ref.idNumber) }
}

/** The project's 勘察 and 设计 enterprises, oldest participation first. */
const surveyAndDesign = {
  where: { role: { in: ['SURVEY', 'DESIGN'] } },
  orderBy: { id: 'asc' },
  select: { role: true, enterprise: enterpriseRef },
} satisfies Prisma.ProjectParticipantFindManyArgs

export const enterpriseSelect = {
  id: true,
  uscc: true,
  name: true,
  regionCode: true,
  legalRepresentative: true,
  registeredAddress: true,
  registeredCapital: true,
  establishedOn: true,
} satisfies Prisma.EnterpriseSelect

export const qualificationSelect = {
  id: true,
  category: true,
  grade: true,
  certificateNumber: true,
  issuedBy: true,
  issuedOn: true,
  validUntil: true,
  enterprise: enterpriseRef,
} satisfies Prisma.QualificationSelect

export const registrationSelect = {
  id: true,
  type: true,
  number: true,
  issuedOn: true,
  validUntil: true,
  person: personRef,
  employer: enterpriseRef,
} satisfies Prisma.RegistrationSelect

export const projectSelect = {
  id: true,
  projectCode: true,
  name: true,
  category: true,
  regionCode: true,
  investment: true,
  floorArea: true,
  registeredOn: true,
  owner: enterpriseRef,
} satisfies Prisma.ProjectSelect

export const contractFilingSelect = {
  id: true,
  filingNumber: true,
  partyRole: true,
  contractPrice: true,
  signedOn: true,
  filedOn: true,
  status: true,
  party: enterpriseRef,
  project: { select: { projectCode: true, owner: enterpriseRef } },
} satisfies Prisma.ContractFilingSelect

export const drawingReviewSelect = {
  id: true,
  certificateNumber: true,
  reviewAgency: true,
  issueCount: true,
  passedOn: true,
  status: true,
  project: { select: { projectCode: true, participants: surveyAndDesign } },
} satisfies Prisma.DrawingReviewSelect

export const permitSelect = {
  id: true,
  permitNumber: true,
  contractPrice: true,
  floorArea: true,
  scale: true,
  issuedOn: true,
  status: true,
  contractor: enterpriseRef,
  supervisor: enterpriseRef,
  projectManager: personRef,
  chiefSupervisor: personRef,
  project: {
    select: {
      projectCode: true,
      participants: surveyAndDesign,
      drawingReviews: { where: { status: 'ACTIVE' }, orderBy: [{ passedOn: 'desc' }, { id: 'desc' }], take: 1, select: { certificateNumber: true } },
    },
  },
} satisfies Prisma.ConstructionPermitSelect

export const completionFilingSelect = {
  id: true,
  filingNumber: true,
  actualCost: true,
  actualArea: true,
  acceptedOn: true,
  filedOn: true,
  status: true,
  revocationReason: true,
  project: {
    select: {
      projectCode: true,
      // a standing permit before a revoked or superseded one (ACTIVE sorts first on both databases)
      permits: { orderBy: [{ status: 'asc' }, { issuedOn: 'desc' }, { id: 'desc' }], take: 1, select: { permitNumber: true } },
    },
  },
} satisfies Prisma.CompletionFilingSelect

export const penaltySelect = {
  id: true,
  decisionNumber: true,
  title: true,
  decidedOn: true,
  status: true,
  enterprise: enterpriseRef,
  person: personRef,
  project: { select: { projectCode: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

export type EnterpriseRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>
export type QualificationRow = Prisma.QualificationGetPayload<{ select: typeof qualificationSelect }>
export type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>
export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>
export type ContractFilingRow = Prisma.ContractFilingGetPayload<{ select: typeof contractFilingSelect }>
export type DrawingReviewRow = Prisma.DrawingReviewGetPayload<{ select: typeof drawingReviewSelect }>
export type PermitRow = Prisma.ConstructionPermitGetPayload<{ select: typeof permitSelect }>
export type CompletionFilingRow = Prisma.CompletionFilingGetPayload<{ select: typeof completionFilingSelect }>
export type PenaltyRow = Prisma.IntegrityRecordGetPayload<{ select: typeof penaltySelect }>

function idWhere(query: RowsQuery) {
  if ('ids' in query) return { id: { in: [...query.ids] } }
  return query.after === undefined ? {} : { id: { gt: query.after } }
}
const page = (query: RowsQuery) => ({ orderBy: { id: 'asc' as const }, ...('ids' in query ? {} : { take: query.take }) })

const BAD: Prisma.IntegrityRecordWhereInput = { kind: 'BAD' }

/**
 * The `where` of each exported table for the regions (nothing for the whole province): the back
 * office's region rules, so a city's or county's exchange token exports what its staff see — an
 * enterprise by its region, a qualification, person or registration by its enterprise's, a
 * project and its stage records by the project's, a record by its subject's.
 */
function regionScopes(regions: Actor['regions']) {
  const actor = { regions } as Actor
  const project: Prisma.ProjectWhereInput = regionWhere(actor, 'regionCode')
  const ofProject = regions === 'ALL' ? {} : { project }
  return {
    enterprise: enterpriseRegionWhere(actor),
    qualification: (regions === 'ALL' ? {} : { enterprise: enterpriseRegionWhere(actor) }) satisfies Prisma.QualificationWhereInput,
    registration: (regions === 'ALL' ? {} : { person: personRegionWhere(actor) }) satisfies Prisma.RegistrationWhereInput,
    project,
    contractFiling: ofProject satisfies Prisma.ContractFilingWhereInput,
    drawingReview: ofProject satisfies Prisma.DrawingReviewWhereInput,
    supervisionFiling: ofProject satisfies Prisma.SupervisionFilingWhereInput,
    permit: ofProject satisfies Prisma.ConstructionPermitWhereInput,
    completionFiling: ofProject satisfies Prisma.CompletionFilingWhereInput,
    record: recordRegionWhere(actor),
  }
}

export function createMinistryExportRepository(db: Db, regions: Actor['regions'] = 'ALL') {
  const scope = regionScopes(regions)
  const within = <W>(q: RowsQuery, where: W) => ({ AND: [idWhere(q), where] })
  const changeWhere = (entity: string, range: SeqRange): Prisma.AuditLogWhereInput => ({
    entity,
    seq: { gt: range.afterSeq, lte: range.toSeq },
    NOT: { action: { endsWith: READ_ONLY_ACTION_SUFFIX } },
  })

  return {
    /** The newest entry's seq, 0 for an empty log. */
    async auditHead(): Promise<number> {
      const last = await db.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } })
      return last?.seq ?? 0
    },

    /** The first entry written at or after `since`, null when none is. */
    async firstSeqAtOrAfter(since: Date): Promise<number | null> {
      const first = await db.auditLog.findFirst({ where: { at: { gte: since } }, orderBy: { seq: 'asc' }, select: { seq: true } })
      return first?.seq ?? null
    },

    /** A page of the distinct ids of `entity` changed in the range, in id order, grouped by the database. */
    async changedIds(entity: string, range: SeqRange, after: string | undefined, take: number): Promise<string[]> {
      const groups = await db.auditLog.groupBy({
        by: ['entityId'],
        where: { ...changeWhere(entity, range), ...(after === undefined ? {} : { entityId: { gt: after } }) },
        orderBy: { entityId: 'asc' },
        take,
      })
      return groups.map((g) => g.entityId)
    },

    /** Which of `ids` were themselves changed as `entity` in the range. */
    async changedAmong(entity: string, range: SeqRange, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set()
      const rows = await db.auditLog.findMany({ where: { ...changeWhere(entity, range), entityId: { in: [...ids] } }, select: { entityId: true } })
      return new Set(rows.map((r) => r.entityId))
    },

    /**
     * The permits and completion filings that certificates certify now. A re-issued certificate
     * hands its permit or filing to its replacement, so the chain of replacements is followed.
     */
    async certifiedBy(certificateIds: readonly string[]): Promise<{ permitIds: string[]; completionFilingIds: string[] }> {
      const permitIds = new Set<string>()
      const completionFilingIds = new Set<string>()
      let pending = [...new Set(certificateIds)]
      const seen = new Set<string>()
      while (pending.length > 0) {
        pending.forEach((id) => seen.add(id))
        const certificates = await db.certificate.findMany({
          where: { id: { in: pending } },
          select: { permitId: true, completionFilingId: true, supersededById: true },
        })
        pending = []
        for (const c of certificates) {
          if (c.permitId) permitIds.add(c.permitId)
          if (c.completionFilingId) completionFilingIds.add(c.completionFilingId)
          if (!c.permitId && !c.completionFilingId && c.supersededById && !seen.has(c.supersededById)) pending.push(c.supersededById)
        }
      }
      return { permitIds: [...permitIds], completionFilingIds: [...completionFilingIds] }
    },

    async registrationIdsOf(personIds: readonly string[]): Promise<string[]> {
      if (personIds.length === 0) return []
      const rows = await db.registration.findMany({ where: { AND: [{ personId: { in: [...personIds] } }, scope.registration] }, orderBy: { id: 'asc' }, select: { id: true } })
      return rows.map((r) => r.id)
    },

    /** Integrity records among `ids` that are GOOD: no exchange table takes them. */
    async goodRecordIds(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return []
      const rows = await db.integrityRecord.findMany({ where: { AND: [{ id: { in: [...ids] }, kind: 'GOOD' }, scope.record] }, select: { id: true } })
      return rows.map((r) => r.id)
    },

    /** Which of `ids` are supervision filings within the regions (changes no exchange table takes). */
    async supervisionFilingIdsAmong(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return []
      const rows = await db.supervisionFiling.findMany({ where: { AND: [{ id: { in: [...ids] } }, scope.supervisionFiling] }, select: { id: true } })
      return rows.map((r) => r.id)
    },

    countSupervisionFilings: () => db.supervisionFiling.count({ where: scope.supervisionFiling }),
    countGoodRecords: () => db.integrityRecord.count({ where: { AND: [{ kind: 'GOOD' }, scope.record] } }),

    enterprises: (q: RowsQuery) => db.enterprise.findMany({ where: within(q, scope.enterprise), ...page(q), select: enterpriseSelect }),
    qualifications: (q: RowsQuery) => db.qualification.findMany({ where: within(q, scope.qualification), ...page(q), select: qualificationSelect }),
    registrations: async (q: RowsQuery) =>
      (await db.registration.findMany({ where: within(q, scope.registration), ...page(q), select: registrationSelect })).map((r) => ({ ...r, person: openRef(r.person) })),
    projects: (q: RowsQuery) => db.project.findMany({ where: within(q, scope.project), ...page(q), select: projectSelect }),
    contractFilings: (q: RowsQuery) => db.contractFiling.findMany({ where: within(q, scope.contractFiling), ...page(q), select: contractFilingSelect }),
    drawingReviews: (q: RowsQuery) => db.drawingReview.findMany({ where: within(q, scope.drawingReview), ...page(q), select: drawingReviewSelect }),
    permits: async (q: RowsQuery) =>
      (await db.constructionPermit.findMany({ where: within(q, scope.permit), ...page(q), select: permitSelect })).map((r) => ({
        ...r,
        projectManager: openRef(r.projectManager),
        chiefSupervisor: openRef(r.chiefSupervisor),
      })),
    completionFilings: (q: RowsQuery) => db.completionFiling.findMany({ where: within(q, scope.completionFiling), ...page(q), select: completionFilingSelect }),
    penalties: async (q: RowsQuery) =>
      (await db.integrityRecord.findMany({ where: { AND: [idWhere(q), BAD, scope.record] }, ...page(q), select: penaltySelect })).map((r) => ({ ...r, person: openRef(r.person) })),
  }
}

export type MinistryExportRepository = ReturnType<typeof createMinistryExportRepository>
