// Staff decide on an objection or credit-repair request: take it up (UNDER_REVIEW), accept it or
// reject it (with the reason the applicant reads on the status page). Accepting withdraws the
// record (status WITHDRAWN): an upheld objection means the record was wrong, an accepted repair
// ends its publication early; either way it leaves every public page and stops counting. The
// back office will call this; until then the demo-data seed does.
//
// One transaction with an audit entry per change. The status changes only from a state that
// allows it (conditional update), so two reviewers deciding at once cannot both succeed.
import type { Db } from '@db/client'
import type { ObjectionStatus } from '@shared/domain/enums'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'

export type ReviewDecision =
  | { status: 'UNDER_REVIEW'; reason?: string }
  | { status: 'ACCEPTED'; reason?: string }
  | { status: 'REJECTED'; reason: string }

export class ObjectionReviewError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'REASON_REQUIRED',
    message: string,
  ) {
    super(message)
    this.name = 'ObjectionReviewError'
  }
}

/** The states each decision may follow. */
const ALLOWED_FROM: Record<ReviewDecision['status'], ObjectionStatus[]> = {
  UNDER_REVIEW: ['SUBMITTED'],
  ACCEPTED: ['SUBMITTED', 'UNDER_REVIEW'],
  REJECTED: ['SUBMITTED', 'UNDER_REVIEW'],
}

export interface ReviewActor {
  /** the reviewing staff member (User.id) */
  userId: string
}

export async function reviewObjection(
  db: Db,
  trackingNumber: string,
  decision: ReviewDecision,
  actor: ReviewActor,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date()
  const reason = decision.reason?.trim() || null
  if (decision.status === 'REJECTED' && !reason) throw new ObjectionReviewError('REASON_REQUIRED', '未予采纳须说明理由')
  await withAuditRetry(db, async (tx) => {
    const objection = await tx.objection.findUnique({ where: { trackingNumber }, select: { id: true, kind: true, status: true, recordId: true } })
    if (!objection) throw new ObjectionReviewError('NOT_FOUND', `未找到受理编号为 ${trackingNumber} 的申请`)
    const from = ALLOWED_FROM[decision.status]
    const changed = await tx.objection.updateMany({
      where: { id: objection.id, status: { in: from } },
      data: { status: decision.status, statusReason: reason, statusChangedAt: now, updatedAt: now },
    })
    if (changed.count !== 1) throw new ObjectionReviewError('CONFLICT', `该申请当前状态为 ${objection.status}，不能改为 ${decision.status}`)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      action: `objection.${decision.status === 'UNDER_REVIEW' ? 'review' : decision.status === 'ACCEPTED' ? 'accept' : 'reject'}`,
      entity: 'Objection',
      entityId: objection.id,
      changes: { trackingNumber, status: [objection.status, decision.status], ...(reason ? { statusReason: reason } : {}) },
      at: now,
    })
    if (decision.status !== 'ACCEPTED') return
    const withdrawn = await tx.integrityRecord.updateMany({ where: { id: objection.recordId, status: 'ACTIVE' }, data: { status: 'WITHDRAWN' } })
    if (withdrawn.count === 1) {
      await appendAuditEntry(tx, {
        userId: actor.userId,
        action: 'record.withdraw',
        entity: 'IntegrityRecord',
        entityId: objection.recordId,
        changes: { status: ['ACTIVE', 'WITHDRAWN'], because: { objection: trackingNumber, kind: objection.kind } },
        at: now,
      })
    }
  })
}
