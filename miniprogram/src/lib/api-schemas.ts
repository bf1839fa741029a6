// The portal's answers as the app reads them: zod mirrors of web/lib/openapi/dto-schemas.ts and
// web/lib/certificates/verify-operations.ts, reduced to the members the app shows.
//
// zod/mini (functional, tree-shakable): the classic API costs the weapp main package ~70 KB
// (issue 15), and these schemas need only objects, arrays, strings, numbers and booleans.
//
// Deliberately lenient where the portal may grow (so that an additive change on the server does
// not turn every answer into "平台答复无法识别"): unknown members are dropped (zod's default),
// enum-like codes are plain strings shown through a label map with a fallback, and optional
// blocks default to empty. Strict where the app makes a decision: the verification answer's
// `valid`, `genuine`, `status` and certificate identity.

import { z } from 'zod/mini'

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
const enterpriseRef = z.object({ name: z.string(), uscc: z.string() })

export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.minimum(0)),
    page: z.int().check(z.minimum(1)),
    pageSize: z.int().check(z.minimum(1)),
    pageCount: z.int().check(z.minimum(1)),
  })
}

/** The portal's error body (400, 404, 429, 5xx); its message is shown when present. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})

// ---------------------------------------------------------------- verification

export const CERTIFICATE_STATUSES = ['VALID', 'REVOKED', 'SUPERSEDED', 'EXPIRED', 'UNKNOWN'] as const
export type OnlineStatus = (typeof CERTIFICATE_STATUSES)[number]

/**
 * The answer's `log` (verifyLogSchema): the current signed checkpoint and, for each of the
 * certificate's log entries (ISSUED, then any REVOKED/SUPERSEDED), its bytes and RFC 9162
 * inclusion proof, all base64. Checked on the phone by transparency.ts.
 */
export const verifyLogSchema = z.object({
  checkpoint: z.string(),
  treeSize: z.int().check(z.minimum(0)),
  rootHash: z.string(),
  entries: z.array(
    z.object({
      event: z.string(),
      index: z.int().check(z.minimum(0)),
      entry: z.string(),
      proof: z.array(z.string()),
    }),
  ),
})
export type VerifyLog = z.infer<typeof verifyLogSchema>

/** GET /api/v1/verify (verifyAnswerSchema); a status the app does not know reads as UNKNOWN. */
export const verifyAnswerSchema = z.object({
  /**
   * genuine AND currently VALID: the field that decides 有效. Optional because a portal from
   * before it answers without; verdict.ts then derives it from genuine and status. A value that
   * is not a boolean is still refused (a wrong type is not "absent").
   */
  valid: z.optional(z.boolean()),
  genuine: z.boolean(),
  status: z.catch(z.enum(CERTIFICATE_STATUSES), 'UNKNOWN'),
  reason: z.optional(z.string()),
  message: z.string(),
  certificate: z.optional(
    z.object({
      type: z.string(),
      serial: z.string(),
      projectCode: z.string(),
      projectName: z.string(),
      holderUscc: z.string(),
      holderName: z.string(),
      issuedOn: isoDate,
      statusChangedAt: z.nullable(z.string()),
      statusReason: z.nullable(z.string()),
      // added by the portal later: optional so that an older portal's answer still parses
      documentNumber: z.optional(z.nullable(z.string())),
      contractorName: z.optional(z.nullable(z.string())),
      supervisorName: z.optional(z.nullable(z.string())),
    }),
  ),
  // inclusion proofs of the certificate's log entries; a malformed block is dropped (nothing is
  // then shown as published), it does not make the whole answer unreadable
  log: z.catch(z.optional(verifyLogSchema), undefined),
})
export type VerifyAnswer = z.infer<typeof verifyAnswerSchema>

// ---------------------------------------------------------------- projects

const keyPerson = z.object({ role: z.string(), id: z.string(), name: z.string() })

/** GET /api/v1/projects/{projectCode} (projectDetailSchema, the parts the result page shows). */
export const projectDetailSchema = z.object({
  projectCode: z.string(),
  name: z.string(),
  category: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  ownerName: z.string(),
  ownerUscc: z.string(),
  registeredOn: isoDate,
  participants: z.array(
    z.object({
      role: z.string(),
      enterprises: z.array(enterpriseRef),
      keyPeople: z.array(keyPerson),
    }),
  ),
})
export type ProjectDetail = z.infer<typeof projectDetailSchema>

// ---------------------------------------------------------------- enterprises and practitioners

/** creditGrade of a profile; null when no grade has been computed. */
export const creditGradeSchema = z.nullable(
  z.object({
    grade: z.string(),
    score: z.number(),
    asOf: isoDate,
    standardVersion: z.string(),
    blacklisted: z.boolean(),
    computedAt: z.string(),
  }),
)
export type CreditGrade = z.infer<typeof creditGradeSchema>

const recordCounts = z.object({ total: z.number(), good: z.number(), bad: z.number(), public: z.number() })

export const enterpriseListItemSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  type: z.string(),
  regionName: z.string(),
  inProvince: z.boolean(),
  legalRepresentative: z.string(),
})
export type EnterpriseListItem = z.infer<typeof enterpriseListItemSchema>

export const enterpriseProfileSchema = z.extend(enterpriseListItemSchema, {
  asOf: isoDate,
  registeredAddress: z.string(),
  establishedOn: isoDate,
  qualifications: z.array(
    z.object({
      category: z.string(),
      grade: z.string(),
      certificateNumber: z.string(),
      validUntil: isoDate,
      expired: z.boolean(),
    }),
  ),
  counts: z.object({ records: recordCounts }),
  creditGrade: creditGradeSchema,
})
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>

const registration = z.object({
  type: z.string(),
  number: z.string(),
  specialty: z.string(),
  validUntil: isoDate,
  expired: z.boolean(),
})

export const practitionerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  employer: z.nullable(z.object({ name: z.string(), uscc: z.string(), regionName: z.string() })),
  registrations: z.array(registration),
})
export type PractitionerListItem = z.infer<typeof practitionerListItemSchema>

export const practitionerProfileSchema = z.extend(practitionerListItemSchema, {
  asOf: isoDate,
  registrations: z.array(z.extend(registration, { employer: z.nullable(enterpriseRef) })),
  counts: z.object({ records: recordCounts }),
  creditGrade: creditGradeSchema,
})
export type PractitionerProfile = z.infer<typeof practitionerProfileSchema>

/** GET …/{id}/records items (subjectRecordSchema), newest decision first. */
export const subjectRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  decisionNumber: z.string(),
  issuedBy: z.string(),
  decidedOn: isoDate,
  publishFrom: isoDate,
  lastPublicDay: isoDate,
  publication: z.string(),
  isPublic: z.boolean(),
  points: z.number(),
  project: z.nullable(z.object({ projectCode: z.string(), name: z.string() })),
})
export type SubjectRecord = z.infer<typeof subjectRecordSchema>

export const enterprisePageSchema = pageOf(enterpriseListItemSchema)
export const practitionerPageSchema = pageOf(practitionerListItemSchema)
export const recordPageSchema = pageOf(subjectRecordSchema)
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number }
