// The USCC and the qualification certificate number are unique (unique indexes): checked before a
// write so that the staff form can say which field is taken.
import { InputError } from '@web/server/lib/errors'
import { lookedUp, type EnterpriseLookups } from './enterprise-write-lookups'
import type { StaffEnterprisesRepository } from './staff-enterprises-repository'

/** Throws InputError when another enterprise holds the USCC. */
export async function assertUsccFree(enterprises: StaffEnterprisesRepository, uscc: string, exceptId?: string, lookups: EnterpriseLookups = {}): Promise<void> {
  const holder = await lookedUp(lookups.usccHolders, uscc, () => enterprises.usccHolder(uscc))
  if (holder && holder !== exceptId) throw new InputError({ uscc: '该统一社会信用代码已登记' })
}

/** Throws InputError when another qualification has the certificate number. */
export async function assertCertificateNumberFree(
  enterprises: StaffEnterprisesRepository,
  certificateNumber: string,
  exceptId?: string,
  lookups: EnterpriseLookups = {},
): Promise<void> {
  const holder = await lookedUp(lookups.certificateNumberHolders, certificateNumber, () => enterprises.certificateNumberHolder(certificateNumber))
  if (holder && holder !== exceptId) throw new InputError({ certificateNumber: '该资质证书编号已登记' })
}
