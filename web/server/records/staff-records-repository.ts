// Integrity records as the back office reads them: every status, limited to the actor's regions
// (the region of the record's subject: an enterprise's own, a person's employer's).
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import { containsText } from '@web/server/lib/text-search'

/** Prisma `where` limiting records to those whose subject is of the actor's regions. */
export function recordRegionWhere(actor: Actor): Prisma.IntegrityRecordWhereInput {
  if (actor.regions === 'ALL') return {}
  const regions = [...actor.regions]
  return { OR: [{ enterprise: { regionCode: { in: regions } } }, { person: { employer: { regionCode: { in: regions } } } }] }
}

const listSelect = {
  id: true,
  kind: true,
  categoryCode: true,
  title: true,
  decisionNumber: true,
  decidedOn: true,
  publishUntil: true,
  points: true,
  status: true,
  enterprise: { select: { name: true } },
  person: { select: { name: true } },
} satisfies Prisma.IntegrityRecordSelect

/** A record's own fields as staff see them and as its audit entries record them. */
export const staffRecordFields = {
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
} satisfies Prisma.IntegrityRecordSelect

const detailSelect = {
  ...staffRecordFields,
  enterprise: { select: { name: true, uscc: true, regionCode: true } },
  person: { select: { name: true, employer: { select: { regionCode: true } } } },
} satisfies Prisma.IntegrityRecordSelect

export function createStaffRecordsRepository(db: Db) {
  return {
    /** One record of the actor's regions, or null (also for another region's record). */
    findInRegion(actor: Actor, recordId: string) {
      return db.integrityRecord.findFirst({ where: { AND: [{ id: recordId }, recordRegionWhere(actor)] }, select: detailSelect })
    },

    /** A page of the actor's records, newest decision first, searched by 文号, title or subject name. */
    async listInRegion(actor: Actor, q: string | undefined, page: number, pageSize: number) {
      const where: Prisma.IntegrityRecordWhereInput = {
        AND: [
          recordRegionWhere(actor),
          q
            ? {
                OR: [
                  containsText(q, (f) => ({ decisionNumber: f })),
                  containsText(q, (f) => ({ title: f })),
                  containsText(q, (f) => ({ enterprise: { name: f } })),
                  containsText(q, (f) => ({ person: { name: f } })),
                ],
              }
            : {},
        ],
      }
      const [total, rows] = await Promise.all([
        db.integrityRecord.count({ where }),
        db.integrityRecord.findMany({
          where,
          orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
          select: listSelect,
        }),
      ])
      return { total, rows }
    },
  }
}
