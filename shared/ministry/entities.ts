// The platform's entities as the ministry export reads them: plain values, no database types.
// Calendar dates are 'YYYY-MM-DD'; 万元 amounts are decimal strings exactly as stored, so no
// amount passes through a binary float; areas (m²) are numbers as the schema stores them.
import type { ParticipantRole, ProjectCategory, RecordStatus, RegistrationType, StageStatus } from '../domain/enums'

export interface EnterpriseRef {
  name: string
  uscc: string
}

/** Full ID numbers: the ministry export is not public (docs/ministry-export.md, "Personal data"). */
export interface PersonRef {
  name: string
  idNumber: string
}

export interface MinistryEnterprise {
  uscc: string
  name: string
  regionCode: string
  legalRepresentative: string
  registeredAddress: string
  registeredCapital: string
  establishedOn: string
}

export interface MinistryQualification {
  enterprise: EnterpriseRef
  category: string
  grade: string
  certificateNumber: string
  issuedBy: string
  issuedOn: string
  validUntil: string
}

export interface MinistryRegistration {
  person: PersonRef
  type: RegistrationType
  number: string
  issuedOn: string
  validUntil: string
  /** the enterprise the registration is held with */
  employer: EnterpriseRef | null
}

export interface MinistryProject {
  projectCode: string
  name: string
  category: ProjectCategory
  regionCode: string
  owner: EnterpriseRef
  investment: string
  floorArea: number | null
  registeredOn: string
}

export interface MinistryContractFiling {
  filingNumber: string
  projectCode: string
  /** the project's owner (建设单位), who lets the contract */
  owner: EnterpriseRef
  partyRole: ParticipantRole
  party: EnterpriseRef
  contractPrice: string
  signedOn: string
  filedOn: string
  status: StageStatus
}

export interface MinistryDrawingReview {
  certificateNumber: string
  projectCode: string
  reviewAgency: string
  issueCount: number
  passedOn: string
  /** the project's 勘察 and 设计 participants (the first of each when there are several) */
  survey: EnterpriseRef | null
  design: EnterpriseRef | null
  status: StageStatus
}

export interface MinistryPermit {
  permitNumber: string
  projectCode: string
  /** the project's current drawing review certificate, if any */
  drawingReviewNumber: string | null
  contractPrice: string
  floorArea: number | null
  scale: string
  issuedOn: string
  survey: EnterpriseRef | null
  design: EnterpriseRef | null
  contractor: EnterpriseRef
  supervisor: EnterpriseRef | null
  projectManager: PersonRef
  chiefSupervisor: PersonRef | null
  status: StageStatus
}

export interface MinistryCompletionFiling {
  filingNumber: string
  projectCode: string
  /** the project's permit (a standing one before a revoked one) */
  permitNumber: string | null
  actualCost: string
  actualArea: number | null
  acceptedOn: string
  filedOn: string
  status: StageStatus
  revocationReason: string | null
}

/** A BAD integrity record (行政处罚 or another handling decision) of an enterprise or a person. */
export interface MinistryPenalty {
  decisionNumber: string
  title: string
  decidedOn: string
  /** the enterprise's USCC or the person's ID number */
  subject: { name: string; code: string }
  project: { projectCode: string; name: string } | null
  status: RecordStatus
}
