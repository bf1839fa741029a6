// A person's fields as the audit log keeps them: the ID number and phone masked, the employer by USCC.
import { maskIdNumber, maskPhone } from '@shared/privacy/masking'
import type { PractitionerEdit } from '@shared/staff-forms/subjects'
import type { PersonAuditRow } from './staff-practitioners-repository'

export function personAuditFields(row: PersonAuditRow) {
  return { name: row.name, idNumber: maskIdNumber(row.idNumber), gender: row.gender, phone: row.phone ? maskPhone(row.phone) : null, employer: row.employer?.uscc ?? null }
}

/**
 * Whether the edit would change the person as the edit writes it: an edit without a phone keeps
 * the stored one. Compared unmasked: two phones that differ may mask alike.
 */
export function practitionerEditChanges(current: PersonAuditRow, edit: PractitionerEdit): boolean {
  return (
    current.name !== edit.name ||
    current.gender !== edit.gender ||
    (edit.phone !== undefined && current.phone !== edit.phone) ||
    current.employer?.uscc !== edit.employerUscc
  )
}
