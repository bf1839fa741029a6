// Stored rows → the values an import file carries, by the import column's field (the kinds' specs in
// shared/import say which fields exist, their headers and their order; this file only says where
// each field's value is stored). Values are what the importer's reader produces after
// normalisation: codes as stored, days as YYYY-MM-DD, amounts as plain decimals, code-table
// columns as the stored value (export-csv.ts writes the label). A row the importer cannot
// represent is skipped with the reason, which the export counts and prints.
import { RECORD_CATEGORY_TABLE } from '@shared/import/code-tables'
import { isoDate } from '@web/server/lib/values'
import {
  personalFieldsOf,
  type CompletionFilingRow,
  type ContractFilingRow,
  type DrawingReviewRow,
  type EnterpriseRow,
  type IntegrityRecordRow,
  type PermitRow,
  type PractitionerRow,
  type ProjectRow,
  type QualificationRow,
  type RegistrationRow,
  type SupervisionFilingRow,
} from './data-export-repository'

/** field → value (null: an empty cell). */
export type ExportValues = Readonly<Record<string, string | null>>

export type ExportRow = { values: ExportValues } | { skip: SkipReason }

/** Why a stored row has no row in the files (docs/import.md "Export for re-import"). */
export const SKIP_REASONS = {
  notActive: 'revoked or superseded (an import creates only records in force)',
  withdrawn: 'withdrawn (an import never creates a withdrawn record)',
  noEmployer: 'practitioner without an employer (the file requires one)',
  noRegistration: 'practitioner without a practising registration (a file names people by one)',
  retiredCategory: 'category not in the current scoring standard (the import accepts only current categories)',
  repeatedKey: 'another record in force has the same decision number and subject (the import\'s key: one row per key)',
} as const
export type SkipReason = (typeof SKIP_REASONS)[keyof typeof SKIP_REASONS]

type DecimalLike = { toFixed(): string }

/** A stored decimal in plain notation, never exponent form (the importer refuses 1.2E+5). */
const decimal = (value: DecimalLike): string => value.toFixed()
/** A stored float (an area) in plain notation; the forms keep at most two decimals. */
function float(value: number | null): string | null {
  if (value === null) return null
  const s = String(value)
  return /e/i.test(s) ? value.toFixed(2) : s
}

const day = (value: Date): string => isoDate(value)
const optionalDay = (value: Date | null): string | null => isoDate(value)

const values = (v: Record<string, string | null>): ExportRow => ({ values: v })

export function enterpriseRow(e: EnterpriseRow): ExportRow {
  return values({
    uscc: e.uscc,
    name: e.name,
    type: e.type,
    regionCode: e.regionCode,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    registeredCapital: decimal(e.registeredCapital),
    establishedOn: day(e.establishedOn),
  })
}

export function qualificationRow(q: QualificationRow): ExportRow {
  return values({
    enterpriseUscc: q.enterprise.uscc,
    category: q.category,
    grade: q.grade,
    certificateNumber: q.certificateNumber,
    issuedBy: q.issuedBy,
    issuedOn: day(q.issuedOn),
    validUntil: day(q.validUntil),
  })
}

export function practitionerRow(p: PractitionerRow): ExportRow {
  if (!p.employer) return { skip: SKIP_REASONS.noEmployer }
  const personal = personalFieldsOf(p)
  return values({ idNumber: personal.idNumber, name: p.name, gender: p.gender, phone: personal.phone, employerUscc: p.employer.uscc })
}

export function registrationRow(r: RegistrationRow): ExportRow {
  // its person is not in the practitioners file, so the registration could not name them
  if (r.person.employerId === null) return { skip: SKIP_REASONS.noEmployer }
  return values({
    idNumber: personalFieldsOf(r.person).idNumber,
    type: r.type,
    number: r.number,
    specialty: r.specialty,
    issuedOn: day(r.issuedOn),
    validUntil: day(r.validUntil),
  })
}

export function projectRow(p: ProjectRow): ExportRow {
  return values({
    projectCode: p.projectCode,
    name: p.name,
    address: p.address,
    regionCode: p.regionCode,
    category: p.category,
    floorArea: float(p.floorArea),
    investment: decimal(p.investment),
    ownerUscc: p.owner.uscc,
  })
}

