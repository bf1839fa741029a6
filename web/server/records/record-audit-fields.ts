// A record's terms as its audit entries keep them (dates as calendar days), so that the entries of
// recording, correcting and an upheld objection compare alike.
import { isoDate } from '@web/server/lib/values'
import type { RecordAuditRow } from './staff-records-repository'

type AuditedFields = Pick<
  RecordAuditRow,
  'kind' | 'categoryCode' | 'title' | 'description' | 'decisionNumber' | 'issuedBy' | 'decidedOn' | 'publishFrom' | 'publishUntil' | 'penaltyLastDay' | 'points' | 'status'
>

export function recordAuditFields(row: AuditedFields) {
  return {
    kind: row.kind,
    categoryCode: row.categoryCode,
    title: row.title,
    description: row.description,
    decisionNumber: row.decisionNumber,
    issuedBy: row.issuedBy,
    decidedOn: isoDate(row.decidedOn),
    publishFrom: isoDate(row.publishFrom),
    publishUntil: isoDate(row.publishUntil),
    penaltyLastDay: isoDate(row.penaltyLastDay),
    points: row.points,
    status: row.status,
  }
}
