// What the enterprise write use cases share: the region rule, and an enterprise's fields as the
// audit log records them (plain JSON, days as 'YYYY-MM-DD', capital as a number of 万元).
//
// Region rule (issue 12): an in-province enterprise is written only by an officer of its region
// (the province's officers act for every region); an out-of-province one — its region is its
// registering city outside Hainan — only by the province's officers.
import type { Db } from '@db/client'
import { isKnownRegionCode } from '@shared/regions/hainan'
import { actsFor, type Actor } from '@shared/staff/actor'
import type { EnterpriseForm, QualificationForm } from '@shared/staff-forms/subjects'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { amount, isoDate } from '@web/server/lib/values'
import { dayDate } from '@web/server/records/staff-input'

/** Checks that the actor may place an enterprise in `regionCode`; returns whether it is in the province. */
export async function checkEnterpriseRegion(tx: Pick<Db, 'region'> | Tx, actor: Actor, regionCode: string): Promise<boolean> {
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { code: true } })
  if (!region) throw new InputError({ regionCode: '不是平台登记的地区' })
  const inProvince = isKnownRegionCode(regionCode)
  if (!inProvince && actor.regions !== 'ALL') throw new InputError({ regionCode: '省外企业只能由省级主管部门登记和维护' })
  if (inProvince && !actsFor(actor, regionCode)) throw new InputError({ regionCode: '只能登记和维护本地区的企业' })
  return inProvince
}

export const enterpriseAuditSelect = {
  uscc: true,
  name: true,
  type: true,
  regionCode: true,
  inProvince: true,
  legalRepresentative: true,
  registeredAddress: true,
  registeredCapital: true,
  establishedOn: true,
} as const

export function enterpriseAuditFields(row: {
  uscc: string
  name: string
  type: string
  regionCode: string
  inProvince: boolean
  legalRepresentative: string
  registeredAddress: string
  registeredCapital: { toString(): string }
  establishedOn: Date
}) {
  return { ...row, registeredCapital: amount(row.registeredCapital), establishedOn: isoDate(row.establishedOn) }
}

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

export function qualificationData(form: QualificationForm) {
  return { ...form, issuedOn: dayDate(form.issuedOn), validUntil: dayDate(form.validUntil) }
}

export function qualificationAuditFields(row: { category: string; grade: string; certificateNumber: string; issuedBy: string; issuedOn: Date; validUntil: Date }) {
  return { ...row, issuedOn: isoDate(row.issuedOn), validUntil: isoDate(row.validUntil) }
}

/** Throws InputError when another enterprise holds the USCC. */
export async function assertUsccFree(tx: Tx, uscc: string, exceptId?: string): Promise<void> {
  const holder = await tx.enterprise.findUnique({ where: { uscc }, select: { id: true } })
  if (holder && holder.id !== exceptId) throw new InputError({ uscc: '该统一社会信用代码已登记' })
}

/** Throws InputError when another qualification has the certificate number. */
export async function assertCertificateNumberFree(tx: Tx, certificateNumber: string, exceptId?: string): Promise<void> {
  const holder = await tx.qualification.findUnique({ where: { certificateNumber }, select: { id: true } })
  if (holder && holder.id !== exceptId) throw new InputError({ certificateNumber: '该资质证书编号已登记' })
}
