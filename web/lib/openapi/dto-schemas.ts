// Response schemas of the public API (what the repositories' DTOs look like on the wire).
import { z } from 'zod'
import {
  ENTERPRISE_TYPES,
  KEY_PERSON_ROLES,
  PARTICIPANT_ROLES,
  PROJECT_CATEGORIES,
  RECORD_KINDS,
  RECORD_STATUSES,
  REGISTRATION_TYPES,
  STAGE_STATUSES,
} from '@shared/domain/enums'
import { STAGE_ORDER } from '@shared/domain/stages'
import { enterpriseRef, isoDateSchema, nullableIsoDate } from '@web/server/lib/response-schemas'

export { isoDateSchema, pageSchema } from '@web/server/lib/response-schemas'
export { permitDetailSchema, permitListItemSchema } from '@web/server/permits/permits-schemas'
export { completionFilingDetailSchema, completionFilingListItemSchema } from '@web/server/completion-filings/completion-filings-schemas'
export { permitStatisticsSchema } from '@web/server/statistics/statistics-schemas'

/** The body of every error answer, with the one list of error codes (web/lib/api/api-error.ts). */
export { apiErrorSchema as errorSchema } from '@web/lib/api/api-error'

// ---------------------------------------------------------------- projects

export const projectListItemSchema = z.object({
  projectCode: z.string(),
  name: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  ownerName: z.string(),
  ownerUscc: z.string(),
  registeredOn: isoDateSchema,
  investment: z.number().describe('万元'),
  floorArea: z.number().nullable(),
  stageReached: z.enum(STAGE_ORDER).nullable(),
})

const stageDocument = z.object({
  number: z.string(),
  date: isoDateSchema,
  status: z.enum(STAGE_STATUSES),
  authorityName: z.string(),
  party: z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string(), uscc: z.string() }).nullable(),
  contractPrice: z.number().nullable(),
  agency: z.string().nullable(),
  revokedOn: nullableIsoDate,
  revocationReason: z.string().nullable(),
})

const publicRecord = z.object({
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  decisionNumber: z.string(),
  decidedOn: isoDateSchema,
  issuedBy: z.string(),
  publishFrom: isoDateSchema,
  lastPublicDay: isoDateSchema,
  subject: z.discriminatedUnion('type', [
    z.object({ type: z.literal('ENTERPRISE'), name: z.string(), uscc: z.string() }),
    z.object({ type: z.literal('PERSON'), id: z.string(), name: z.string() }),
  ]),
})

export const projectDetailSchema = projectListItemSchema.extend({
  stages: z
    .array(z.object({ stage: z.enum(STAGE_ORDER), number: z.number().int().min(1).max(5), done: z.boolean(), doneOn: nullableIsoDate, documents: z.array(stageDocument) }))
    .length(5),
  participants: z
    .array(
      z.object({
        role: z.enum(PARTICIPANT_ROLES),
        enterprises: z.array(enterpriseRef),
        keyPeople: z.array(z.object({ role: z.enum(KEY_PERSON_ROLES), id: z.string(), name: z.string() })),
      }),
    )
    .length(5),
  records: z.array(publicRecord),
})

// ---------------------------------------------------------------- enterprises and practitioners

export const enterpriseListItemSchema = z.object({
  uscc: z.string().length(18),
  name: z.string(),
  type: z.enum(ENTERPRISE_TYPES),
  regionCode: z.string(),
  regionName: z.string(),
  inProvince: z.boolean(),
  legalRepresentative: z.string(),
  registeredAddress: z.string(),
  registeredCapital: z.number().describe('万元'),
  establishedOn: isoDateSchema,
})

const recordCounts = z.object({ total: z.number().int(), good: z.number().int(), bad: z.number().int(), public: z.number().int() })
const creditGrade = z
  .object({ grade: z.string(), score: z.number(), asOf: isoDateSchema, standardVersion: z.string(), blacklisted: z.boolean(), computedAt: z.string().describe('ISO instant') })
  .nullable()
const roleCounts = <R extends readonly [string, ...string[]]>(roles: R) =>
  z.object({ ...Object.fromEntries(roles.map((r) => [r, z.number().int()])), total: z.number().int() })

export const enterpriseProfileSchema = enterpriseListItemSchema.extend({
  asOf: isoDateSchema,
  qualifications: z.array(
    z.object({ category: z.string(), grade: z.string(), certificateNumber: z.string(), issuedBy: z.string(), issuedOn: isoDateSchema, validUntil: isoDateSchema, expired: z.boolean() }),
  ),
  counts: z.object({
    employees: z.number().int(),
    registeredPractitioners: z.number().int(),
    registrations: z.number().int(),
    projects: roleCounts(PARTICIPANT_ROLES),
    records: recordCounts,
  }),
  creditGrade,
})

const projectRole = <R extends readonly [string, ...string[]]>(roles: R) =>
  z.object({
    role: z.enum(roles),
    projectCode: z.string(),
    projectName: z.string(),
    category: z.enum(PROJECT_CATEGORIES),
    regionCode: z.string(),
    regionName: z.string(),
    registeredOn: isoDateSchema,
    permit: z.object({ permitNumber: z.string(), issuedOn: isoDateSchema, status: z.enum(STAGE_STATUSES) }).nullable(),
  })
export const enterpriseProjectSchema = projectRole(PARTICIPANT_ROLES)
export const practitionerProjectSchema = projectRole(KEY_PERSON_ROLES)

export const subjectRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  categoryCode: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  description: z.string(),
  decisionNumber: z.string(),
  issuedBy: z.string(),
  decidedOn: isoDateSchema,
  publishFrom: isoDateSchema,
  lastPublicDay: isoDateSchema,
  status: z.enum(RECORD_STATUSES),
  publication: z.enum(['NOT_YET', 'PUBLIC', 'ENDED', 'WITHDRAWN']),
  isPublic: z.boolean(),
  points: z.number(),
  project: z.object({ projectCode: z.string(), name: z.string() }).nullable(),
})

export const enterpriseRegistrationSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  type: z.enum(REGISTRATION_TYPES),
  number: z.string(),
  specialty: z.string(),
  validUntil: isoDateSchema,
  expired: z.boolean(),
})

const registration = z.object({ type: z.enum(REGISTRATION_TYPES), number: z.string(), specialty: z.string(), validUntil: isoDateSchema, expired: z.boolean() })

export const practitionerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string().regex(/^\d{3}\*+[\dX]{4}$|^\*+$/).describe('居民身份证号，仅显示前 3 位和后 4 位'),
  employer: z.object({ name: z.string(), uscc: z.string(), regionCode: z.string(), regionName: z.string(), inProvince: z.boolean() }).nullable(),
  registrations: z.array(registration),
})

export const practitionerProfileSchema = practitionerListItemSchema.extend({
  asOf: isoDateSchema,
  registrations: z.array(registration.extend({ issuedOn: isoDateSchema, employer: enterpriseRef.nullable() })),
  counts: z.object({ projects: roleCounts(KEY_PERSON_ROLES), records: recordCounts }),
  creditGrade,
})

// ---------------------------------------------------------------- exposure board

export const exposureEntrySchema = publicRecord.extend({
  id: z.string(),
  categoryCode: z.string(),
  description: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  project: z.object({ projectCode: z.string(), name: z.string() }).nullable(),
})
