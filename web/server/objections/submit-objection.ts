// Submitting an objection (异议) or a credit-repair request (信用修复): the one write path for the
// public form, the API and the demo-data seed. It takes its client (no getDb, no environment), so
// that an operator command can call it without the web server's settings.
//
// One transaction: the record is read, the request checked against the publication and repair
// rules on the day of submission (shared/objections/eligibility.ts), the row written with its
// audit entry (hash chain: web/server/audit/audit-log-repository.ts). Nothing is written on a refusal.
// A repeat — the same kind of request about the same record from the same contact phone on the
// same China day (a double click, a resubmitted form, a retried API call) — writes nothing and
// answers the tracking number of the request already filed.
import { randomBytes as nodeRandomBytes } from 'node:crypto'
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { requestEligibility } from '@shared/objections/eligibility'
import type { ObjectionField, ObjectionInput } from '@shared/objections/input'
import { makeTrackingNumber } from '@shared/objections/tracking-number'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { isoDate } from '@web/server/lib/values'
import { createObjectionsRepository } from './objections-repository'

const DAY_MS = 86_400_000

/** A request the database side refuses: the record does not exist, is not public, or does not allow it. */
export class ObjectionRefusedError extends Error {
  constructor(
    readonly field: Extract<ObjectionField, 'recordId' | 'kind'>,
    message: string,
  ) {
    super(message)
    this.name = 'ObjectionRefusedError'
  }
}

export interface SubmitOptions {
  /** the instant of submission (its China day goes into the tracking number and decides eligibility) */
  now?: Date
  randomBytes?: (n: number) => Uint8Array
  /** the row's id; default a fresh cuid. The seed derives it, so that its rows are the same on every run. */
  id?: string
}

/**
 * Stores a validated request with its audit entry, in one transaction; returns the tracking
 * number. Throws ObjectionRefusedError (nothing written) when the record does not exist, is not
 * public on the day, or does not allow this kind of request.
 */
export async function submitObjection(db: Db, input: ObjectionInput, options: SubmitOptions = {}): Promise<string> {
  const now = options.now ?? new Date()
  const today = chinaDateOf(now)
  const random = options.randomBytes ?? ((n: number) => new Uint8Array(nodeRandomBytes(n)))
  return withAuditRetry(db, async (tx) => {
    const objections = createObjectionsRepository(tx)
    const record = await objections.findRecordForSubmission(input.recordId)
    if (!record) throw new ObjectionRefusedError('recordId', '未找到该诚信行为记录，请从诚信曝光台或信用信息页面的记录旁发起申请')
    const eligibility = requestEligibility(
      { kind: record.kind, status: record.status, publishFrom: isoDate(record.publishFrom), publishUntil: isoDate(record.publishUntil) },
      input.kind,
      today,
    )
    if (!eligibility.ok) throw new ObjectionRefusedError(eligibility.reason === 'NOT_PUBLIC' ? 'recordId' : 'kind', eligibility.message)
    const dayStart = new Date(`${today}T00:00:00+08:00`)
    const existing = await objections.findSameRequest(record.id, input.kind, input.contactPhone, dayStart, new Date(dayStart.getTime() + DAY_MS))
    if (existing) return existing
    // drawn inside the transaction: a (vanishingly rare) duplicate fails the unique index and
    // withAuditRetry runs the whole transaction again with a new number
    const trackingNumber = makeTrackingNumber(today, random)
    const created = await objections.create({
      ...(options.id ? { id: options.id } : {}),
      trackingNumber,
      kind: input.kind,
      recordId: record.id,
      subjectType: record.subjectType,
      enterpriseId: record.enterpriseId,
      personId: record.personId,
      applicantName: input.applicantName,
      contactPhone: input.contactPhone,
      email: input.email,
      reasons: input.reasons,
      rectification: input.rectification,
      status: 'SUBMITTED',
      submittedAt: now,
      // the submission's own instant rather than the clock's, so a back-dated (seeded) row is consistent
      updatedAt: now,
    })
    // no contact details in the audit log: it records what happened, staff read the request itself
    await appendAuditEntry(tx, {
      userId: null,
      action: input.kind === 'REPAIR' ? 'objection.repair.submit' : 'objection.submit',
      entity: 'Objection',
      entityId: created.id,
      changes: { trackingNumber, kind: input.kind, recordId: record.id, status: [null, 'SUBMITTED'] },
      at: now,
    })
    return trackingNumber
  })
}
