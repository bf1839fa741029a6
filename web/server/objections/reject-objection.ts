// 不予采纳, with the reason the applicant reads on the public status page.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { objectionRejectSchema } from '@shared/staff-forms/records'
import { parseStaffInput } from '@web/server/records/staff-input'
import { authorize } from '@web/server/staff/authorize'
import { decideObjection } from './review-objection'

export async function rejectObjection(db: Db, actor: Actor, trackingNumber: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'objections.review')
  const { reason } = parseStaffInput(objectionRejectSchema, input)
  await decideObjection(db, actor, trackingNumber, { status: 'REJECTED', reason }, now)
}
