// Objections and credit-repair requests as the reviewer reads and decides them, limited to the
// actor's regions: the region of the record's subject (an enterprise's own, a practitioner's
// employer's), another region's request being no request at all. It takes the transaction client
// too, so that a decision, the read it rests on and its audit entry share one transaction.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { ObjectionStatus } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { openObjectionRow } from '@web/server/personal-data/personal-data'
import { isLookupKey } from '@web/server/lib/database-text'

/** Prisma `where` limiting requests to those whose record's subject is of the actor's regions. */
export function objectionRegionWhere(actor: Pick<Actor, 'regions'>): Prisma.ObjectionWhereInput {
  if (actor.regions === 'ALL') return {}
  const regions = [...actor.regions]
  return { OR: [{ enterprise: { regionCode: { in: regions } } }, { person: { employer: { regionCode: { in: regions } } } }] }
}

/** The states of a request still waiting for an answer. */
const WAITING: ObjectionStatus[] = ['SUBMITTED', 'UNDER_REVIEW']

const queueSelect = {
  trackingNumber: true,
  kind: true,
  status: true,
  submittedAt: true,
  enterprise: { select: { name: true } },
  person: { select: { name: true } },
  record: { select: { title: true, decisionNumber: true } },
} satisfies Prisma.ObjectionSelect

const reviewSelect = {
  trackingNumber: true,
  kind: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  submittedAt: true,
  applicantName: true,
  // read to be masked: the full number leaves only through reveal-contact-phone.ts, audited
  contactPhone: true,
  email: true,
  reasons: true,
  rectification: true,
  enterprise: { select: { name: true, uscc: true } },
  person: { select: { name: true } },
  record: {
    select: {
      id: true,
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
      withdrawalReason: true,
    },
  },
} satisfies Prisma.ObjectionSelect

/** What a decision needs: the state it changes from, the record it acts on, the subject whose grade it moves. */
const decisionSelect = {
  id: true,
  kind: true,
  status: true,
  recordId: true,
  subjectType: true,
  enterpriseId: true,
  personId: true,
} satisfies Prisma.ObjectionSelect

export type ObjectionForDecision = Prisma.ObjectionGetPayload<{ select: typeof decisionSelect }>

export function createStaffObjectionsRepository(db: Db | Tx) {
  return {
    /** The region's requests waiting for an answer, oldest first. */
    listWaiting(actor: Pick<Actor, 'regions'>, take: number) {
      return db.objection.findMany({
        where: { status: { in: WAITING }, ...objectionRegionWhere(actor) },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take,
        select: queueSelect,
      })
    },

    /** One request of the actor's regions with its record in full, or null (also for another region's). */
    async findForReview(actor: Pick<Actor, 'regions'>, trackingNumber: string) {
      if (!isLookupKey(trackingNumber)) return null
      const row = await db.objection.findFirst({ where: { trackingNumber, ...objectionRegionWhere(actor) }, select: reviewSelect })
      return row && openObjectionRow(row)
    },

    /** One request of the actor's regions to decide on, or null (also for another region's). */
    async findForDecision(actor: Pick<Actor, 'regions'>, trackingNumber: string): Promise<ObjectionForDecision | null> {
      if (!isLookupKey(trackingNumber)) return null
      return db.objection.findFirst({ where: { trackingNumber, ...objectionRegionWhere(actor) }, select: decisionSelect })
    },

    /** The applicant's full contact phone of a request of the actor's regions, or null. */
    async findContactPhone(actor: Pick<Actor, 'regions'>, trackingNumber: string) {
      if (!isLookupKey(trackingNumber)) return null
      const row = await db.objection.findFirst({ where: { trackingNumber, ...objectionRegionWhere(actor) }, select: { id: true, contactPhone: true } })
      return row && openObjectionRow(row)
    },

    /**
     * Sets the request's status only from one of the `from` states (a conditional update), so that
     * of two reviewers deciding at once only one succeeds; false when it was in another state.
     */
    async changeStatus(
      objectionId: string,
      from: ObjectionStatus[],
      data: { status: ObjectionStatus; statusReason: string | null; statusChangedAt: Date; updatedAt: Date },
    ): Promise<boolean> {
      const changed = await db.objection.updateMany({ where: { id: objectionId, status: { in: from } }, data })
      return changed.count === 1
    },
  }
}
