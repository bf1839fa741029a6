// Deciding on an objection (异议) or credit-repair request (信用修复): take it up (UNDER_REVIEW),
// accept it or reject it (with the reason the applicant reads on the status page). What accepting
// does to the record:
//   WITHDRAW         an upheld objection: the record was wrong; it is withdrawn (leaves every
//                    public page and stops counting)
//   CORRECT          an upheld objection: the record is corrected (the same rules and audit entry
//                    as staff's correctRecord)
//   END_PUBLICATION  an accepted repair: the record stays true but its publication ends early —
//                    publishUntil becomes the day after the acceptance (Beijing time), so the
//                    acceptance day is its last public day
//
// Two entry points share the state machine below:
//   decideObjection(db, actor, …)   staff (web/server/objections/open-, accept-, reject-objection):
//                                   permission objections.review, the record's subject of the
//                                   actor's regions (else 404), the grade recomputed at once
//   reviewObjection(db, number, …)  operator commands and the demo-data seed, which have no session
//                                   (accepting withdraws unless told otherwise)
//
// One transaction with an audit entry per change. The status changes only from a state that
// allows it (conditional update), so two reviewers deciding at once cannot both succeed.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import type { ObjectionStatus } from '@shared/domain/enums'
import { addDays } from '@shared/scoring/days'
import type { Actor } from '@shared/staff/actor'
import type { RecordCorrection } from '@shared/staff-forms/records'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { recomputeSubjectGrade } from '@web/server/credit/recompute-grades'
import { ConflictError, InputError, NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { applyRecordCorrection } from '@web/server/records/apply-record-correction'
import { applyRecordWithdrawal } from '@web/server/records/apply-record-withdrawal'
import type { ChangeContext } from '@web/server/records/record-change-context'
import { subjectRefOf } from '@web/server/records/record-subject'
import { dayDate } from '@web/server/records/staff-input'
import { createStaffRecordsRepository } from '@web/server/records/staff-records-repository'
import { createStaffObjectionsRepository, type ObjectionForDecision } from './staff-objections-repository'

export type AcceptResolution = { type: 'WITHDRAW' } | { type: 'CORRECT'; correction: RecordCorrection } | { type: 'END_PUBLICATION' }

export type ReviewDecision =
  | { status: 'UNDER_REVIEW'; reason?: string }
  | { status: 'ACCEPTED'; reason?: string; resolution?: AcceptResolution }
  | { status: 'REJECTED'; reason: string }

/** The states each decision may follow. */
const ALLOWED_FROM: Record<ReviewDecision['status'], ObjectionStatus[]> = {
  UNDER_REVIEW: ['SUBMITTED'],
  ACCEPTED: ['SUBMITTED', 'UNDER_REVIEW'],
  REJECTED: ['SUBMITTED', 'UNDER_REVIEW'],
}

const STATUS_WORDS: Record<ObjectionStatus, string> = { SUBMITTED: '已提交', UNDER_REVIEW: '审核中', ACCEPTED: '已采纳', REJECTED: '未予采纳' }

export interface ReviewActor {
  /** the reviewing staff member (User.id) */
  userId: string
  clientIp?: string | null
}

/** The publication of an ACTIVE record ends after the day of `now` (Beijing time). */
async function endPublication(tx: Tx, recordId: string, trackingNumber: string, ctx: ChangeContext): Promise<void> {
  const records = createStaffRecordsRepository(tx)
  const record = await records.findState(recordId)
  if (!record || record.status !== 'ACTIVE') throw new ConflictError('所涉记录已撤销，无需提前结束公示')
  const until = addDays(chinaDateOf(ctx.now), 1)
  if (isoDate(record.publishUntil) <= until) throw new ConflictError('所涉记录的公示期已满或即将届满，无需提前结束')
  await records.updateIfActive(recordId, { publishUntil: dayDate(until) })
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.end-publication',
    entity: 'IntegrityRecord',
    entityId: recordId,
    changes: { objection: trackingNumber, before: { publishUntil: isoDate(record.publishUntil) }, after: { publishUntil: until } },
    at: ctx.now,
  })
}

