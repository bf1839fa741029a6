// A person's fields as the audit log keeps them: the ID number and phone masked, the employer by USCC.
import { maskIdNumber, maskPhone } from '@shared/privacy/masking'
import type { PersonAuditRow } from './staff-practitioners-repository'

export function personAuditFields(row: PersonAuditRow) {
  return { name: row.name, idNumber: maskIdNumber(row.idNumber), gender: row.gender, phone: row.phone ? maskPhone(row.phone) : null, employer: row.employer?.uscc ?? null }
}
