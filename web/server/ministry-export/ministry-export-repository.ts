// What the ministry export reads: the audit log as the change feed, and each exported table's
// platform rows, either in id order after a key (the full export's keyset batches) or by id (the
// entities an increment names). Every row comes with what its exchange row needs in one query:
// the project's 勘察/设计 participants, its current drawing review, its permit.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'

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
const personRef = { select: { name: true, idNumber: true } } as const

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

export function createMinistryExportRepository(db: Db) {
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
      const rows = await db.registration.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { id: 'asc' }, select: { id: true } })
      return rows.map((r) => r.id)
    },

    /** Integrity records among `ids` that are GOOD: no exchange table takes them. */
    async goodRecordIds(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return []
      const rows = await db.integrityRecord.findMany({ where: { id: { in: [...ids] }, kind: 'GOOD' }, select: { id: true } })
      return rows.map((r) => r.id)
    },

    countSupervisionFilings: () => db.supervisionFiling.count(),
    countGoodRecords: () => db.integrityRecord.count({ where: { kind: 'GOOD' } }),

    enterprises: (q: RowsQuery) => db.enterprise.findMany({ where: idWhere(q), ...page(q), select: enterpriseSelect }),
    qualifications: (q: RowsQuery) => db.qualification.findMany({ where: idWhere(q), ...page(q), select: qualificationSelect }),
    registrations: (q: RowsQuery) => db.registration.findMany({ where: idWhere(q), ...page(q), select: registrationSelect }),
    projects: (q: RowsQuery) => db.project.findMany({ where: idWhere(q), ...page(q), select: projectSelect }),
    contractFilings: (q: RowsQuery) => db.contractFiling.findMany({ where: idWhere(q), ...page(q), select: contractFilingSelect }),
    drawingReviews: (q: RowsQuery) => db.drawingReview.findMany({ where: idWhere(q), ...page(q), select: drawingReviewSelect }),
    permits: (q: RowsQuery) => db.constructionPermit.findMany({ where: idWhere(q), ...page(q), select: permitSelect }),
    completionFilings: (q: RowsQuery) => db.completionFiling.findMany({ where: idWhere(q), ...page(q), select: completionFilingSelect }),
    penalties: (q: RowsQuery) => db.integrityRecord.findMany({ where: { AND: [idWhere(q), BAD] }, ...page(q), select: penaltySelect }),
  }
}

export type MinistryExportRepository = ReturnType<typeof createMinistryExportRepository>
