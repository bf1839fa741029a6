// The back office's writes of projects and their first three stages, and the reads every stage
// write needs (the project with its stage records, enterprises by USCC, a person's registration
// with an enterprise): through the caller's transaction, so that the use cases in this folder hold
// one transaction per change with its audit entry (withAuditRetry). Permits and completion filings,
// the stages a certificate certifies, are in certified-stages-repository.ts.
//
// Numbers are taken as "last + 1" inside the transaction; two writers taking the same number make
// one insert fail on the unique column, and withAuditRetry runs that transaction again.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { ParticipantRole } from '@shared/domain/enums'
import { makeProjectCode, parseProjectCode } from '@shared/validators/codes'
import type { Tx } from '@web/server/audit/audit-log-repository'

const datedRow = { id: true, status: true } as const

export const projectForWriteSelect = {
  id: true,
  projectCode: true,
  name: true,
  address: true,
  regionCode: true,
  category: true,
  floorArea: true,
  investment: true,
  registeredOn: true,
  owner: { select: { id: true, uscc: true, name: true } },
  contractFilings: { select: { ...datedRow, filedOn: true, partyRole: true, partyId: true }, orderBy: { filedOn: 'asc' } },
  drawingReviews: { select: { ...datedRow, passedOn: true }, orderBy: { passedOn: 'asc' } },
  supervisionFilings: { select: { ...datedRow, filedOn: true }, orderBy: { filedOn: 'asc' } },
  permits: { select: { ...datedRow, issuedOn: true, permitNumber: true, contractorId: true, certificate: { select: { serial: true, status: true } } }, orderBy: { issuedOn: 'asc' } },
  completionFilings: { select: { ...datedRow, filedOn: true, filingNumber: true, certificate: { select: { serial: true, status: true } } }, orderBy: { filedOn: 'asc' } },
  participants: { select: { role: true, enterpriseId: true } },
  keyPeople: { select: { role: true, personId: true } },
} satisfies Prisma.ProjectSelect

export type ProjectForWrite = Prisma.ProjectGetPayload<{ select: typeof projectForWriteSelect }>

const enterpriseSelect = { id: true, uscc: true, name: true, type: true, regionCode: true } satisfies Prisma.EnterpriseSelect
export type EnterpriseRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>

const registrationSelect = {
  id: true,
  number: true,
  type: true,
  employerId: true,
  issuedOn: true,
  validUntil: true,
  person: { select: { id: true, name: true } },
} satisfies Prisma.RegistrationSelect
export type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>

const registrationNumberSelect = { number: true, personId: true } satisfies Prisma.RegistrationSelect

/** A stage 1-3 record as an import compares it with a row (its natural key and its fields). */
const contractForImportSelect = {
  id: true,
  projectId: true,
  status: true,
  partyRole: true,
  party: { select: { uscc: true } },
  contractPrice: true,
  signedOn: true,
  filedOn: true,
} satisfies Prisma.ContractFilingSelect
export type ContractForImport = Prisma.ContractFilingGetPayload<{ select: typeof contractForImportSelect }>

const reviewForImportSelect = {
  id: true,
  certificateNumber: true,
  reviewAgency: true,
  result: true,
  issueCount: true,
  passedOn: true,
  project: { select: { projectCode: true } },
} satisfies Prisma.DrawingReviewSelect
export type ReviewForImport = Prisma.DrawingReviewGetPayload<{ select: typeof reviewForImportSelect }>

const supervisionForImportSelect = { id: true, projectId: true, status: true, supervisionStation: true, filedOn: true } satisfies Prisma.SupervisionFilingSelect
export type SupervisionForImport = Prisma.SupervisionFilingGetPayload<{ select: typeof supervisionForImportSelect }>

const projectOfRecord = { select: { project: { select: { projectCode: true, regionCode: true } } } } as const

/** A stage 1-3 record, by the id its edit form carries. */
export type StageRecordRef = { contractFilingId: string } | { drawingReviewId: string } | { supervisionFilingId: string }

const contractFields = { partyRole: true, partyId: true, contractPrice: true, signedOn: true, filedOn: true } satisfies Prisma.ContractFilingSelect
const reviewFields = { reviewAgency: true, result: true, issueCount: true, certificateNumber: true, passedOn: true } satisfies Prisma.DrawingReviewSelect
const supervisionFields = { supervisionStation: true, filedOn: true } satisfies Prisma.SupervisionFilingSelect

/** 00:00 UTC of a 'YYYY-MM-DD' day, how calendar dates are stored. */
export function storedDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

