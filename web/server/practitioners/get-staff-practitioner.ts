// One practitioner for the back office's edit page: the ID number and phone masked (the full ones
// only through revealPersonalData, audited), the employer and registrations; another region's
// practitioner answers as not found.
import type { Db } from '@db/client'
import { maskIdNumber, maskPhone } from '@shared/privacy/masking'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'

export async function getStaffPractitioner(db: Db, actor: Actor, personId: string) {
  authorize(actor, 'workspace.read')
  const p = await createStaffPractitionersRepository(db).findInRegion(actor, personId)
  if (!p) throw new NotFoundError('从业人员')
  const { idNumber, phone, ...rest } = p
  return {
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: maskPhone(phone),
    hasPhone: phone !== null && phone !== '',
    registrations: p.registrations.map((r) => ({ ...r, issuedOn: isoDate(r.issuedOn), validUntil: isoDate(r.validUntil) })),
  }
}

export type StaffPractitioner = Awaited<ReturnType<typeof getStaffPractitioner>>