export function contractFilingRow(c: ContractFilingRow): ExportRow {
  if (c.status !== 'ACTIVE') return { skip: SKIP_REASONS.notActive }
  return values({
    projectCode: c.project.projectCode,
    partyRole: c.partyRole,
    partyUscc: c.party.uscc,
    contractPrice: decimal(c.contractPrice),
    signedOn: day(c.signedOn),
    filedOn: day(c.filedOn),
  })
}

export function drawingReviewRow(d: DrawingReviewRow): ExportRow {
  if (d.status !== 'ACTIVE') return { skip: SKIP_REASONS.notActive }
  return values({
    projectCode: d.project.projectCode,
    certificateNumber: d.certificateNumber,
    reviewAgency: d.reviewAgency,
    result: d.result,
    issueCount: String(d.issueCount),
    passedOn: day(d.passedOn),
  })
}

export function supervisionFilingRow(s: SupervisionFilingRow): ExportRow {
  if (s.status !== 'ACTIVE') return { skip: SKIP_REASONS.notActive }
  return values({ projectCode: s.project.projectCode, supervisionStation: s.supervisionStation, filedOn: day(s.filedOn) })
}

type NamedPerson = PermitRow['projectManager']

/** The registration number a file names a person by: one held at `employerId` if any (the one the permit relied on), else their lowest. */
function registrationNumberOf(person: NamedPerson, employerId: string | null): string | null {
  return (person.registrations.find((r) => r.employerId === employerId) ?? person.registrations[0])?.number ?? null
}

export function permitRow(p: PermitRow): ExportRow {
  if (p.status !== 'ACTIVE') return { skip: SKIP_REASONS.notActive }
  const manager = registrationNumberOf(p.projectManager, p.contractorId)
  const chief = p.chiefSupervisor ? registrationNumberOf(p.chiefSupervisor, p.supervisorId) : null
  if (manager === null || (p.chiefSupervisor && chief === null)) return { skip: SKIP_REASONS.noRegistration }
  return values({
    permitNumber: p.permitNumber,
    issuedOn: day(p.issuedOn),
    projectCode: p.project.projectCode,
    scale: p.scale,
    floorArea: float(p.floorArea),
    contractPrice: decimal(p.contractPrice),
    plannedStartOn: day(p.plannedStartOn),
    plannedEndOn: day(p.plannedEndOn),
    contractorUscc: p.contractor.uscc,
    supervisorUscc: p.supervisor?.uscc ?? null,
    projectManagerRegistrationNumber: manager,
    chiefSupervisorRegistrationNumber: chief,
  })
}

export function completionFilingRow(c: CompletionFilingRow): ExportRow {
  if (c.status !== 'ACTIVE') return { skip: SKIP_REASONS.notActive }
  return values({
    filingNumber: c.filingNumber,
    filedOn: day(c.filedOn),
    projectCode: c.project.projectCode,
    acceptedOn: day(c.acceptedOn),
    actualCost: decimal(c.actualCost),
    actualArea: float(c.actualArea),
  })
}

const CURRENT_CATEGORIES = new Set(RECORD_CATEGORY_TABLE.entries.map((e) => e.value))

export function integrityRecordRow(r: IntegrityRecordRow): ExportRow {
  if (r.status !== 'ACTIVE') return { skip: SKIP_REASONS.withdrawn }
  if (!CURRENT_CATEGORIES.has(r.categoryCode)) return { skip: SKIP_REASONS.retiredCategory }
  if (r.repeatsKey) return { skip: SKIP_REASONS.repeatedKey }
  let subjectCode: string
  if (r.enterprise) subjectCode = r.enterprise.uscc
  else {
    if (!r.person || r.person.employerId === null) return { skip: SKIP_REASONS.noEmployer }
    const number = r.person.registrations[0]?.number
    if (number === undefined) return { skip: SKIP_REASONS.noRegistration }
    subjectCode = number
  }
  return values({
    subjectCode,
    kind: r.kind,
    categoryCode: r.categoryCode,
    title: r.title,
    description: r.description,
    decisionNumber: r.decisionNumber,
    issuedBy: r.issuedBy,
    decidedOn: day(r.decidedOn),
    penaltyLastDay: optionalDay(r.penaltyLastDay),
    publishFrom: day(r.publishFrom),
  })
}
