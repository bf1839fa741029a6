// What the engine reads: a subject and its integrity records, field for field as the
// IntegrityRecord rows of prisma/schema.prisma (dates as China calendar days).

import { toIsoDate } from '../dates/calendar-date'
import type { EnterpriseType, RecordKind, RecordStatus } from '../domain/enums'

export interface ScoringRecord {
  id: string
  kind: RecordKind
  /** rule code of the standard, e.g. BAD.PENALTY.MINOR */
  categoryCode: string
  /** day of the decision (文号's date); used for "within 12 months" in blacklist grounds */
  decidedOn: string
  /** first public day: the record counts from this day */
  publishFrom: string
  /**
   * end of publication, exclusive: the first day the record no longer counts and no longer shows
   * on the exposure board (whose 公示截止 / lastPublicDay is the day before)
   */
  publishUntil: string
  /** WITHDRAWN records (e.g. after a successful objection) never count */
  status: RecordStatus
}

export type ScoringSubject =
  | { id: string; subjectType: 'ENTERPRISE'; enterpriseType: EnterpriseType; records: readonly ScoringRecord[] }
  | { id: string; subjectType: 'PERSON'; records: readonly ScoringRecord[] }

/** The columns of an IntegrityRecord row the engine needs, as Prisma returns them. */
export interface IntegrityRecordRow {
  id: string
  kind: RecordKind
  categoryCode: string
  decidedOn: Date | string
  publishFrom: Date | string
  publishUntil: Date | string
  status: RecordStatus
}

function day(value: Date | string, what: string, id: string): string {
  // A Date is read as its China calendar day, the board's convention: a day stored at 00:00 UTC
  // and one stored at 00:00 Beijing time both give the intended day.
  const iso = toIsoDate(value)
  if (iso === null) throw new RangeError(`record ${id}: ${what} is not a calendar day: ${String(value)}`)
  return iso
}

/** Maps a database row to the engine's input; throws a RangeError on an unreadable date. */
export function scoringRecordFromRow(row: IntegrityRecordRow): ScoringRecord {
  return {
    id: row.id,
    kind: row.kind,
    categoryCode: row.categoryCode,
    decidedOn: day(row.decidedOn, 'decidedOn', row.id),
    publishFrom: day(row.publishFrom, 'publishFrom', row.id),
    publishUntil: day(row.publishUntil, 'publishUntil', row.id),
    status: row.status,
  }
}
