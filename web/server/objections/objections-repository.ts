// Objections (异议) and credit-repair requests (信用修复) as the applicant sees them: the record a
// request is about, the stored request, and the status view of a request. The status view is what
// the applicant sees with the tracking number: contact details only masked, never in full, and the
// record's details only while the record is public (a record outside its publication period is
// public nowhere). Submitting is the use case submit-objection.ts, which hands this repository its
// transaction; the reviewer's side is staff-objections-repository.ts.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS, type ObjectionKind } from '@shared/domain/enums'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { requestEligibility, type Eligibility } from '@shared/objections/eligibility'
import { maskEmail, maskName, maskPhone } from '@shared/privacy/masking'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { isoDate } from '@web/server/lib/values'
import { openContactPhone, openEmail, phoneHash, sealContactPhone, sealEmail } from '@web/server/personal-data/personal-data'
import { isRowPublicOn, lastPublicDay, publicationPeriodOf } from '@web/server/records/publication-where'
import { recordCategoryLabel } from '@web/server/subjects/subject-profile'
import { NO_LONGER_PUBLIC_NOTICE, type ObjectionRecord, type ObjectionRecordSummary, type ObjectionView } from './objections-schemas'

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
  enterprise: { select: { name: true, uscc: true } },
  // never idNumber or phone
  person: { select: { id: true, name: true } },
} satisfies Prisma.IntegrityRecordSelect

type RecordSummaryRow = Prisma.IntegrityRecordGetPayload<{ select: typeof recordSummarySelect }>

const viewSelect = {
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
} satisfies Prisma.ObjectionSelect

/** What the submission checks the request against on the day it is filed (every status: refusals say why). */
const submissionRecordSelect = {
  id: true,
  kind: true,
  status: true,
  publishFrom: true,
  publishUntil: true,
  subjectType: true,
  enterpriseId: true,
  personId: true,
} satisfies Prisma.IntegrityRecordSelect

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

/** The record on the status page: in full while public on `day`, otherwise its category only. */
function toObjectionRecord(r: RecordSummaryRow, day: string): ObjectionRecord {
  if (isRowPublicOn(r, day)) return { isPublic: true, ...toRecordSummary(r) }
  return { isPublic: false, kind: r.kind, categoryLabel: recordCategoryLabel(r.categoryCode), notice: NO_LONGER_PUBLIC_NOTICE }
}

export function createObjectionsRepository(db: Db | Tx) {
  return {
    /**
     * The record a request would be about and whether the request may be filed on `asOf`'s China
     * day; null when there is no such record. The form shows the record only when it is public
     * (eligibility NOT_PUBLIC otherwise).
     */
    async findRecordForRequest(
      recordId: string,
      kind: ObjectionKind,
      asOf: Date,
    ): Promise<{ record: ObjectionRecordSummary; eligibility: Eligibility } | null> {
      const row = await db.integrityRecord.findUnique({ where: { id: recordId }, select: recordSummarySelect })
      if (!row) return null
      const eligibility = requestEligibility({ kind: row.kind, ...publicationPeriodOf(row) }, kind, chinaDateOf(asOf))
      return { record: toRecordSummary(row), eligibility }
    },

    /** What the applicant sees with the tracking number (normalized, checked by the caller) on `asOf`; null if unknown. */
    async findObjection(trackingNumber: string, asOf: Date): Promise<ObjectionView | null> {
      const row = await db.objection.findUnique({ where: { trackingNumber }, select: viewSelect })
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
        record: toObjectionRecord(row.record, chinaDateOf(asOf)),
        applicantNameMasked: maskName(row.applicantName),
        contactPhoneMasked: maskPhone(openContactPhone(row.contactPhone)),
        emailMasked: row.email ? maskEmail(openEmail(row.email)!) : null,
        reasons: row.reasons,
        rectification: row.rectification,
      }
    },

    /** The record a request is being filed against, or null when there is no such record. */
    findRecordForSubmission(recordId: string) {
      return db.integrityRecord.findUnique({ where: { id: recordId }, select: submissionRecordSelect })
    },

    /**
     * The tracking number of a request of this kind already filed for the record from the same
     * contact phone (compared by its keyed hash) in [from, until), or null.
     */
    async findSameRequest(recordId: string, kind: ObjectionKind, contactPhone: string, from: Date, until: Date): Promise<string | null> {
      const row = await db.objection.findFirst({
        where: { recordId, kind, contactPhoneHash: phoneHash(contactPhone), submittedAt: { gte: from, lt: until } },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        select: { trackingNumber: true },
      })
      return row?.trackingNumber ?? null
    },

    /** Stores a request (checked by the caller) from plain contact details, sealed here; its id. */
    create(data: Omit<Prisma.ObjectionUncheckedCreateInput, 'contactPhoneHash'> & { email?: string | null }): Promise<{ id: string }> {
      const sealed = { ...data, ...sealContactPhone(data.contactPhone), email: sealEmail(data.email ?? null) }
      return db.objection.create({ data: sealed, select: { id: true } })
    },
  }
}