async function decideInTx(
  tx: Tx,
  objection: ObjectionForDecision,
  trackingNumber: string,
  decision: ReviewDecision,
  ctx: ChangeContext & { staff?: Pick<Actor, 'regions'> },
): Promise<void> {
  const reason = decision.reason?.trim() || null
  if (decision.status === 'REJECTED' && !reason) throw new InputError({ reason: '未予采纳须说明理由' })
  const changed = await createStaffObjectionsRepository(tx).changeStatus(objection.id, ALLOWED_FROM[decision.status], {
    status: decision.status,
    statusReason: reason,
    statusChangedAt: ctx.now,
    updatedAt: ctx.now,
  })
  if (!changed) {
    throw new ConflictError(`该申请当前状态为“${STATUS_WORDS[objection.status]}”，不能改为“${STATUS_WORDS[decision.status]}”`)
  }
  const resolution = decision.status === 'ACCEPTED' ? (decision.resolution ?? { type: 'WITHDRAW' as const }) : null
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: `objection.${decision.status === 'UNDER_REVIEW' ? 'review' : decision.status === 'ACCEPTED' ? 'accept' : 'reject'}`,
    entity: 'Objection',
    entityId: objection.id,
    changes: {
      trackingNumber,
      status: [objection.status, decision.status],
      ...(reason ? { statusReason: reason } : {}),
      ...(resolution ? { resolution: resolution.type } : {}),
    },
    at: ctx.now,
  })
  if (!resolution) return
  const recordCtx = { ...ctx, objection: trackingNumber }
  if (resolution.type === 'END_PUBLICATION') return endPublication(tx, objection.recordId, trackingNumber, recordCtx)
  const records = createStaffRecordsRepository(tx)
  if (resolution.type === 'CORRECT') {
    const record = await records.findForChange(ctx.staff ?? { regions: 'ALL' }, objection.recordId)
    if (!record) throw new NotFoundError('诚信记录')
    return applyRecordCorrection(tx, record, resolution.correction, recordCtx)
  }
  const record = await records.findState(objection.recordId)
  // a record already withdrawn (by staff, or an earlier request) stays so; the request is still upheld
  if (record?.status !== 'ACTIVE') return
  const because = objection.kind === 'REPAIR' ? '信用修复申请已采纳' : '异议成立'
  await applyRecordWithdrawal(tx, record, `${because}（受理编号 ${trackingNumber}）${reason ? `：${reason}` : ''}`, recordCtx)
}

/** The staff decision: see the file's comment. Returns nothing; the grade is recomputed when the record changed. */
export async function decideObjection(db: Db, actor: Actor, trackingNumber: string, decision: ReviewDecision, now = new Date()): Promise<void> {
  authorize(actor, 'objections.review')
  const objection = await withAuditRetry(db, async (tx) => {
    const objection = await createStaffObjectionsRepository(tx).findForDecision(actor, trackingNumber)
    if (!objection) throw new NotFoundError('该受理编号的申请')
    if (decision.status === 'ACCEPTED') {
      const type = decision.resolution?.type
      if (objection.kind === 'REPAIR' && type !== 'END_PUBLICATION') throw new InputError({ resolution: '采纳信用修复申请即提前结束该记录的公示' })
      if (objection.kind === 'OBJECTION' && type !== 'CORRECT' && type !== 'WITHDRAW') throw new InputError({ resolution: '采纳异议须更正或撤销所涉记录' })
    }
    await decideInTx(tx, objection, trackingNumber, decision, { actor, now, staff: actor })
    return objection
  })
  // after the commit: the recompute writes in a transaction of its own (see web/server/records/record-integrity.ts)
  if (decision.status === 'ACCEPTED') await recomputeSubjectGrade(db, subjectRefOf(objection), now)
}

/**
 * The operator's and the demo seed's decision, without a session (they act as the user named).
 * Accepting withdraws the record unless a resolution says otherwise.
 */
export async function reviewObjection(
  db: Db,
  trackingNumber: string,
  decision: ReviewDecision,
  actor: ReviewActor,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date()
  await withAuditRetry(db, async (tx) => {
    // no session, no region: the operator or the seed acts as the user named
    const objection = await createStaffObjectionsRepository(tx).findForDecision({ regions: 'ALL' }, trackingNumber)
    if (!objection) throw new NotFoundError(`受理编号为 ${trackingNumber} 的申请`)
    await decideInTx(tx, objection, trackingNumber, decision, { actor: { userId: actor.userId, clientIp: actor.clientIp ?? null }, now })
  })
}
