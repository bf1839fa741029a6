// The parts of the enterprise and practitioner answers that are the same for both subjects: an
// integrity record, the record counts, the latest stored grade, a project the subject worked on
// in some role, counts by role. The OpenAPI document is generated from these schemas and the
// types are inferred from them, so a field changes in one place.
import { z } from 'zod'
import { PROJECT_CATEGORIES, RECORD_KINDS, RECORD_STATUSES, STAGE_STATUSES } from '@shared/domain/enums'
import { PUBLICATION_STATES } from '@shared/records/publication'
import { isoDateSchema } from '@web/server/lib/response-schemas'

export const subjectRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  /** rule code of the scoring standard, e.g. BAD.PENALTY.MINOR */
  categoryCode: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  description: z.string(),
  /** 文号 */
  decisionNumber: z.string(),
  /** the issuing body as printed on the decision */
  issuedBy: z.string(),
  decidedOn: isoDateSchema,
  /** first public day */
  publishFrom: isoDateSchema,
  /** 公示截止: the last public day (the stored exclusive end publishUntil − 1 day) */
  lastPublicDay: isoDateSchema,
  /** always ACTIVE, PUBLIC and true where records are published: only public records are listed */
  status: z.enum(RECORD_STATUSES),
  publication: z.enum(PUBLICATION_STATES),
  /** publication === 'PUBLIC': the record is public and counts towards the grade today */
  isPublic: z.boolean(),
  /** points as recorded under the standard in force when the record was made (+ good, − bad) */
  points: z.number(),
  /** the project the record arose from, if any */
  project: z.object({ projectCode: z.string(), name: z.string() }).nullable(),
})

/** How many records of a subject are public on the day of the answer. */
export const recordCountsSchema = z.object({
  total: z.number().int(),
  good: z.number().int(),
  bad: z.number().int(),
  /** equal to total: every record counted is public (kept for the API's clients) */
  public: z.number().int(),
})

/** The latest stored grade (信用等级), computed by the scoring engine; profiles answer null until there is one. */
export const creditGradeSummarySchema = z.object({
  grade: z.string(),
  score: z.number(),
  /** the day the grade describes */
  asOf: isoDateSchema,
  /** version of the scoring standard (诚信评分标准) it was computed under */
  standardVersion: z.string(),
  blacklisted: z.boolean(),
  computedAt: z.string().describe('ISO instant'),
})

/** Counts per role (each role of `roles` a key) and in all. */
export function roleCountsSchema<R extends readonly [string, ...string[]]>(roles: R) {
  // typed per role so that a count object is a Record<role, number> to its readers, not an index signature
  const perRole = Object.fromEntries(roles.map((r) => [r, z.number().int()])) as Record<R[number], z.ZodNumber>
  return z.object({ ...perRole, total: z.number().int() })
}

/** A project as a line of a track record or of a practitioner's roles, with its construction permit if any. */
export function projectRoleSchema<R extends readonly [string, ...string[]]>(roles: R) {
  return z.object({
    role: z.enum(roles),
    projectCode: z.string(),
    projectName: z.string(),
    category: z.enum(PROJECT_CATEGORIES),
    regionCode: z.string(),
    regionName: z.string(),
    /** the day the project was registered on the platform */
    registeredOn: isoDateSchema,
    /** the project's latest construction permit (施工许可), whatever its status; null before one is issued */
    permit: z.object({ permitNumber: z.string(), issuedOn: isoDateSchema, status: z.enum(STAGE_STATUSES) }).nullable(),
  })
}

export type IntegrityRecordItem = z.infer<typeof subjectRecordSchema>
export type RecordCounts = z.infer<typeof recordCountsSchema>
export type CreditGradeSummary = z.infer<typeof creditGradeSummarySchema>
/** A project line with the role type of either subject (the components that render both are generic over it). */
export type ProjectRoleItem<R extends string> = Omit<z.infer<ReturnType<typeof projectRoleSchema>>, 'role'> & { role: R }
