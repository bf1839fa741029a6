// An enterprise's fields as the staff form writes them, and as the audit log records them (plain
// JSON: days as 'YYYY-MM-DD', capital as a number of 万元).
import { isKnownRegionCode } from '@shared/regions/hainan'
import type { EnterpriseForm } from '@shared/staff-forms/subjects'
import { amount, isoDate } from '@web/server/lib/values'
import { changedFields, dayDate } from '@web/server/records/staff-input'
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

/** The audited row, or the data about to be written (whose capital is still a number). */
type EnterpriseFields = Omit<EnterpriseAuditRow, 'registeredCapital'> & { registeredCapital: { toString(): string } }

export function enterpriseAuditFields(row: EnterpriseFields) {
  return { ...row, registeredCapital: amount(row.registeredCapital), establishedOn: isoDate(row.establishedOn) }
}

/**
 * Whether writing `form` over `current` would change a field as the audit log records it (capital
 * to the 分, days as 'YYYY-MM-DD'): a bulk import leaves an enterprise alone when it would not.
 */
export function enterpriseFormChanges(current: EnterpriseAuditRow, form: EnterpriseForm): boolean {
  const next = enterpriseData(form, isKnownRegionCode(form.regionCode))
  return Object.keys(changedFields(enterpriseAuditFields(current), enterpriseAuditFields(next)).after).length > 0
}
