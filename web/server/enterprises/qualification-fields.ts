// A qualification's fields as the staff form writes them, and as the audit log records them (days
// as 'YYYY-MM-DD').
import type { QualificationForm } from '@shared/staff-forms/subjects'
import { isoDate } from '@web/server/lib/values'
import { changedFields, dayDate } from '@web/server/records/staff-input'
import type { QualificationAuditRow } from './staff-enterprises-repository'

export function qualificationData(form: QualificationForm) {
  return { ...form, issuedOn: dayDate(form.issuedOn), validUntil: dayDate(form.validUntil) }
}

export function qualificationAuditFields(row: QualificationAuditRow) {
  return { ...row, issuedOn: isoDate(row.issuedOn), validUntil: isoDate(row.validUntil) }
}

/** Whether writing `form` over `current` would change a field as the audit log records it. */
export function qualificationFormChanges(current: QualificationAuditRow, form: QualificationForm): boolean {
  return Object.keys(changedFields(qualificationAuditFields(current), qualificationAuditFields(qualificationData(form))).after).length > 0
}
