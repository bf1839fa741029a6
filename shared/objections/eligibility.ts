// Which records a request may be filed against, on a given day (China calendar days, 'YYYY-MM-DD').
//
// - 异议 (OBJECTION: the record is wrong): any record that is public that day, good or bad, by the
//   one publication rule (../records/publication.ts). A record that is withdrawn or outside its
//   period is not published and does not count, so there is nothing to object to.
// - 信用修复 (REPAIR: the subject has rectified and asks to end publication early): bad records
//   only, public that day, and only after a minimum publication time. The minimum follows the
//   national rule on credit repair (国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》,
//   as we read it: information on 一般 misconduct is public for at least three months, on 严重
//   misconduct for at least one year before repair may be asked). This standard treats a record
//   whose publication period is at most 12 months as 一般 and a longer one as 严重. Both numbers
//   are a choice of this portal, not checked against an official copy: configurable here.
import { addMonths } from '../scoring/days'
import { isPublicOn } from '../records/publication'
import type { ObjectionKind, RecordKind, RecordStatus } from '../domain/enums'

export const REPAIR_MINIMUM_MONTHS = {
  /** publication period of at most 12 months (一般失信) */
  general: 3,
  /** longer publication period (严重失信) */
  serious: 12,
} as const

export interface EligibilityRecord {
  kind: RecordKind
  status: RecordStatus
  publishFrom: string
  /** exclusive end of publication */
  publishUntil: string
}

export type IneligibleReason = 'NOT_PUBLIC' | 'REPAIR_GOOD_RECORD' | 'REPAIR_TOO_EARLY'

export type Eligibility = { ok: true } | { ok: false; reason: IneligibleReason; message: string; earliestDay?: string }

/** The minimum months a bad record stays public before repair may be asked. */
export function repairMinimumMonths(record: Pick<EligibilityRecord, 'publishFrom' | 'publishUntil'>): number {
  return record.publishUntil <= addMonths(record.publishFrom, 12) ? REPAIR_MINIMUM_MONTHS.general : REPAIR_MINIMUM_MONTHS.serious
}

/** The first day a repair request may be filed for a bad record. */
export function earliestRepairDay(record: Pick<EligibilityRecord, 'publishFrom' | 'publishUntil'>): string {
  return addMonths(record.publishFrom, repairMinimumMonths(record))
}

export function requestEligibility(record: EligibilityRecord, kind: ObjectionKind, day: string): Eligibility {
  if (!isPublicOn(record, day)) {
    return { ok: false, reason: 'NOT_PUBLIC', message: '该记录当前不在公示期内（未开始公示、公示期已满或已撤回），不能提出申请' }
  }
  if (kind === 'REPAIR') {
    if (record.kind !== 'BAD') return { ok: false, reason: 'REPAIR_GOOD_RECORD', message: '信用修复只适用于不良行为记录' }
    const earliestDay = earliestRepairDay(record)
    if (day < earliestDay) {
      return {
        ok: false,
        reason: 'REPAIR_TOO_EARLY',
        message: `该记录须公示满 ${repairMinimumMonths(record)} 个月后方可申请信用修复（${earliestDay} 起可申请）`,
        earliestDay,
      }
    }
  }
  return { ok: true }
}
