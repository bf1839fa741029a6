// The one publication rule (公示期限, 建市〔2017〕241号 art. 10 and 13): what the public may see of an
// integrity record on a China calendar day, and what the credit engine counts.
//
// publishFrom and publishUntil are calendar days ('YYYY-MM-DD'); publishUntil is exclusive (whole
// months are added to the first day, so a six-month period from 2026-03-11 ends with 2026-09-10 as
// its last public day). A record is public on day D when it is ACTIVE and publishFrom ≤ D <
// publishUntil. A withdrawn record (status WITHDRAWN, e.g. after an accepted objection) is never
// public. Outside its period a record is not shown anywhere public — not on the exposure board, a
// profile, the API, an export or a feed — and does not count towards a grade.
//
// The database twin of this function is web/server/records/publication-where.ts; a property test
// on both databases holds them to the same answer.
import type { RecordStatus } from '../domain/enums'

export interface PublicationPeriod {
  status: RecordStatus
  /** first public day */
  publishFrom: string
  /** first day no longer public (exclusive end) */
  publishUntil: string
}

export const PUBLICATION_STATES = ['NOT_YET', 'PUBLIC', 'ENDED', 'WITHDRAWN'] as const
export type PublicationState = (typeof PUBLICATION_STATES)[number]
export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  NOT_YET: '未到公示期',
  PUBLIC: '公示中',
  ENDED: '公示期满',
  WITHDRAWN: '已撤回',
}

/** Where a record stands on `day`: only PUBLIC may be shown or counted. */
export function publicationState(record: PublicationPeriod, day: string): PublicationState {
  if (record.status !== 'ACTIVE') return 'WITHDRAWN'
  if (day < record.publishFrom) return 'NOT_YET'
  return day < record.publishUntil ? 'PUBLIC' : 'ENDED'
}

/** True when the record may be shown to the public, and counts, on `day` (China calendar day). */
export function isPublicOn(record: PublicationPeriod, day: string): boolean {
  return record.status === 'ACTIVE' && record.publishFrom <= day && day < record.publishUntil
}
