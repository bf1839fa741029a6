// What the enterprise API answers (企业库): the schemas the OpenAPI document is generated from,
// and the types the repository, the pages and the export are written against.
import { z } from 'zod'
import { ENTERPRISE_TYPES, PARTICIPANT_ROLES, REGISTRATION_TYPES } from '@shared/domain/enums'
import { isoDateSchema } from '@web/server/lib/response-schemas'
import { creditGradeSummarySchema, projectRoleSchema, recordCountsSchema, roleCountsSchema } from '@web/server/subjects/subjects-schemas'

export const enterpriseListItemSchema = z.object({
  uscc: z.string().length(18),
  name: z.string(),
  type: z.enum(ENTERPRISE_TYPES),
  /** registration region: a Hainan region code or an out-of-province city code */
  regionCode: z.string(),
  regionName: z.string(),
  inProvince: z.boolean(),
  legalRepresentative: z.string(),
  registeredAddress: z.string(),
  registeredCapital: z.number().describe('万元'),
  establishedOn: isoDateSchema,
})

const qualificationSchema = z.object({
  /** e.g. 建筑工程施工总承包 */
  category: z.string(),
  /** e.g. 特级, 一级, 甲级 */
  grade: z.string(),
  certificateNumber: z.string(),
  issuedBy: z.string(),
  issuedOn: isoDateSchema,
  validUntil: isoDateSchema,
  /** validUntil is before `asOf` of the answer */
  expired: z.boolean(),
})

export const enterpriseProfileSchema = enterpriseListItemSchema.extend({
  /** the China calendar date against which `expired` and record publication were judged */
  asOf: isoDateSchema,
  /** valid ones first (latest expiry first), then by id */
  qualifications: z.array(qualificationSchema),
  counts: z.object({
    /** people whose current employer this is */
    employees: z.number().int(),
    /** people with at least one practice registration at this enterprise */
    registeredPractitioners: z.number().int(),
    /** practice registrations at this enterprise */
    registrations: z.number().int(),
    /** track record: platform projects by role, and in all */
    projects: roleCountsSchema(PARTICIPANT_ROLES),
    records: recordCountsSchema,
  }),
  creditGrade: creditGradeSummarySchema.nullable(),
})

/** A line of the track record (业绩): the enterprise's role on a project recorded on the platform. */
export const enterpriseProjectSchema = projectRoleSchema(PARTICIPANT_ROLES)

/** A practice registration held at the enterprise, with its holder. */
export const enterpriseRegistrationSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  type: z.enum(REGISTRATION_TYPES),
  number: z.string(),
  specialty: z.string(),
  validUntil: isoDateSchema,
  expired: z.boolean(),
})

export type EnterpriseListItem = z.infer<typeof enterpriseListItemSchema>
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>
export type QualificationItem = z.infer<typeof qualificationSchema>
export type TrackRecordItem = z.infer<typeof enterpriseProjectSchema>
export type EnterpriseRegistrationItem = z.infer<typeof enterpriseRegistrationSchema>
