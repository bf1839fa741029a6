// The back office's writes of projects and their five stages: the reads a write needs (the project
// with its stage records, enterprises by USCC, a person's registration with an enterprise, the next
// free numbers) and the inserts, all through the caller's transaction, so that the use cases in
// this folder hold one transaction per change with its audit entry (withAuditRetry).
//
// Numbers are taken as "last + 1" inside the transaction; two writers taking the same number make
// one insert fail on the unique column, and withAuditRetry runs that transaction again.
import type { Prisma } from '@db/generated/sqlite/client'
import type { CertificateType, ParticipantRole, ProjectCategory } from '@shared/domain/enums'
import { makeCompletionFilingNumber, makePermitNumber, makeProjectCode, parseProjectCode } from '@shared/validators/codes'
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
  registeredOn: true,
  owner: { select: { id: true, uscc: true, name: true } },
  contractFilings: { select: { ...datedRow, filedOn: true, partyRole: true, partyId: true }, orderBy: { filedOn: 'asc' } },
  drawingReviews: { select: { ...datedRow, passedOn: true }, orderBy: { passedOn: 'asc' } },
  supervisionFilings: { select: { ...datedRow, filedOn: true }, orderBy: { filedOn: 'asc' } },
  permits: { select: { ...datedRow, issuedOn: true, permitNumber: true, contractorId: true, certificate: { select: { serial: true, status: true } } }, orderBy: { issuedOn: 'asc' } },
  completionFilings: { select: { ...datedRow, filedOn: true, filingNumber: true, certificate: { select: { serial: true, status: true } } }, orderBy: { filedOn: 'asc' } },
  participants: { select: { role: true, enterpriseId: true } },
} satisfies Prisma.ProjectSelect

export type ProjectForWrite = Prisma.ProjectGetPayload<{ select: typeof projectForWriteSelect }>

const enterpriseSelect = { id: true, uscc: true, name: true, type: true, regionCode: true } satisfies Prisma.EnterpriseSelect
export type EnterpriseRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>

/** 00:00 UTC of a 'YYYY-MM-DD' day, how calendar dates are stored. */
export function storedDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

export function findProjectForWrite(tx: Tx, projectCode: string): Promise<ProjectForWrite | null> {
  return tx.project.findUnique({ where: { projectCode }, select: projectForWriteSelect })
}

export function findProjectIdentity(tx: Tx, where: { contractFilingId?: string; drawingReviewId?: string; supervisionFilingId?: string }) {
  if (where.contractFilingId) return tx.contractFiling.findUnique({ where: { id: where.contractFilingId }, select: { project: { select: { projectCode: true, regionCode: true } } } }).then((r) => r?.project ?? null)
  if (where.drawingReviewId) return tx.drawingReview.findUnique({ where: { id: where.drawingReviewId }, select: { project: { select: { projectCode: true, regionCode: true } } } }).then((r) => r?.project ?? null)
  if (where.supervisionFilingId) return tx.supervisionFiling.findUnique({ where: { id: where.supervisionFilingId }, select: { project: { select: { projectCode: true, regionCode: true } } } }).then((r) => r?.project ?? null)
  return Promise.resolve(null)
}

export function findEnterpriseByUscc(tx: Tx, uscc: string): Promise<EnterpriseRow | null> {
  return tx.enterprise.findUnique({ where: { uscc }, select: enterpriseSelect })
}

/**
 * The person's practising registrations with the enterprise, of the given types, valid on `on`
 * (the check that a key person is "registered with that enterprise").
 */
export function findRegistration(tx: Tx, personId: string, employerId: string, types: readonly string[], on: Date) {
  return tx.registration.findFirst({
    where: { personId, employerId, type: { in: types as never }, issuedOn: { lte: on }, validUntil: { gte: on } },
    select: { id: true, number: true, type: true, person: { select: { id: true, name: true } } },
  })
}

export async function nextProjectCode(tx: Tx, regionCode: string, year: number, month: number): Promise<string> {
  const prefix = makeProjectCode(regionCode, year, month, 1).slice(0, 12)
  const last = await tx.project.findFirst({ where: { projectCode: { startsWith: prefix } }, orderBy: { projectCode: 'desc' }, select: { projectCode: true } })
  return makeProjectCode(regionCode, year, month, (last ? (parseProjectCode(last.projectCode)?.sequence ?? 0) : 0) + 1)
}

/** HT/JD {region}{year}{seq 6}: the platform's own filing numbers, as the seed writes them. */
export async function nextYearlyNumber(tx: Tx, kind: 'HT' | 'JD', regionCode: string, year: number): Promise<string> {
  const prefix = `${kind}${regionCode}${year}`
  const last =
    kind === 'HT'
      ? await tx.contractFiling.findFirst({ where: { filingNumber: { startsWith: prefix } }, orderBy: { filingNumber: 'desc' }, select: { filingNumber: true } })
      : await tx.supervisionFiling.findFirst({ where: { filingNumber: { startsWith: prefix } }, orderBy: { filingNumber: 'desc' }, select: { filingNumber: true } })
  const seq = (last ? Number(last.filingNumber.slice(prefix.length)) || 0 : 0) + 1
  if (seq > 999_999) throw new Error(`no ${kind} number left for ${regionCode} in ${year}`)
  return `${prefix}${String(seq).padStart(6, '0')}`
}

/** The next permit or completion-filing number of the region and day (seq 01-99 per day). */
export async function nextDatedNumber(tx: Tx, type: CertificateType, regionCode: string, iso: string, category: ProjectCategory): Promise<string> {
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
}

export async function ensureParticipant(tx: Tx, projectId: string, enterpriseId: string, role: ParticipantRole): Promise<boolean> {
  const existing = await tx.projectParticipant.findUnique({ where: { projectId_role_enterpriseId: { projectId, role, enterpriseId } }, select: { id: true } })
  if (existing) return false
  await tx.projectParticipant.create({ data: { projectId, enterpriseId, role } })
  return true
}

export async function ensureKeyPerson(tx: Tx, projectId: string, personId: string, role: 'PROJECT_MANAGER' | 'CHIEF_SUPERVISOR'): Promise<void> {
  const existing = await tx.projectKeyPerson.findUnique({ where: { projectId_role_personId: { projectId, role, personId } }, select: { id: true } })
  if (!existing) await tx.projectKeyPerson.create({ data: { projectId, personId, role } })
}
