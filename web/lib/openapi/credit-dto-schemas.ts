// Response schemas of the credit-grade, scoring-standard and objection endpoints (what the
// repositories' DTOs look like on the wire). The conformance test checks real answers with them.
import { z } from 'zod'
import { OBJECTION_KINDS, OBJECTION_STATUSES, RECORD_KINDS } from '@shared/domain/enums'
import { isoDateSchema } from './dto-schemas'

// the credit-grade schemas live with their feature (web/server/credit/credit-schemas.ts)
export { blacklistEntrySchema, creditGradeListItemSchema, creditSubjectSchema, recordRefSchema, subjectCreditSchema } from '@web/server/credit/credit-schemas'

const recordSummary = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  categoryLabel: z.string(),
  decisionNumber: z.string(),
  issuedBy: z.string(),
  decidedOn: isoDateSchema,
  publishFrom: isoDateSchema,
  lastPublicDay: isoDateSchema,
  subject: z.discriminatedUnion('type', [
    z.object({ type: z.literal('ENTERPRISE'), name: z.string(), uscc: z.string() }),
    z.object({ type: z.literal('PERSON'), id: z.string(), name: z.string() }),
  ]),
})

export const objectionViewSchema = z.object({
  trackingNumber: z.string().length(23),
  kind: z.enum(OBJECTION_KINDS),
  kindLabel: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  submittedAt: z.string().describe('ISO instant'),
  statusChangedAt: z.string().nullable(),
  record: recordSummary,
  applicantNameMasked: z.string(),
  contactPhoneMasked: z.string().describe('脱敏后的联系电话'),
  emailMasked: z.string().nullable(),
  reasons: z.string(),
  rectification: z.string().nullable(),
})

export const objectionSubmittedSchema = objectionViewSchema.extend({ statusUrl: z.string().describe('办理进度页面地址') })
