// One enterprise for the back office's edit page, with its qualifications; another region's
// enterprise answers as not found.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { amount, isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'

export async function getStaffEnterprise(db: Db, actor: Actor, enterpriseId: string) {
  authorize(actor, 'workspace.read')
  const e = await createStaffEnterprisesRepository(db).findInRegion(actor, enterpriseId)
  if (!e) throw new NotFoundError('企业')
  return {
    ...e,
    regionName: e.region.name,
    registeredCapital: amount(e.registeredCapital),
    establishedOn: isoDate(e.establishedOn),
    qualifications: e.qualifications.map((q) => ({ ...q, issuedOn: isoDate(q.issuedOn), validUntil: isoDate(q.validUntil) })),
  }
}

export type StaffEnterprise = Awaited<ReturnType<typeof getStaffEnterprise>>
