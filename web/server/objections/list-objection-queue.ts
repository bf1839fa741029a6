// The reviewer's queue: the requests waiting for an answer (SUBMITTED, UNDER_REVIEW) whose record's
// subject is of the actor's regions, oldest first, each with the days left before the answer
// deadline — `answerDays` calendar days after the day it was filed (Beijing time); a setting the
// caller passes (OBJECTION_ANSWER_DAYS, default 15).
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS, type ObjectionKind, type ObjectionStatus } from '@shared/domain/enums'
import { addDays, daysBetween } from '@shared/scoring/days'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createStaffObjectionsRepository } from './staff-objections-repository'

export interface QueuedObjection {
  trackingNumber: string
  kind: ObjectionKind
  kindLabel: string
  status: ObjectionStatus
  statusLabel: string
  submittedOn: string
  /** the last day to answer */
  deadline: string
  /** calendar days from today to the deadline; negative when overdue */
  daysLeft: number
  subjectName: string
  recordTitle: string
  decisionNumber: string
}

export async function listObjectionQueue(db: Db, actor: Actor, settings: { answerDays: number; limit?: number }, now = new Date()): Promise<QueuedObjection[]> {
  authorize(actor, 'objections.review')
  const today = chinaDateOf(now)
  const rows = await createStaffObjectionsRepository(db).listWaiting(actor, settings.limit ?? 500)
  return rows.map((o) => {
    const deadline = addDays(chinaDateOf(o.submittedAt), settings.answerDays)
    return {
      trackingNumber: o.trackingNumber,
      kind: o.kind,
      kindLabel: OBJECTION_KIND_LABELS[o.kind],
      status: o.status,
      statusLabel: OBJECTION_STATUS_LABELS[o.status],
      submittedOn: chinaDateOf(o.submittedAt),
      deadline,
      daysLeft: daysBetween(today, deadline),
      subjectName: o.enterprise?.name ?? o.person?.name ?? '',
      recordTitle: o.record.title,
      decisionNumber: o.record.decisionNumber,
    }
  })
}
