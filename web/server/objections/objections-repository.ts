// Objections (异议) and credit-repair requests (信用修复) from the public: stored with everything
// the applicant gave, for staff to review in the back office. A submission is one transaction with
// its audit entry (the use case submit-objection.ts, which the seed calls too). The status view is what the
// applicant sees with the tracking number: contact details only masked, never in full.
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS, type ObjectionKind, type ObjectionStatus, type RecordKind, type SubjectType } from '@shared/domain/enums'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { requestEligibility } from '@shared/objections/eligibility'
import type { ObjectionInput } from '@shared/objections/input'
import { maskEmail, maskName, maskPhone } from '@shared/privacy/masking'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { submitObjection as submitObjectionUseCase, type SubmitOptions } from './submit-objection'
import { isoDate } from '@web/server/lib/values'
import { lastPublicDay } from '@web/server/records/publication-where'
import { recordCategoryLabel } from '@web/server/subjects/subject-profile'

export { ObjectionRefusedError, type SubmitOptions } from './submit-objection'

/** The record a request is about, as the form and the status page show it. */
export interface ObjectionRecordSummary {
  id: string
  kind: RecordKind
  title: string
  categoryLabel: string
  decisionNumber: string
  issuedBy: string
  decidedOn: string
  publishFrom: string
  lastPublicDay: string
  subject: { type: 'ENTERPRISE'; name: string; uscc: string } | { type: 'PERSON'; id: string; name: string }
}

export interface ObjectionView {
  trackingNumber: string
  kind: ObjectionKind
  kindLabel: string
  status: ObjectionStatus
  statusLabel: string
  /** staff's reason (always given with a rejection) */
  statusReason: string | null
  /** ISO instant */
  submittedAt: string
  statusChangedAt: string | null
  record: ObjectionRecordSummary
  /** masked: the status page is public to whoever holds the tracking number */
  applicantNameMasked: string
  contactPhoneMasked: string
  emailMasked: string | null
  reasons: string
  rectification: string | null
}

const recordSummarySelect = {
  id: true,
  kind: true,
  categoryCode: true,
  title: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  publishFrom: true,
  publishUntil: true,
  status: true,
  subjectType: true,
  enterpriseId: true,
  personId: true,
  enterprise: { select: { name: true, uscc: true } },
  // never idNumber or phone
  person: { select: { id: true, name: true } },
} as const

type RecordSummaryRow = {
  id: string
  kind: RecordKind
  categoryCode: string
  title: string
  decisionNumber: string
  issuedBy: string
  decidedOn: Date
  publishFrom: Date
  publishUntil: Date
  subjectType: SubjectType
  enterprise: { name: string; uscc: string } | null
  person: { id: string; name: string } | null
}

function toRecordSummary(r: RecordSummaryRow): ObjectionRecordSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    categoryLabel: recordCategoryLabel(r.categoryCode),
    decisionNumber: r.decisionNumber,
    issuedBy: r.issuedBy,
    decidedOn: isoDate(r.decidedOn),
    publishFrom: isoDate(r.publishFrom),
    lastPublicDay: lastPublicDay(r.publishUntil),
    subject: r.enterprise ? { type: 'ENTERPRISE', name: r.enterprise.name, uscc: r.enterprise.uscc } : { type: 'PERSON', id: r.person!.id, name: r.person!.name },
  }
}

export function createObjectionsRepository(db: Db) {
  async function view(trackingNumber: string): Promise<ObjectionView | null> {
    const row = await db.objection.findUnique({
      where: { trackingNumber },
      select: {
        trackingNumber: true,
        kind: true,
        status: true,
        statusReason: true,
        submittedAt: true,
        statusChangedAt: true,
        applicantName: true,
        contactPhone: true,
        email: true,
        reasons: true,
        rectification: true,
        record: { select: recordSummarySelect },
      },
    })
    if (!row) return null
    return {
      trackingNumber: row.trackingNumber,
      kind: row.kind,
      kindLabel: OBJECTION_KIND_LABELS[row.kind],
      status: row.status,
      statusLabel: OBJECTION_STATUS_LABELS[row.status],
      statusReason: row.statusReason,
      submittedAt: row.submittedAt.toISOString(),
      statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
      record: toRecordSummary(row.record),
      applicantNameMasked: maskName(row.applicantName),
      contactPhoneMasked: maskPhone(row.contactPhone),
      emailMasked: row.email ? maskEmail(row.email) : null,
      reasons: row.reasons,
      rectification: row.rectification,
    }
  }

  return {
    /**
     * The record a request would be about and whether the request may be filed today; null when
     * there is no such record. For the form, before anything is typed.
     */
    async getRecordForRequest(recordId: string, kind: ObjectionKind, asOf: Date = new Date()) {
      const row = await db.integrityRecord.findUnique({ where: { id: recordId }, select: recordSummarySelect })
      if (!row) return null
      const eligibility = requestEligibility(
        { kind: row.kind, status: row.status, publishFrom: isoDate(row.publishFrom), publishUntil: isoDate(row.publishUntil) },
        kind,
        chinaDateOf(asOf),
      )
      return { record: toRecordSummary(row), eligibility }
    },

    /**
     * Stores a validated request with its audit entry, in one transaction; returns the tracking
     * number. Throws ObjectionRefusedError (nothing written) when the record does not exist, is not
     * public today, or does not allow this kind of request.
     */
    submitObjection(input: ObjectionInput, options: SubmitOptions = {}): Promise<string> {
      return submitObjectionUseCase(db, input, options)
    },

    /** What the applicant sees with the tracking number (normalized, checked by the caller); null if unknown. */
    getObjection: view,
  }
}

export const getRecordForRequest = (recordId: string, kind: ObjectionKind) => createObjectionsRepository(getDb()).getRecordForRequest(recordId, kind)
export const submitObjection = (input: ObjectionInput) => createObjectionsRepository(getDb()).submitObjection(input)
export const getObjection = (trackingNumber: string) => createObjectionsRepository(getDb()).getObjection(trackingNumber)
