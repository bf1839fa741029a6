// 采纳: an objection corrects or withdraws its record; a credit-repair request ends the record's
// publication the day after the acceptance. The subject's grade is recomputed at once.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { objectionAcceptSchema, recordCorrectionSchema } from '@shared/staff-forms/records'
import { parseStaffInput } from '@web/server/records/staff-input'
import { authorize } from '@web/server/staff/authorize'
import { decideObjection, type AcceptResolution } from './review-objection'

/** `input`: { resolution, note? } and, for CORRECT, the corrected record's fields (recordCorrectionSchema). */
export async function acceptObjection(db: Db, actor: Actor, trackingNumber: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'objections.review')
  const { resolution, note } = parseStaffInput(objectionAcceptSchema, input)
  let chosen: AcceptResolution
  if (resolution === 'CORRECT') {
    const correction = parseStaffInput(recordCorrectionSchema, { ...(input as object), reason: note ?? `异议成立（受理编号 ${trackingNumber}），予以更正` })
    chosen = { type: 'CORRECT', correction }
  } else chosen = { type: resolution }
  await decideObjection(db, actor, trackingNumber, { status: 'ACCEPTED', reason: note, resolution: chosen }, now)
}
