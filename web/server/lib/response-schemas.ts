// Pieces that several features' API response schemas are built from. The OpenAPI document is
// generated from these schemas and the features' TypeScript types are inferred from them, so a
// field changes in one place.
import { z } from 'zod'
import { CERTIFICATE_STATUSES, RECORD_KINDS } from '@shared/domain/enums'

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('calendar date, YYYY-MM-DD')
export const nullableIsoDate = isoDateSchema.nullable()
export const enterpriseRef = z.object({ name: z.string(), uscc: z.string().length(18) })
export const personRef = z.object({ id: z.string(), name: z.string() })

/** The printed certificate (施工许可证 / 备案证明) of a permit or filing, with its QR code. */
export const certificateRef = z
  .object({ serial: z.string(), status: z.enum(CERTIFICATE_STATUSES), statusChangedAt: nullableIsoDate, statusReason: z.string().nullable() })
  .nullable()

/** The subject of an integrity record: an enterprise, or a person by name and portal id only (never the ID number or phone). */
export const recordSubjectRef = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ENTERPRISE'), name: z.string(), uscc: z.string() }),
  z.object({ type: z.literal('PERSON'), id: z.string(), name: z.string() }),
])

/** An integrity record as a public list shows it (the project page, the exposure board): only records public today. */
export const publicRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  /** 文号 */
  decisionNumber: z.string(),
  /** 决定日期 */
  decidedOn: isoDateSchema,
  /** the issuing body as printed on the decision */
  issuedBy: z.string(),
  /** first public day of the publication period (公示期) */
  publishFrom: isoDateSchema,
  /** 公示截止: the last public day (the stored publishUntil is exclusive, so this is the day before it) */
  lastPublicDay: isoDateSchema,
  subject: recordSubjectRef,
})

export type EnterpriseRef = z.infer<typeof enterpriseRef>
export type RecordSubjectRef = z.infer<typeof recordSubjectRef>
export type PublicRecord = z.infer<typeof publicRecordSchema>
export type PersonRef = z.infer<typeof personRef>
export type CertificateRef = z.infer<typeof certificateRef>

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(100),
    pageCount: z.number().int().min(1),
  })
}

/** A page of a keyset list (web/server/lib/keyset-page.ts): the page's fields plus the capped count's flag and the cursors. */
export function keysetPageSchema<T extends z.ZodType>(item: T) {
  return pageSchema(item).extend({
    total: z.number().int().min(0).describe('符合条件的条数；超过 10,000 条时为 10000，并且 totalCapped 为 true'),
    totalCapped: z.boolean().describe('为 true 时实际条数超过 total（计数到 10,000 为止）'),
    page: z.number().int().min(1).describe('页码；经 cursor 翻到的页为其在列表中的序号'),
    pageCount: z.number().int().min(1).describe('页数；totalCapped 为 true 时为下限'),
    nextCursor: z.string().nullable().describe('下一页：作为 cursor 参数传回；null 表示已是最后一页'),
    prevCursor: z.string().nullable().describe('上一页：作为 cursor 参数传回；null 表示已是第一页'),
  })
}
