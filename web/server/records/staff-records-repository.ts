// Integrity records as the back office reads and changes them: every status, limited to the
// actor's regions (the region of the record's subject: an enterprise's own, a person's employer's),
// another region's record being no record at all. It takes the transaction client too, so that a
// change, the read it rests on and its audit entry share one transaction.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { insertRows, newRowId } from '@web/server/db/bulk-insert-repository'
import { containsText } from '@web/server/lib/text-search'
import { regionWhere } from '@web/server/staff/authorize'
import { isLookupKey } from '@web/server/lib/database-text'

/** Prisma `where` limiting records to those whose subject is of the actor's regions. */
export function recordRegionWhere(actor: Pick<Actor, 'regions'>): Prisma.IntegrityRecordWhereInput {
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
const staffRecordFields = {
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

/** What a written record's audit entry keeps, with the subject whose grade the write moves. */
const auditSelect = { ...staffRecordFields, enterpriseId: true, personId: true } satisfies Prisma.IntegrityRecordSelect

export type RecordAuditRow = Prisma.IntegrityRecordGetPayload<{ select: typeof auditSelect }>

/** A record about to be corrected or withdrawn: its audit fields and its subject's class (the standard's rules depend on it). */
const changeSelect = { ...auditSelect, enterprise: { select: { type: true } } } satisfies Prisma.IntegrityRecordSelect

export type RecordForChange = Prisma.IntegrityRecordGetPayload<{ select: typeof changeSelect }>

const enterpriseSubjectSelect = { id: true, uscc: true, type: true } satisfies Prisma.EnterpriseSelect

/** Every column of a record, as a created one is written. */
const CREATE_COLUMNS = [
  'id',
  'subjectType',
  'enterpriseId',
  'personId',
  'kind',
  'categoryCode',
  'title',
  'description',
  'decisionNumber',
  'authorityId',
  'issuedBy',
  'decidedOn',
  'publishFrom',
  'publishUntil',
  'penaltyLastDay',
  'withdrawnAt',
  'withdrawalReason',
  'points',
  'projectId',
  'status',
  'createdAt',
] as const

export interface StaffRecordsRepositoryOptions {
  /**
   * Hold created records and write them with flushCreates() in multi-row INSERTs (a bulk import's
   * batch; web/server/db/bulk-insert-repository.ts says why). create() then answers at once with
   * the row as it will be written; the caller flushes before it commits or changes one of them.
   */
  deferCreates?: boolean
}

const dateOrNull = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : new Date(d))

export function createStaffRecordsRepository(db: Db | Tx, options: StaffRecordsRepositoryOptions = {}) {
  const deferred: Record<string, unknown>[] = []

  /** The row create() answers with — what Prisma returns for it once written, column defaults included. */
  function defer(data: Prisma.IntegrityRecordUncheckedCreateInput): RecordAuditRow {
    const unknown = Object.keys(data).filter((k) => !(CREATE_COLUMNS as readonly string[]).includes(k))
    if (unknown.length > 0) throw new Error(`deferred record create: no column for ${unknown.join(', ')}`)
    const row: RecordAuditRow = {
      id: newRowId(),
      subjectType: data.subjectType,
      enterpriseId: data.enterpriseId ?? null,
      personId: data.personId ?? null,
      kind: data.kind,
      categoryCode: data.categoryCode,
      title: data.title,
      description: data.description,
      decisionNumber: data.decisionNumber,
      issuedBy: data.issuedBy,
      decidedOn: new Date(data.decidedOn),
      publishFrom: new Date(data.publishFrom),
      publishUntil: new Date(data.publishUntil),
      penaltyLastDay: dateOrNull(data.penaltyLastDay),
      points: data.points,
      status: data.status ?? 'ACTIVE',
      withdrawnAt: dateOrNull(data.withdrawnAt),
      withdrawalReason: data.withdrawalReason ?? null,
    }
    deferred.push({ ...row, authorityId: data.authorityId ?? null, projectId: data.projectId ?? null, createdAt: dateOrNull(data.createdAt) ?? new Date() })
    return row
  }

  return {
    /** One record of the actor's regions, or null (also for another region's record). */
    async findInRegion(actor: Actor, recordId: string) {
      if (!isLookupKey(recordId)) return null
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

    /** The record to correct or withdraw, or null when absent or of another region. */
    async findForChange(actor: Pick<Actor, 'regions'>, recordId: string): Promise<RecordForChange | null> {
      if (!isLookupKey(recordId)) return null
      return db.integrityRecord.findFirst({ where: { AND: [{ id: recordId }, recordRegionWhere(actor)] }, select: changeSelect })
    },

    /** The record's status and publication end, whatever its region (the objection's region was checked). */
    findState(recordId: string) {
      return db.integrityRecord.findUnique({ where: { id: recordId }, select: { id: true, status: true, publishUntil: true } })
    },

    /** The record's audit fields as stored now (after a change). */
    findAuditRow(recordId: string): Promise<RecordAuditRow> {
      return db.integrityRecord.findUniqueOrThrow({ where: { id: recordId }, select: auditSelect })
    },

    /** The enterprises new records may be about, by USCC: those of the actor's regions only. */
    findSubjectEnterprises(actor: Actor, usccs: readonly string[]) {
      return db.enterprise.findMany({ where: { uscc: { in: [...usccs] }, ...regionWhere(actor, 'regionCode') }, select: enterpriseSubjectSelect })
    },

    /**
     * The practitioners new records may be about, by practising registration number: those whose
     * employer is of the actor's regions (one without an employer: the province's only).
     */
    findSubjectPersons(actor: Pick<Actor, 'regions'>, registrationNumbers: readonly string[]) {
      const numbers = { in: [...registrationNumbers] }
      const where: Prisma.RegistrationWhereInput =
        actor.regions === 'ALL' ? { number: numbers } : { number: numbers, person: { employer: { regionCode: { in: [...actor.regions] } } } }
      return db.registration.findMany({ where, select: { number: true, personId: true } })
    },

    /**
     * The records, of every status, bearing one of the decision numbers and about one of the
     * subjects (callers have found the subjects in the actor's regions): what an import's rows
     * name by their natural key. Some pairs may be returned that no row names; the caller matches.
     */
    findForChangeByDecision(decisionNumbers: readonly string[], subjects: { enterpriseIds: readonly string[]; personIds: readonly string[] }): Promise<RecordForChange[]> {
      const about: Prisma.IntegrityRecordWhereInput[] = []
      if (subjects.enterpriseIds.length > 0) about.push({ enterpriseId: { in: [...subjects.enterpriseIds] } })
      if (subjects.personIds.length > 0) about.push({ personId: { in: [...subjects.personIds] } })
      if (decisionNumbers.length === 0 || about.length === 0) return Promise.resolve([])
      return db.integrityRecord.findMany({ where: { decisionNumber: { in: [...decisionNumbers] }, OR: about }, select: changeSelect })
    },

    async create(data: Prisma.IntegrityRecordUncheckedCreateInput): Promise<RecordAuditRow> {
      if (options.deferCreates) return defer(data)
      return db.integrityRecord.create({ data, select: auditSelect })
    },

    /** Writes the records create() has deferred, in order (nothing without deferCreates). */
    async flushCreates(): Promise<void> {
      await insertRows(db, 'IntegrityRecord', CREATE_COLUMNS, deferred.splice(0))
    },

    /**
     * Changes a record only while it is ACTIVE, so that a withdrawal committed meanwhile is not
     * overwritten; false when it was not (withdrawn, or absent).
     */
    async updateIfActive(recordId: string, data: Prisma.IntegrityRecordUncheckedUpdateManyInput): Promise<boolean> {
      const changed = await db.integrityRecord.updateMany({ where: { id: recordId, status: 'ACTIVE' }, data })
      return changed.count === 1
    },
  }
}

export type StaffRecordsRepository = ReturnType<typeof createStaffRecordsRepository>
