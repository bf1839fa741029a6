// What the objection API answers (异议 / 信用修复): the schemas the OpenAPI document is generated
// from, and the types the repository, the use cases and the pages are written against.
import { z } from 'zod'
import { OBJECTION_KINDS, OBJECTION_STATUSES, RECORD_KINDS } from '@shared/domain/enums'
import { isoDateSchema, recordSubjectRef } from '@web/server/lib/response-schemas'

/** What the status page and the API say instead of a record that is no longer public. */
export const NO_LONGER_PUBLIC_NOTICE = '所涉记录已撤回或公示期已满，不再公示'

/** The record a request is about, while it is public: what the form shows. */
export const objectionRecordSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  categoryLabel: z.string(),
  decisionNumber: z.string().describe('文号'),
  issuedBy: z.string(),
  decidedOn: isoDateSchema,
  publishFrom: isoDateSchema,
  lastPublicDay: isoDateSchema.describe('公示截止（含）'),
  subject: recordSubjectRef,
})

/**
 * The record on the status page. A record outside its publication period is public nowhere, so
 * once it is withdrawn (e.g. because the objection was upheld) or its period has ended, the status
 * says only which category it was.
 */
export const objectionRecordSchema = z
  .discriminatedUnion('isPublic', [
    objectionRecordSummarySchema.extend({ isPublic: z.literal(true) }),
    z.object({
      isPublic: z.literal(false),
      kind: z.enum(RECORD_KINDS),
      categoryLabel: z.string(),
      notice: z.literal(NO_LONGER_PUBLIC_NOTICE),
    }),
  ])
  .describe(
    '申请所涉记录。记录当日在公示期内时（isPublic=true）给出标题、文号、主体等内容；记录已撤回或公示期已满（isPublic=false）时不再公示，只给出记录类别（kind、categoryLabel）和说明 notice，不含 id、title、decisionNumber、subject 等字段',
  )

export const objectionViewSchema = z.object({
  trackingNumber: z.string().length(23),
  kind: z.enum(OBJECTION_KINDS),
  kindLabel: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  statusLabel: z.string(),
  /** staff's reason (always given with a rejection) */
  statusReason: z.string().nullable(),
  submittedAt: z.string().describe('ISO instant'),
  statusChangedAt: z.string().nullable(),
  record: objectionRecordSchema,
  // masked: the status page is public to whoever holds the tracking number
  applicantNameMasked: z.string(),
  contactPhoneMasked: z.string().describe('脱敏后的联系电话'),
  emailMasked: z.string().nullable(),
  reasons: z.string(),
  rectification: z.string().nullable(),
})

export const objectionSubmittedSchema = objectionViewSchema.extend({ statusUrl: z.string().describe('办理进度页面地址') })

export type ObjectionRecordSummary = z.infer<typeof objectionRecordSummarySchema>
export type ObjectionRecord = z.infer<typeof objectionRecordSchema>
export type ObjectionView = z.infer<typeof objectionViewSchema>
export type ObjectionSubmitted = z.infer<typeof objectionSubmittedSchema>
