// What one subject's live credit explanation is computed from: the enterprise or practitioner, all
// its integrity records (the engine decides which count today) and its latest stored snapshots.
// The only code that reads them from the database for the explanation.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { recordRefSelect } from './credit-rows'

/** Stored snapshots shown in a profile's history (quarterly for 30 years, or daily for four months). */
export const HISTORY_POINTS = 120

export const explainedRecordSelect = { ...recordRefSelect, kind: true, status: true } satisfies Prisma.IntegrityRecordSelect
export type ExplainedRecordRow = Prisma.IntegrityRecordGetPayload<{ select: typeof explainedRecordSelect }>

const historySelect = { asOf: true, score: true, grade: true, blacklisted: true, standardVersion: true, computedAt: true } satisfies Prisma.CreditGradeSelect
export type HistoryRow = Prisma.CreditGradeGetPayload<{ select: typeof historySelect }>

/** The latest HISTORY_POINTS snapshots, newest first. */
const latestHistory = { orderBy: [{ asOf: 'desc' }], take: HISTORY_POINTS, select: historySelect } satisfies Prisma.CreditGradeFindManyArgs

const enterpriseSelect = {
  id: true,
  name: true,
  uscc: true,
  type: true,
  region: { select: { name: true } },
  records: { select: explainedRecordSelect },
  grades: latestHistory,
} satisfies Prisma.EnterpriseSelect

const practitionerSelect = {
  id: true,
  name: true,
  // never idNumber or phone
  employer: { select: { name: true, region: { select: { name: true } } } },
  records: { select: explainedRecordSelect },
  grades: latestHistory,
} satisfies Prisma.PersonSelect

export type EnterpriseCreditRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>
export type PractitionerCreditRow = Prisma.PersonGetPayload<{ select: typeof practitionerSelect }>

export function createCreditExplanationRepository(db: Db) {
  return {
    /** The enterprise of a USCC with every record and its latest snapshots; null when unknown. */
    findEnterprise(uscc: string): Promise<EnterpriseCreditRow | null> {
      return db.enterprise.findUnique({ where: { uscc }, select: enterpriseSelect })
    },

    /** A practitioner by portal id with every record and its latest snapshots; null when unknown. */
    findPractitioner(id: string): Promise<PractitionerCreditRow | null> {
      return db.person.findUnique({ where: { id }, select: practitionerSelect })
    },
  }
}
