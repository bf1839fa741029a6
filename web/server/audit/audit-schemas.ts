// What the auditor's page and its export read from the audit log.
import { z } from 'zod'

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  /** ISO instant */
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  clientIp: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** JSON text of before and after */
  changes: z.string(),
  hash: z.string(),
})

export const auditEntryPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** the seq to pass as `after` for the next (older) page; null on the last page */
  nextAfter: z.number().int().nullable(),
})

export const brokenEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
})

export const auditChainCheckSchema = z.object({
  /** entries in the log */
  entries: z.number().int(),
  intact: z.boolean(),
  /** the first entry whose link or hash is wrong (an edited, deleted or reordered entry breaks it or the one after) */
  broken: brokenEntrySchema.nullable(),
  /**
   * the newest entry now: record it (or publish it) and pass it back as the expected head next
   * time, so that removing the newest entries — which leaves a shorter chain that still holds — shows
   */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** with an expected head: false when that entry is gone or changed (the log was cut back or rewritten) */
  expectedHeadFound: z.boolean().nullable(),
  checkedAt: z.string(),
})

export type AuditEntry = z.infer<typeof auditEntrySchema>
export type AuditEntryPage = z.infer<typeof auditEntryPageSchema>
export type AuditChainCheck = z.infer<typeof auditChainCheckSchema>