export function createProjectStagesRepository(tx: Db | Tx) {
  return {
    findProjectForWrite(projectCode: string): Promise<ProjectForWrite | null> {
      return tx.project.findUnique({ where: { projectCode }, select: projectForWriteSelect })
    },

    /** The projects with these codes, whatever their region (the caller checks it, as projectInRegion does). */
    findProjectsForWrite(projectCodes: readonly string[]): Promise<ProjectForWrite[]> {
      if (projectCodes.length === 0) return Promise.resolve([])
      return tx.project.findMany({ where: { projectCode: { in: [...projectCodes] } }, select: projectForWriteSelect })
    },

    /** The project a stage 1-3 record belongs to, or null when there is no such record. */
    async findProjectOfRecord(ref: StageRecordRef): Promise<{ projectCode: string; regionCode: string } | null> {
      if ('contractFilingId' in ref) return (await tx.contractFiling.findUnique({ where: { id: ref.contractFilingId }, ...projectOfRecord }))?.project ?? null
      if ('drawingReviewId' in ref) return (await tx.drawingReview.findUnique({ where: { id: ref.drawingReviewId }, ...projectOfRecord }))?.project ?? null
      return (await tx.supervisionFiling.findUnique({ where: { id: ref.supervisionFilingId }, ...projectOfRecord }))?.project ?? null
    },

    findEnterpriseByUscc(uscc: string): Promise<EnterpriseRow | null> {
      return tx.enterprise.findUnique({ where: { uscc }, select: enterpriseSelect })
    },

    findEnterprisesByUscc(usccs: readonly string[]): Promise<EnterpriseRow[]> {
      if (usccs.length === 0) return Promise.resolve([])
      return tx.enterprise.findMany({ where: { uscc: { in: [...usccs] } }, select: enterpriseSelect })
    },

    /** Whose practising registrations these numbers are (a file names a permit's people by them). */
    findRegistrationsByNumber(numbers: readonly string[]): Promise<{ number: string; personId: string }[]> {
      if (numbers.length === 0) return Promise.resolve([])
      return tx.registration.findMany({ where: { number: { in: [...numbers] } }, select: registrationNumberSelect })
    },

    /**
     * The person's practising registrations with the enterprise, oldest first: the caller picks the
     * one the key-person rule accepts (shared/domain/key-people.ts). A person holds a handful.
     */
    findRegistrations(personId: string, employerId: string): Promise<RegistrationRow[]> {
      return tx.registration.findMany({ where: { personId, employerId }, orderBy: { id: 'asc' }, select: registrationSelect })
    },

    async nextProjectCode(regionCode: string, year: number, month: number): Promise<string> {
      const prefix = makeProjectCode(regionCode, year, month, 1).slice(0, 12)
      const last = await tx.project.findFirst({ where: { projectCode: { startsWith: prefix } }, orderBy: { projectCode: 'desc' }, select: { projectCode: true } })
      return makeProjectCode(regionCode, year, month, (last ? (parseProjectCode(last.projectCode)?.sequence ?? 0) : 0) + 1)
    },

    /**
     * HT/JD {region}{year}{seq 6}: the platform's own filing numbers, as the seed writes them.
     * `taken` (prefix → last sequence taken in this transaction) spares a bulk import the read per
     * row; it must be the only way numbers of these prefixes are taken while it is held.
     */
    async nextYearlyNumber(kind: 'HT' | 'JD', regionCode: string, year: number, taken?: Map<string, number>): Promise<string> {
      const prefix = `${kind}${regionCode}${year}`
      let last = taken?.get(prefix)
      if (last === undefined) {
        const row =
          kind === 'HT'
            ? await tx.contractFiling.findFirst({ where: { filingNumber: { startsWith: prefix } }, orderBy: { filingNumber: 'desc' }, select: { filingNumber: true } })
            : await tx.supervisionFiling.findFirst({ where: { filingNumber: { startsWith: prefix } }, orderBy: { filingNumber: 'desc' }, select: { filingNumber: true } })
        last = row ? Number(row.filingNumber.slice(prefix.length)) || 0 : 0
      }
      const seq = last + 1
      if (seq > 999_999) throw new Error(`no ${kind} number left for ${regionCode} in ${year}`)
      taken?.set(prefix, seq)
      return `${prefix}${String(seq).padStart(6, '0')}`
    },

    /** The project with its owner as its first participant, in one call (half the cost of two when an import registers thousands). */
    createProject(data: Omit<Prisma.ProjectUncheckedCreateInput, 'participants'>): Promise<{ id: string }> {
      return tx.project.create({ data: { ...data, participants: { create: { enterpriseId: data.ownerId, role: 'OWNER' } } }, select: { id: true } })
    },

    /** Adds a participant the caller knows the project does not have yet. */
    async addParticipant(projectId: string, enterpriseId: string, role: ParticipantRole): Promise<void> {
      await tx.projectParticipant.create({ data: { projectId, enterpriseId, role }, select: { id: true } })
    },

    /** Adds the enterprise as a participant in the role; false when it already was one. */
    async ensureParticipant(projectId: string, enterpriseId: string, role: ParticipantRole): Promise<boolean> {
      const existing = await tx.projectParticipant.findUnique({ where: { projectId_role_enterpriseId: { projectId, role, enterpriseId } }, select: { id: true } })
      if (existing) return false
      await tx.projectParticipant.create({ data: { projectId, enterpriseId, role } })
      return true
    },

    /** Removes the participant unless another ACTIVE contract of that role still names it. */
    async dropParticipantUnlessContracted(projectId: string, enterpriseId: string, role: ParticipantRole): Promise<void> {
      const still = await tx.contractFiling.count({ where: { projectId, partyId: enterpriseId, partyRole: role, status: 'ACTIVE' } })
      if (still === 0) await tx.projectParticipant.deleteMany({ where: { projectId, enterpriseId, role } })
    },

    // ------------------------------------------------------------ stage 1: 合同备案

    createContractFiling(data: Prisma.ContractFilingUncheckedCreateInput): Promise<{ id: string }> {
      return tx.contractFiling.create({ data, select: { id: true } })
    },

    findContractFiling(id: string) {
      return tx.contractFiling.findUniqueOrThrow({ where: { id }, select: contractFields })
    },

    /** The contract filings of these projects, for an import to find a row's filing by its natural key. */
    findContractFilingsOfProjects(projectIds: readonly string[]): Promise<ContractForImport[]> {
      if (projectIds.length === 0) return Promise.resolve([])
      return tx.contractFiling.findMany({ where: { projectId: { in: [...projectIds] } }, select: contractForImportSelect, orderBy: { id: 'asc' } })
    },

    async updateContractFiling(id: string, data: Pick<Prisma.ContractFilingUncheckedUpdateInput, keyof typeof contractFields>): Promise<void> {
      await tx.contractFiling.update({ where: { id }, data })
    },

    // ------------------------------------------------------------ stage 2: 施工图审查

    /** The review holding this 审查合格书 number, if any (the number is unique). */
    findDrawingReviewByNumber(certificateNumber: string): Promise<{ id: string } | null> {
      return tx.drawingReview.findUnique({ where: { certificateNumber }, select: { id: true } })
    },

    findDrawingReviewsByNumber(certificateNumbers: readonly string[]): Promise<ReviewForImport[]> {
      if (certificateNumbers.length === 0) return Promise.resolve([])
      return tx.drawingReview.findMany({ where: { certificateNumber: { in: [...certificateNumbers] } }, select: reviewForImportSelect })
    },

    createDrawingReview(data: Prisma.DrawingReviewUncheckedCreateInput): Promise<{ id: string }> {
      return tx.drawingReview.create({ data, select: { id: true } })
    },

    findDrawingReview(id: string) {
      return tx.drawingReview.findUniqueOrThrow({ where: { id }, select: reviewFields })
    },

    async updateDrawingReview(id: string, data: Pick<Prisma.DrawingReviewUncheckedUpdateInput, keyof typeof reviewFields>): Promise<void> {
      await tx.drawingReview.update({ where: { id }, data })
    },

    // ------------------------------------------------------------ stage 3: 质量安全报监

    createSupervisionFiling(data: Prisma.SupervisionFilingUncheckedCreateInput): Promise<{ id: string }> {
      return tx.supervisionFiling.create({ data, select: { id: true } })
    },

    findSupervisionFiling(id: string) {
      return tx.supervisionFiling.findUniqueOrThrow({ where: { id }, select: supervisionFields })
    },

    findSupervisionFilingsOfProjects(projectIds: readonly string[]): Promise<SupervisionForImport[]> {
      if (projectIds.length === 0) return Promise.resolve([])
      return tx.supervisionFiling.findMany({ where: { projectId: { in: [...projectIds] } }, select: supervisionForImportSelect, orderBy: { id: 'asc' } })
    },

    async updateSupervisionFiling(id: string, data: Pick<Prisma.SupervisionFilingUncheckedUpdateInput, keyof typeof supervisionFields>): Promise<void> {
      await tx.supervisionFiling.update({ where: { id }, data })
    },
  }
}

export type ProjectStagesRepository = ReturnType<typeof createProjectStagesRepository>
