// What the exchange API's read endpoints answer (GET /api/exchange/v1/projects/{projectCode},
// …/enterprises/{uscc}, …/practitioners/{practitioner}). The use cases parse their answers with
// these schemas and the exchange OpenAPI document is generated from them, so a field the code adds
// or drops changes the document (and fails the conformance test) instead of drifting from it.
// Other departments' systems read these: a practitioner's ID number appears only masked, and no
// phone number at all.
import { z } from 'zod'
import {
  certificateStatusSchema,
  enterpriseTypeSchema,
  keyPersonRoleSchema,
  participantRoleSchema,
  projectCategorySchema,
  registrationTypeSchema,
  stageStatusSchema,
} from '@shared/domain/enums'
import { enterpriseRef, isoDateSchema, personRef } from '@web/server/lib/response-schemas'

const certificateSchema = z
  .object({ serial: z.string(), status: certificateStatusSchema, issuedOn: isoDateSchema, statusReason: z.string().nullable() })
  .describe('the certificate issued for the record, with its current status')

export const exchangeProjectSchema = z.object({
  projectCode: z.string(),
  name: z.string(),
  address: z.string(),
  regionCode: z.string().describe('GB/T 2260 code of the region, the first six digits of the project code'),
  regionName: z.string(),
  category: projectCategorySchema,
  floorArea: z.number().nullable(),
  investment: z.number().describe('万元'),
  registeredOn: isoDateSchema,
  owner: enterpriseRef,
  participants: z.array(z.object({ role: participantRoleSchema, name: z.string(), uscc: z.string() })),
  keyPeople: z.array(z.object({ role: keyPersonRoleSchema, name: z.string() })),
  stages: z
    .object({
      contractFilings: z.array(
        z.object({
          id: z.string(),
          filingNumber: z.string(),
          partyRole: participantRoleSchema,
          party: enterpriseRef,
          contractPrice: z.number(),
          signedOn: isoDateSchema,
          filedOn: isoDateSchema,
          status: stageStatusSchema,
        }),
      ),
      drawingReviews: z.array(
        z.object({
          id: z.string(),
          certificateNumber: z.string(),
          reviewAgency: z.string(),
          result: z.string(),
          issueCount: z.number().int(),
          passedOn: isoDateSchema,
          status: stageStatusSchema,
        }),
      ),
      supervisionFilings: z.array(z.object({ id: z.string(), filingNumber: z.string(), supervisionStation: z.string(), filedOn: isoDateSchema, status: stageStatusSchema })),
      constructionPermits: z.array(
        z.object({
          id: z.string(),
          permitNumber: z.string(),
          issuedOn: isoDateSchema,
          scale: z.string(),
          floorArea: z.number().nullable(),
          contractPrice: z.number(),
          plannedStartOn: isoDateSchema,
          plannedEndOn: isoDateSchema,
          status: stageStatusSchema,
          revocationReason: z.string().nullable(),
          contractor: enterpriseRef,
          supervisor: enterpriseRef.nullable(),
          projectManager: personRef,
          chiefSupervisor: personRef.nullable(),
          certificate: certificateSchema.nullable(),
        }),
      ),
      completionFilings: z.array(
        z.object({
          id: z.string(),
          filingNumber: z.string(),
          acceptedOn: isoDateSchema,
          filedOn: isoDateSchema,
          actualCost: z.number(),
          actualArea: z.number().nullable(),
          status: stageStatusSchema,
          revocationReason: z.string().nullable(),
          certificate: certificateSchema.nullable(),
        }),
      ),
    })
    .describe('every record of the five stages in stage order, each list oldest first; ACTIVE is in force, REVOKED and SUPERSEDED are history'),
})
export type ExchangeProject = z.infer<typeof exchangeProjectSchema>

export const exchangeEnterpriseSchema = z.object({
  id: z.string(),
  uscc: z.string().length(18),
  name: z.string(),
  type: enterpriseTypeSchema,
  regionCode: z.string(),
  regionName: z.string(),
  inProvince: z.boolean(),
  legalRepresentative: z.string(),
  registeredAddress: z.string(),
  registeredCapital: z.number().describe('万元'),
  establishedOn: isoDateSchema,
  qualifications: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      grade: z.string(),
      certificateNumber: z.string(),
      issuedBy: z.string(),
      issuedOn: isoDateSchema,
      validUntil: isoDateSchema,
    }),
  ),
})
export type ExchangeEnterprise = z.infer<typeof exchangeEnterpriseSchema>

export const exchangePractitionerSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string().describe('the ID number masked as on the back office; the full number is never answered'),
  employer: z.object({ uscc: z.string(), name: z.string(), regionCode: z.string() }).nullable(),
  registrations: z.array(
    z.object({
      id: z.string(),
      type: registrationTypeSchema,
      number: z.string(),
      specialty: z.string(),
      issuedOn: isoDateSchema,
      validUntil: isoDateSchema,
    }),
  ),
})
export type ExchangePractitioner = z.infer<typeof exchangePractitionerSchema>
