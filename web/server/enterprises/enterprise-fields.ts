// An enterprise's fields as the staff form writes them, and as the audit log records them (plain
// JSON: days as 'YYYY-MM-DD', capital as a number of 万元).
import type { EnterpriseForm } from '@shared/staff-forms/subjects'
import { amount, isoDate } from '@web/server/lib/values'
import { dayDate } from '@web/server/records/staff-input'
import type { EnterpriseAuditRow } from './staff-enterprises-repository'

export function enterpriseData(form: EnterpriseForm, inProvince: boolean) {
  return {
    uscc: form.uscc,
    name: form.name,
    type: form.type,
    regionCode: form.regionCode,
    inProvince,
    legalRepresentative: form.legalRepresentative,
    registeredAddress: form.registeredAddress,
    registeredCapital: form.registeredCapital,
    establishedOn: dayDate(form.establishedOn),
  }
}

export function enterpriseAuditFields(row: EnterpriseAuditRow) {
  return { ...row, registeredCapital: amount(row.registeredCapital), establishedOn: isoDate(row.establishedOn) }
}
