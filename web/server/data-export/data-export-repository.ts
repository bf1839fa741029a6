// What the export for re-import reads: every kind of import file's rows, a keyset page at a time
// (id order, after the last id of the page before), limited to regions, with what a row names by
// its key in the import file (an owner's USCC, a person's ID number, a project's code) in the same
// query. Status columns are read too, so that the use case can count what the importer cannot
// represent instead of leaving it out in silence.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { openIdNumber, openPersonPhone } from '@web/server/personal-data/personal-data'

/** The regions an export covers: every region, or these codes (GB/T 2260). */
export type ExportRegions = 'ALL' | readonly string[]

/** A keyset page: the rows after `after` (an id) in id order, at most `take`. */
export interface ExportPage {
  after: string | undefined
  take: number
  regions: ExportRegions
}

// ---------------------------------------------------------------- personal fields
// Practitioners' ID numbers and phone numbers are read here and nowhere else in the export, so that
// the way they are stored (encrypted at rest, web/server/personal-data) is known in one place: the
// files carry the plain values, which the target's import encrypts under its own keys.

const personalSelect = { idNumber: true, phone: true } satisfies Prisma.PersonSelect

export interface PersonalFields {
  idNumber: string
  phone: string | null
}

/** A practitioner's full ID number and phone, opened, from a row read with `personalSelect`. */
export function personalFieldsOf(person: Prisma.PersonGetPayload<{ select: typeof personalSelect }>): PersonalFields {
  return { idNumber: openIdNumber(person.idNumber), phone: openPersonPhone(person.phone) }
}

// ---------------------------------------------------------------- selects

const uscc = { select: { uscc: true } } as const
const projectCode = { select: { projectCode: true } } as const
/**
 * A person as a file names them: by a practising registration number (any of theirs names them;
 * lowest first), and whether they have an employer (a practitioner row cannot be written without one).
 */
const namedPerson = {
  select: { employerId: true, registrations: { orderBy: { number: 'asc' }, select: { number: true, employerId: true } } },
} as const

export const enterpriseSelect = {
  id: true,
  uscc: true,
  name: true,
  type: true,
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
  enterprise: uscc,
} satisfies Prisma.QualificationSelect

export const practitionerSelect = {
  id: true,
  name: true,
  gender: true,
  ...personalSelect,
  employer: uscc,
} satisfies Prisma.PersonSelect

export const registrationSelect = {
  id: true,
  type: true,
  number: true,
  specialty: true,
  issuedOn: true,
  validUntil: true,
  person: { select: { ...personalSelect, employerId: true } },
} satisfies Prisma.RegistrationSelect

export const projectSelect = {
  id: true,
  projectCode: true,
  name: true,
  address: true,
  regionCode: true,
  category: true,
  floorArea: true,
  investment: true,
  owner: uscc,
} satisfies Prisma.ProjectSelect

export const contractFilingSelect = {
  id: true,
  partyRole: true,
  contractPrice: true,
  signedOn: true,
  filedOn: true,
  status: true,
  party: uscc,
  project: projectCode,
} satisfies Prisma.ContractFilingSelect

export const drawingReviewSelect = {
  id: true,
  certificateNumber: true,
  reviewAgency: true,
  result: true,
  issueCount: true,
  passedOn: true,
  status: true,
  project: projectCode,
} satisfies Prisma.DrawingReviewSelect

export const supervisionFilingSelect = {
  id: true,
  supervisionStation: true,
  filedOn: true,
  status: true,
  project: projectCode,
} satisfies Prisma.SupervisionFilingSelect

export const permitSelect = {
  id: true,
  permitNumber: true,
  issuedOn: true,
  scale: true,
  floorArea: true,
  contractPrice: true,
  plannedStartOn: true,
  plannedEndOn: true,
  status: true,
  contractorId: true,
  supervisorId: true,
  contractor: uscc,
  supervisor: uscc,
  projectManager: namedPerson,
  chiefSupervisor: namedPerson,
  project: projectCode,
} satisfies Prisma.ConstructionPermitSelect

export const completionFilingSelect = {
  id: true,
  filingNumber: true,
  filedOn: true,
  acceptedOn: true,
  actualCost: true,
  actualArea: true,
  status: true,
  project: projectCode,
} satisfies Prisma.CompletionFilingSelect

export const integrityRecordSelect = {
  id: true,
  kind: true,
  categoryCode: true,
  title: true,
  description: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  penaltyLastDay: true,
  publishFrom: true,
  status: true,
  enterpriseId: true,
  personId: true,
  enterprise: uscc,
  person: namedPerson,
} satisfies Prisma.IntegrityRecordSelect

export type EnterpriseRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>
export type QualificationRow = Prisma.QualificationGetPayload<{ select: typeof qualificationSelect }>
export type PractitionerRow = Prisma.PersonGetPayload<{ select: typeof practitionerSelect }>
export type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>
export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>
export type ContractFilingRow = Prisma.ContractFilingGetPayload<{ select: typeof contractFilingSelect }>
export type DrawingReviewRow = Prisma.DrawingReviewGetPayload<{ select: typeof drawingReviewSelect }>
export type SupervisionFilingRow = Prisma.SupervisionFilingGetPayload<{ select: typeof supervisionFilingSelect }>
export type PermitRow = Prisma.ConstructionPermitGetPayload<{ select: typeof permitSelect }>
export type CompletionFilingRow = Prisma.CompletionFilingGetPayload<{ select: typeof completionFilingSelect }>
export type IntegrityRecordRow = Prisma.IntegrityRecordGetPayload<{ select: typeof integrityRecordSelect }> & {
  /** another record in force with the same decision number and subject has a lower id (a file holds one row per such key) */
  repeatsKey: boolean
}

