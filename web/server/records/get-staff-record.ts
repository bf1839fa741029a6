// One integrity record for the back office's correction and withdrawal page; another region's
// record answers as not found.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { recordRegionWhere } from './list-staff-records'

export async function getStaffRecord(db: Db, actor: Actor, recordId: string) {
  authorize(actor, 'workspace.read')
  const r = await db.integrityRecord.findFirst({
    where: { AND: [{ id: recordId }, recordRegionWhere(actor)] },
    select: {
      id: true,
      subjectType: true,
      kind: true,
      categoryCode: true,
      title: true,
      description: true,
      decisionNumber: true,
      issuedBy: true,
      decidedOn: true,
      publishFrom: true,
      publishUntil: true,
      penaltyLastDay: true,
      points: true,
      status: true,
      withdrawnAt: true,
      withdrawalReason: true,
      enterprise: { select: { name: true, uscc: true, regionCode: true } },
      person: { select: { name: true, employer: { select: { regionCode: true } } } },
    },
  })
  // a person without an employer belongs to the province only (recordRegionWhere already
  // excludes it for everyone else)
  if (!r) throw new NotFoundError('诚信记录')
  return {
    ...r,
    subjectName: r.enterprise?.name ?? r.person?.name ?? '',
    decidedOn: isoDate(r.decidedOn),
    publishFrom: isoDate(r.publishFrom),
    publishUntil: isoDate(r.publishUntil),
    penaltyLastDay: isoDate(r.penaltyLastDay),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  }
}

export type StaffRecord = Awaited<ReturnType<typeof getStaffRecord>>
