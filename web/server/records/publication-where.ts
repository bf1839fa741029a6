// The database twin of shared/records/publication.ts isPublicOn: a Prisma `where` for the integrity
// records public on a China calendar day. Every public read of records (exposure board, profiles,
// records API, exports, feeds, counts, the objection form) filters with it.
//
// publishFrom and publishUntil are calendar days stored at 00:00 UTC. As instants the rule
// publishFrom ≤ D < publishUntil becomes publishFrom < B ≤ publishUntil, where B is 00:00 Beijing
// time of D + 1: the same answer whether a day was stored at 00:00 UTC or at 00:00 Beijing time.
import type { Prisma } from '@db/generated/sqlite/client'
import { isPublicOn, type PublicationPeriod } from '@shared/records/publication'
import { chinaDateOf } from '@shared/dates/calendar-date'
import type { RecordStatus } from '@shared/domain/enums'
import { isoDate } from '@web/server/lib/values'

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** 00:00 Beijing time of the day after `day` ('YYYY-MM-DD'). */
export function publicationBoundary(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - CHINA_OFFSET_MS)
}

/** Records public on `day` (a China calendar day, 'YYYY-MM-DD'). */
export function publicOnWhere(day: string) {
  const boundary = publicationBoundary(day)
  return {
    status: 'ACTIVE' as const,
    publishFrom: { lt: boundary },
    publishUntil: { gte: boundary },
  } satisfies Prisma.IntegrityRecordWhereInput
}

/** Records public on the China calendar day of the instant `asOf`. */
export function publicAtWhere(asOf: Date) {
  return publicOnWhere(chinaDateOf(asOf))
}

/** The period of a stored record, as calendar days, for the pure rule. */
export function publicationPeriodOf(row: { status: RecordStatus; publishFrom: Date; publishUntil: Date }): PublicationPeriod {
  return { status: row.status, publishFrom: isoDate(row.publishFrom), publishUntil: isoDate(row.publishUntil) }
}

/** isPublicOn for a stored row. */
export function isRowPublicOn(row: { status: RecordStatus; publishFrom: Date; publishUntil: Date }, day: string): boolean {
  return isPublicOn(publicationPeriodOf(row), day)
}

/** 公示截止: the last public day of a record whose publication ends (exclusively) at `publishUntil`. */
export function lastPublicDay(publishUntil: Date): string {
  return isoDate(new Date(publishUntil.getTime() - DAY_MS))
}
