// Response schemas of the public API (what the repositories' DTOs look like on the wire).
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('calendar date, YYYY-MM-DD')
const nullableIsoDate = isoDateSchema.nullable()
const enterpriseRef = z.object({ name: z.string(), uscc: z.string().length(18) })
const personRef = z.object({ id: z.string(), name: z.string() })

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(100),
    pageCount: z.number().int().min(1),
  })
}

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(['bad_request', 'not_found', 'payload_too_large', 'rate_limited', 'internal_error']),
    message: z.string(),
    issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  }),
})

export const permitListItemSchema = z.object({
  permitNumber: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  regionCode: z.string(),
  regionName: z.string(),
  contractorName: z.string(),
  contractorUscc: z.string(),
  issuedOn: isoDateSchema,
  contractPrice: z.number().describe('万元'),
  floorArea: z.number().nullable().describe('m²'),
  status: z.enum(STAGE_STATUSES),
})

export const permitDetailSchema = permitListItemSchema.extend({
  address: z.string(),
  scale: z.string(),
  plannedStartOn: isoDateSchema,
  plannedEndOn: isoDateSchema,
  authorityName: z.string(),
  owner: enterpriseRef,
  survey: z.array(enterpriseRef),
  design: z.array(enterpriseRef),
  supervisor: enterpriseRef.nullable(),
  projectManager: personRef,
  chiefSupervisor: personRef.nullable(),
  revokedOn: nullableIsoDate,
  revocationReason: z.string().nullable(),
  certificate: z
    .object({ serial: z.string(), status: z.string(), statusChangedAt: nullableIsoDate, statusReason: z.string().nullable() })
    .nullable(),
})
