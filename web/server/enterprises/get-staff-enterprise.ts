// One enterprise for the back office's edit page, with its qualifications; another region's
// enterprise answers as not found.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { amount, isoDate } from '@web/server/lib/values'
import { assertRegion, authorize } from '@web/server/staff/authorize'

export async function getStaffEnterprise(db: Db, actor: Actor, enterpriseId: string) {
  authorize(actor, 'workspace.read')
  const e = await db.enterprise.findUnique({
    where: { id: enterpriseId },
    select: {
      id: true,
      uscc: true,
      name: true,
      type: true,
      regionCode: true,
      inProvince: true,
      legalRepresentative: true,
      registeredAddress: true,
      registeredCapital: true,
      establishedOn: true,
      region: { select: { name: true } },
      qualifications: {
        orderBy: { issuedOn: 'desc' },
        select: { id: true, category: true, grade: true, certificateNumber: true, issuedBy: true, issuedOn: true, validUntil: true },
      },
    },
  })
  if (!e) throw new NotFoundError('企业')
  assertRegion(actor, e.regionCode, '企业')
  return {
    ...e,
    regionName: e.region.name,
    registeredCapital: amount(e.registeredCapital),
    establishedOn: isoDate(e.establishedOn),
    qualifications: e.qualifications.map((q) => ({ ...q, issuedOn: isoDate(q.issuedOn), validUntil: isoDate(q.validUntil) })),
  }
}

export type StaffEnterprise = Awaited<ReturnType<typeof getStaffEnterprise>>
