// The back office's writes of the two stages a certificate certifies, 施工许可 and 竣工验收备案,
// and of the key people a permit names: through the caller's transaction, like
// project-stages-repository.ts (numbers taken as "last + 1", a clash retried by withAuditRetry).
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { CertificateType, ProjectCategory } from '@shared/domain/enums'
import { makeCompletionFilingNumber, makePermitNumber } from '@shared/validators/codes'
import type { Tx } from '@web/server/audit/audit-log-repository'

type KeyRole = 'PROJECT_MANAGER' | 'CHIEF_SUPERVISOR'

const certificateState = { select: { serial: true, status: true } } as const
const usccOnly = { select: { uscc: true } } as const

/** What a permit correction may change, as stored (see correct-permit.ts). */
const correctablePermitFields = {
  scale: true,
  floorArea: true,
  contractPrice: true,
  plannedStartOn: true,
  plannedEndOn: true,
  contractorId: true,
  supervisorId: true,
  projectManagerId: true,
  chiefSupervisorId: true,
} satisfies Prisma.ConstructionPermitSelect

const permitForCorrectionSelect = {
  id: true,
  permitNumber: true,
  regionCode: true,
  issuedOn: true,
  status: true,
  ...correctablePermitFields,
  contractor: usccOnly,
  supervisor: usccOnly,
  project: { select: { projectCode: true } },
  certificate: certificateState,
} satisfies Prisma.ConstructionPermitSelect

export type PermitForCorrection = Prisma.ConstructionPermitGetPayload<{ select: typeof permitForCorrectionSelect }>
export type CorrectablePermitFields = Pick<Prisma.ConstructionPermitUncheckedUpdateInput, keyof typeof correctablePermitFields>

const correctableCompletionFields = { acceptedOn: true, actualCost: true, actualArea: true } satisfies Prisma.CompletionFilingSelect

const completionForCorrectionSelect = {
  id: true,
  filingNumber: true,
  regionCode: true,
  filedOn: true,
  status: true,
  ...correctableCompletionFields,
  project: { select: { projectCode: true } },
  certificate: certificateState,
} satisfies Prisma.CompletionFilingSelect

export type CompletionForCorrection = Prisma.CompletionFilingGetPayload<{ select: typeof completionForCorrectionSelect }>
export type CorrectableCompletionFields = Pick<Prisma.CompletionFilingUncheckedUpdateInput, keyof typeof correctableCompletionFields>

export function createCertifiedStagesRepository(tx: Db | Tx) {
  return {
    /** The next permit or completion-filing number of the region and day (seq 01-99 per day). */
    async nextDatedNumber(type: CertificateType, regionCode: string, iso: string, category: ProjectCategory): Promise<string> {
      const make = type === 'CONSTRUCTION_PERMIT' ? makePermitNumber : makeCompletionFilingNumber
      const prefix = make(regionCode, iso, 1, category).slice(0, type === 'CONSTRUCTION_PERMIT' ? 14 : 16)
      const numbers =
        type === 'CONSTRUCTION_PERMIT'
          ? (await tx.constructionPermit.findMany({ where: { permitNumber: { startsWith: prefix } }, select: { permitNumber: true } })).map((r) => r.permitNumber)
          : (await tx.completionFiling.findMany({ where: { filingNumber: { startsWith: prefix } }, select: { filingNumber: true } })).map((r) => r.filingNumber)
      // the sequence is shared by both categories of the day, and sits before the category code
      const used = numbers.map((n) => Number(n.slice(prefix.length, prefix.length + 2)))
      const seq = Math.max(0, ...used) + 1
      if (seq > 99) throw new Error(`no number left for ${regionCode} on ${iso}`)
      return make(regionCode, iso, seq, category)
    },

    /** Whether a permit or completion filing already holds this number (numbers are unique across regions). */
    async datedNumberTaken(type: CertificateType, number: string): Promise<boolean> {
      const row =
        type === 'CONSTRUCTION_PERMIT'
          ? await tx.constructionPermit.findUnique({ where: { permitNumber: number }, select: { id: true } })
          : await tx.completionFiling.findUnique({ where: { filingNumber: number }, select: { id: true } })
      return row !== null
    },

    // ------------------------------------------------------------ stage 4: 施工许可

    createPermit(data: Prisma.ConstructionPermitUncheckedCreateInput): Promise<{ id: string }> {
      return tx.constructionPermit.create({ data, select: { id: true } })
    },

    findPermitForCorrection(id: string): Promise<PermitForCorrection | null> {
      return tx.constructionPermit.findUnique({ where: { id }, select: permitForCorrectionSelect })
    },

    /** The permits holding these numbers, whatever their region (the caller checks it), as a correction reads them. */
    findPermitsByNumber(numbers: readonly string[]): Promise<PermitForCorrection[]> {
      if (numbers.length === 0) return Promise.resolve([])
      return tx.constructionPermit.findMany({ where: { permitNumber: { in: [...numbers] } }, select: permitForCorrectionSelect })
    },

    async updatePermit(id: string, data: CorrectablePermitFields): Promise<void> {
      await tx.constructionPermit.update({ where: { id }, data })
    },

    /** Adds key people the caller knows the project does not have yet in their roles. */
    async addKeyPeople(projectId: string, people: readonly { personId: string; role: KeyRole }[]): Promise<void> {
      if (people.length > 0) await tx.projectKeyPerson.createMany({ data: people.map((p) => ({ projectId, ...p })) })
    },

    async ensureKeyPerson(projectId: string, personId: string, role: KeyRole): Promise<void> {
      const existing = await tx.projectKeyPerson.findUnique({ where: { projectId_role_personId: { projectId, role, personId } }, select: { id: true } })
      if (!existing) await tx.projectKeyPerson.create({ data: { projectId, personId, role } })
    },

    /**
     * Removes the person from the project's key people in the role unless a permit of the project
     * still names them in it (a revoked one too: they held the role while it was in force).
     */
    async dropKeyPersonUnlessNamed(projectId: string, personId: string, role: KeyRole): Promise<void> {
      const named = await tx.constructionPermit.count({
        where: { projectId, ...(role === 'PROJECT_MANAGER' ? { projectManagerId: personId } : { chiefSupervisorId: personId }) },
      })
      if (named === 0) await tx.projectKeyPerson.deleteMany({ where: { projectId, personId, role } })
    },

    // ------------------------------------------------------------ stage 5: 竣工验收备案

    createCompletionFiling(data: Prisma.CompletionFilingUncheckedCreateInput): Promise<{ id: string }> {
      return tx.completionFiling.create({ data, select: { id: true } })
    },

    findCompletionForCorrection(id: string): Promise<CompletionForCorrection | null> {
      return tx.completionFiling.findUnique({ where: { id }, select: completionForCorrectionSelect })
    },

    findCompletionsByNumber(numbers: readonly string[]): Promise<CompletionForCorrection[]> {
      if (numbers.length === 0) return Promise.resolve([])
      return tx.completionFiling.findMany({ where: { filingNumber: { in: [...numbers] } }, select: completionForCorrectionSelect })
    },

    async updateCompletionFiling(id: string, data: CorrectableCompletionFields): Promise<void> {
      await tx.completionFiling.update({ where: { id }, data })
    },
  }
}

export type CertifiedStagesRepository = ReturnType<typeof createCertifiedStagesRepository>