// ---------------------------------------------------------------- region scoping
// The same rules as the staff forms' scoping: an enterprise and a project by their own region, a
// practitioner by the employer's, a stage by its project's, a record by its subject's.

const regionIn = (regions: ExportRegions) => (regions === 'ALL' ? undefined : { in: [...regions] })

function enterpriseWhere(regions: ExportRegions): Prisma.EnterpriseWhereInput {
  return regions === 'ALL' ? {} : { regionCode: regionIn(regions) }
}

function personWhere(regions: ExportRegions): Prisma.PersonWhereInput {
  return regions === 'ALL' ? {} : { employer: enterpriseWhere(regions) }
}

function projectWhere(regions: ExportRegions): Prisma.ProjectWhereInput {
  return regions === 'ALL' ? {} : { regionCode: regionIn(regions) }
}

function recordWhere(regions: ExportRegions): Prisma.IntegrityRecordWhereInput {
  return regions === 'ALL' ? {} : { OR: [{ enterprise: enterpriseWhere(regions) }, { person: personWhere(regions) }] }
}

/** The import's natural key of a record: the decision number with the subject. */
const recordKey = (r: { decisionNumber: string; enterpriseId: string | null; personId: string | null }) =>
  `${r.decisionNumber}\u0000${r.enterpriseId ? `E:${r.enterpriseId}` : `P:${r.personId}`}`

const after = (page: ExportPage) => (page.after === undefined ? {} : { id: { gt: page.after } })
const order = (page: ExportPage) => ({ orderBy: { id: 'asc' as const }, take: page.take })

export function createDataExportRepository(db: Db) {
  return {
    enterprises: (p: ExportPage) => db.enterprise.findMany({ where: { ...enterpriseWhere(p.regions), ...after(p) }, ...order(p), select: enterpriseSelect }),
    qualifications: (p: ExportPage) =>
      db.qualification.findMany({ where: { enterprise: enterpriseWhere(p.regions), ...after(p) }, ...order(p), select: qualificationSelect }),
    practitioners: (p: ExportPage) => db.person.findMany({ where: { ...personWhere(p.regions), ...after(p) }, ...order(p), select: practitionerSelect }),
    registrations: (p: ExportPage) =>
      db.registration.findMany({ where: { person: personWhere(p.regions), ...after(p) }, ...order(p), select: registrationSelect }),
    projects: (p: ExportPage) => db.project.findMany({ where: { ...projectWhere(p.regions), ...after(p) }, ...order(p), select: projectSelect }),
    contractFilings: (p: ExportPage) =>
      db.contractFiling.findMany({ where: { project: projectWhere(p.regions), ...after(p) }, ...order(p), select: contractFilingSelect }),
    drawingReviews: (p: ExportPage) =>
      db.drawingReview.findMany({ where: { project: projectWhere(p.regions), ...after(p) }, ...order(p), select: drawingReviewSelect }),
    supervisionFilings: (p: ExportPage) =>
      db.supervisionFiling.findMany({ where: { project: projectWhere(p.regions), ...after(p) }, ...order(p), select: supervisionFilingSelect }),
    permits: (p: ExportPage) =>
      db.constructionPermit.findMany({ where: { project: projectWhere(p.regions), ...after(p) }, ...order(p), select: permitSelect }),
    completionFilings: (p: ExportPage) =>
      db.completionFiling.findMany({ where: { project: projectWhere(p.regions), ...after(p) }, ...order(p), select: completionFilingSelect }),
    async integrityRecords(p: ExportPage): Promise<IntegrityRecordRow[]> {
      const rows = await db.integrityRecord.findMany({ where: { ...recordWhere(p.regions), ...after(p) }, ...order(p), select: integrityRecordSelect })
      // the records in force that share a page row's decision number: one query per page, so
      // memory stays a page's worth however many records the table holds
      const numbers = [...new Set(rows.filter((r) => r.status === 'ACTIVE').map((r) => r.decisionNumber))]
      const firstIdOf = new Map<string, string>()
      if (numbers.length > 0) {
        const sharing = await db.integrityRecord.findMany({
          where: { decisionNumber: { in: numbers }, status: 'ACTIVE' },
          orderBy: { id: 'asc' },
          select: { id: true, decisionNumber: true, enterpriseId: true, personId: true },
        })
        for (const r of sharing) {
          const key = recordKey(r)
          if (!firstIdOf.has(key)) firstIdOf.set(key, r.id)
        }
      }
      return rows.map((r) => ({ ...r, repeatsKey: r.status === 'ACTIVE' && firstIdOf.get(recordKey(r)) !== r.id }))
    },

    /** The codes among `codes` that name a region row (an unknown --region is refused by name). */
    async knownRegions(codes: readonly string[]): Promise<string[]> {
      const rows = await db.region.findMany({ where: { code: { in: [...codes] } }, select: { code: true } })
      return rows.map((r) => r.code)
    },
  }
}

export type DataExportRepository = ReturnType<typeof createDataExportRepository>
