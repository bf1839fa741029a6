// The repository's rows as the plain entities shared/ministry maps to exchange rows: calendar
// dates as 'YYYY-MM-DD', 万元 decimals as their exact decimal strings.
import type {
  EnterpriseRef,
  MinistryCompletionFiling,
  MinistryContractFiling,
  MinistryDrawingReview,
  MinistryEnterprise,
  MinistryPenalty,
  MinistryPermit,
  MinistryProject,
  MinistryQualification,
  MinistryRegistration,
} from '@shared/ministry/entities'
import { isoDate } from '@web/server/lib/values'
import type {
  CompletionFilingRow,
  ContractFilingRow,
  DrawingReviewRow,
  EnterpriseRow,
  PenaltyRow,
  PermitRow,
  ProjectRow,
  QualificationRow,
  RegistrationRow,
} from './ministry-export-repository'

type Participants = { role: string; enterprise: EnterpriseRef }[]
const participant = (participants: Participants, role: 'SURVEY' | 'DESIGN') => participants.find((p) => p.role === role)?.enterprise ?? null

export const toMinistryEnterprise = (e: EnterpriseRow): MinistryEnterprise => ({
  uscc: e.uscc,
  name: e.name,
  regionCode: e.regionCode,
  legalRepresentative: e.legalRepresentative,
  registeredAddress: e.registeredAddress,
  registeredCapital: e.registeredCapital.toString(),
  establishedOn: isoDate(e.establishedOn),
})

export const toMinistryQualification = (q: QualificationRow): MinistryQualification => ({
  enterprise: q.enterprise,
  category: q.category,
  grade: q.grade,
  certificateNumber: q.certificateNumber,
  issuedBy: q.issuedBy,
  issuedOn: isoDate(q.issuedOn),
  validUntil: isoDate(q.validUntil),
})

export const toMinistryRegistration = (r: RegistrationRow): MinistryRegistration => ({
  person: r.person,
  type: r.type,
  number: r.number,
  issuedOn: isoDate(r.issuedOn),
  validUntil: isoDate(r.validUntil),
  employer: r.employer,
})

export const toMinistryProject = (p: ProjectRow): MinistryProject => ({
  projectCode: p.projectCode,
  name: p.name,
  category: p.category,
  regionCode: p.regionCode,
  owner: p.owner,
  investment: p.investment.toString(),
  floorArea: p.floorArea,
  registeredOn: isoDate(p.registeredOn),
})

export const toMinistryContractFiling = (c: ContractFilingRow): MinistryContractFiling => ({
  filingNumber: c.filingNumber,
  projectCode: c.project.projectCode,
  owner: c.project.owner,
  partyRole: c.partyRole,
  party: c.party,
  contractPrice: c.contractPrice.toString(),
  signedOn: isoDate(c.signedOn),
  filedOn: isoDate(c.filedOn),
  status: c.status,
})

export const toMinistryDrawingReview = (d: DrawingReviewRow): MinistryDrawingReview => ({
  certificateNumber: d.certificateNumber,
  projectCode: d.project.projectCode,
  reviewAgency: d.reviewAgency,
  issueCount: d.issueCount,
  passedOn: isoDate(d.passedOn),
  survey: participant(d.project.participants, 'SURVEY'),
  design: participant(d.project.participants, 'DESIGN'),
  status: d.status,
})

export const toMinistryPermit = (p: PermitRow): MinistryPermit => ({
  permitNumber: p.permitNumber,
  projectCode: p.project.projectCode,
  drawingReviewNumber: p.project.drawingReviews[0]?.certificateNumber ?? null,
  contractPrice: p.contractPrice.toString(),
  floorArea: p.floorArea,
  scale: p.scale,
  issuedOn: isoDate(p.issuedOn),
  survey: participant(p.project.participants, 'SURVEY'),
  design: participant(p.project.participants, 'DESIGN'),
  contractor: p.contractor,
  supervisor: p.supervisor,
  projectManager: p.projectManager,
  chiefSupervisor: p.chiefSupervisor,
  status: p.status,
})

export const toMinistryCompletionFiling = (f: CompletionFilingRow): MinistryCompletionFiling => ({
  filingNumber: f.filingNumber,
  projectCode: f.project.projectCode,
  permitNumber: f.project.permits[0]?.permitNumber ?? null,
  actualCost: f.actualCost.toString(),
  actualArea: f.actualArea,
  acceptedOn: isoDate(f.acceptedOn),
  filedOn: isoDate(f.filedOn),
  status: f.status,
  revocationReason: f.revocationReason,
})

export function toMinistryPenalty(r: PenaltyRow): MinistryPenalty {
  const subject = r.enterprise ? { name: r.enterprise.name, code: r.enterprise.uscc } : r.person ? { name: r.person.name, code: r.person.idNumber } : null
  if (!subject) throw new Error(`integrity record ${r.id} has neither an enterprise nor a person`)
  return {
    decisionNumber: r.decisionNumber,
    title: r.title,
    decidedOn: isoDate(r.decidedOn),
    subject,
    project: r.project,
    status: r.status,
  }
}
