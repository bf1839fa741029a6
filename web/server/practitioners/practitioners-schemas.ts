// What the practitioner API answers (人员库): the schemas the OpenAPI document is generated from,
// and the types the repository, the pages and the export are written against. No field carries a
// full ID number or a phone number: the schema is the whole of what may leave the server.
import { z } from 'zod'
import { KEY_PERSON_ROLES, REGISTRATION_TYPES } from '@shared/domain/enums'
import { enterpriseRef, isoDateSchema } from '@web/server/lib/response-schemas'
import { creditGradeSummarySchema, projectRoleSchema, recordCountsSchema, roleCountsSchema } from '@web/server/subjects/subjects-schemas'

const registrationSummarySchema = z.object({
  type: z.enum(REGISTRATION_TYPES),
  number: z.string(),
  /** e.g. 建筑工程 */
  specialty: z.string(),
  validUntil: isoDateSchema,
  /** validUntil is before the day of the answer */
  expired: z.boolean(),
})

const employerSchema = z.object({ name: z.string(), uscc: z.string(), regionCode: z.string(), regionName: z.string(), inProvince: z.boolean() })

export const practitionerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  /** 居民身份证号, masked (first 3 and last 4 characters kept); the full number is never published */
  idNumberMasked: z.string().regex(/^\d{3}\*+[\dX]{4}$|^\*+$/).describe('居民身份证号，仅显示前 3 位和后 4 位'),
  /** the current employer (工作单位) */
  employer: employerSchema.nullable(),
  /** practice registrations, earliest issued first */
  registrations: z.array(registrationSummarySchema),
})

const registrationSchema = registrationSummarySchema.extend({
  issuedOn: isoDateSchema,
  /** the enterprise the registration is held at (注册单位) */
  employer: enterpriseRef.nullable(),
})

export const practitionerProfileSchema = practitionerListItemSchema.extend({
  /** the China calendar date against which `expired` and record publication were judged */
  asOf: isoDateSchema,
  registrations: z.array(registrationSchema),
  counts: z.object({
    /** key roles on platform projects, by role and in all */
    projects: roleCountsSchema(KEY_PERSON_ROLES),
    records: recordCountsSchema,
  }),
  creditGrade: creditGradeSummarySchema.nullable(),
})

/** A key role (项目经理, 总监理工程师 …) of the practitioner on a project recorded on the platform. */
export const practitionerProjectSchema = projectRoleSchema(KEY_PERSON_ROLES)

export type PractitionerEmployer = z.infer<typeof employerSchema>
export type PractitionerRegistrationSummary = z.infer<typeof registrationSummarySchema>
export type PractitionerRegistration = z.infer<typeof registrationSchema>
export type PractitionerListItem = z.infer<typeof practitionerListItemSchema>
export type PractitionerProfile = z.infer<typeof practitionerProfileSchema>
export type KeyRoleItem = z.infer<typeof practitionerProjectSchema>
