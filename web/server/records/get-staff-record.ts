// One integrity record for the back office's correction and withdrawal page; another region's
// record answers as not found.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffRecordsRepository } from './staff-records-repository'

export async function getStaffRecord(db: Db, actor: Actor, recordId: string) {
  authorize(actor, 'workspace.read')
  const r = await createStaffRecordsRepository(db).findInRegion(actor, recordId)
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
