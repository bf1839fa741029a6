// 受理: a reviewer takes a request up (SUBMITTED → UNDER_REVIEW); the status page shows 审核中.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { decideObjection } from './review-objection'

export function openObjection(db: Db, actor: Actor, trackingNumber: string, now = new Date()): Promise<void> {
  return decideObjection(db, actor, trackingNumber, { status: 'UNDER_REVIEW' }, now)
}
