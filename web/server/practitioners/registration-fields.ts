// A practising registration's fields as the staff form writes them, and as the audit log records
// them (days as 'YYYY-MM-DD').
import type { RegistrationForm } from '@shared/staff-forms/subjects'
import { isoDate } from '@web/server/lib/values'
import { changedFields, dayDate } from '@web/server/records/staff-input'
import type { RegistrationAuditRow } from './staff-practitioners-repository'

export function registrationData(form: RegistrationForm) {
  return { type: form.type, number: form.number, specialty: form.specialty, issuedOn: dayDate(form.issuedOn), validUntil: dayDate(form.validUntil) }
}

export function registrationAuditFields(row: RegistrationAuditRow) {
  return { type: row.type, number: row.number, specialty: row.specialty, issuedOn: isoDate(row.issuedOn), validUntil: isoDate(row.validUntil) }
}

/** Whether writing `form` over `current` would change a field as the audit log records it. */
export function registrationFormChanges(current: RegistrationAuditRow, form: RegistrationForm): boolean {
  return Object.keys(changedFields(registrationAuditFields(current), registrationAuditFields(registrationData(form))).after).length > 0
}
