// Enterprises and their qualifications as the back office reads and writes them, limited to the
// actor's regions (an enterprise's own region; a qualification's is its enterprise's). Takes the
// transaction client too, so a write reads, checks and writes in the transaction of its audit entry.
import type { Db } from '@db/client'
import { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { insertRows, newRowId } from '@web/server/db/bulk-insert-repository'
import { containsText, startsWithText } from '@web/server/lib/text-search'
import { regionWhere } from '@web/server/staff/authorize'
import { holders } from './enterprise-write-lookups'
import { isLookupKey } from '@web/server/lib/database-text'

/** Prisma `where` limiting enterprises to those of the actor's regions. */
export function enterpriseRegionWhere(actor: Actor): Prisma.EnterpriseWhereInput {
  return regionWhere(actor, 'regionCode')
}

/** Prisma `where` limiting qualifications to those of enterprises of the actor's regions. */
function qualificationRegionWhere(actor: Actor): Prisma.QualificationWhereInput {
  return actor.regions === 'ALL' ? {} : { enterprise: enterpriseRegionWhere(actor) }
}

/** An enterprise's fields as staff edit them and as its audit entries record them. */
export const enterpriseAuditSelect = {
  uscc: true,
  name: true,
  type: true,
  regionCode: true,
  inProvince: true,
  legalRepresentative: true,
  registeredAddress: true,
  registeredCapital: true,
  establishedOn: true,
} satisfies Prisma.EnterpriseSelect

export type EnterpriseAuditRow = Prisma.EnterpriseGetPayload<{ select: typeof enterpriseAuditSelect }>

/** A qualification's fields as staff edit them and as its audit entries record them. */
export const qualificationAuditSelect = {
  category: true,
  grade: true,
  certificateNumber: true,
  issuedBy: true,
  issuedOn: true,
  validUntil: true,
} satisfies Prisma.QualificationSelect

export type QualificationAuditRow = Prisma.QualificationGetPayload<{ select: typeof qualificationAuditSelect }>

const detailSelect = {
  id: true,
  ...enterpriseAuditSelect,
  region: { select: { name: true } },
  qualifications: { orderBy: { issuedOn: 'desc' }, select: { id: true, ...qualificationAuditSelect } },
} satisfies Prisma.EnterpriseSelect

const listSelect = {
  id: true,
  uscc: true,
  name: true,
  type: true,
  inProvince: true,
  region: { select: { name: true } },
} satisfies Prisma.EnterpriseSelect

/** The columns an enterprise is created with: the staff form's fields, its id and timestamps. */
const CREATE_COLUMNS = ['id', ...Object.keys(enterpriseAuditSelect), 'createdAt', 'updatedAt']

export interface StaffEnterprisesRepositoryOptions {
  /**
   * Hold created enterprises and write them with flushCreates() in multi-row INSERTs (a bulk
   * import's batch; web/server/db/bulk-insert-repository.ts says why). create() then answers at
   * once with the row as it will be written, and the caller must flush before it commits or reads
   * enterprises back.
   */
  deferCreates?: boolean
}

export function createStaffEnterprisesRepository(db: Db | Tx, options: StaffEnterprisesRepositoryOptions = {}) {
  const deferred: Record<string, unknown>[] = []

  /** The row create() answers with — what Prisma returns for it once written. */
  function defer(data: Prisma.EnterpriseUncheckedCreateInput): { id: string } & EnterpriseAuditRow {
    const unknown = Object.keys(data).filter((k) => !CREATE_COLUMNS.includes(k))
    if (unknown.length > 0) throw new Error(`deferred enterprise create: no column for ${unknown.join(', ')}`)
    const row = { id: newRowId(), ...data }
    deferred.push(row)
    return {
      id: row.id,
      uscc: data.uscc,
      name: data.name,
      type: data.type,
      regionCode: data.regionCode,
      inProvince: data.inProvince,
      legalRepresentative: data.legalRepresentative,
      registeredAddress: data.registeredAddress,
      registeredCapital: new Prisma.Decimal(data.registeredCapital.toString()),
      establishedOn: new Date(data.establishedOn),
    }
  }

  return {
    /** One enterprise of the actor's regions with its qualifications, latest issued first; null also for another region's. */
    async findInRegion(actor: Actor, enterpriseId: string) {
      if (!isLookupKey(enterpriseId)) return null
      return db.enterprise.findFirst({ where: { AND: [{ id: enterpriseId }, enterpriseRegionWhere(actor)] }, select: detailSelect })
    },

    /** A page of the actor's enterprises by name, searched by a piece of the name or the start of the USCC. */
    async listInRegion(actor: Actor, q: string | undefined, page: number, pageSize: number) {
      const where: Prisma.EnterpriseWhereInput = {
        AND: [
          enterpriseRegionWhere(actor),
          q ? { OR: [containsText(q, (f) => ({ name: f })), startsWithText(q.toUpperCase(), (f) => ({ uscc: f }))] } : {},
        ],
      }
      const [total, rows] = await Promise.all([
        db.enterprise.count({ where }),
        db.enterprise.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize, select: listSelect }),
      ])
      return { total, rows }
    },

    /** The audited fields of an enterprise of the actor's regions; null also for another region's. */
    async findAuditFieldsInRegion(actor: Actor, enterpriseId: string) {
      if (!isLookupKey(enterpriseId)) return null
      return db.enterprise.findFirst({ where: { AND: [{ id: enterpriseId }, enterpriseRegionWhere(actor)] }, select: enterpriseAuditSelect })
    },

    /** The audited fields, with ids, of the enterprises of the actor's regions holding any of the USCCs. */
    findManyAuditFieldsInRegionByUscc(actor: Actor, usccs: readonly string[]) {
      return db.enterprise.findMany({ where: { AND: [{ uscc: { in: [...usccs] } }, enterpriseRegionWhere(actor)] }, select: { id: true, ...enterpriseAuditSelect } })
    },

    async isRegisteredRegion(regionCode: string): Promise<boolean> {
      return (await db.region.findUnique({ where: { code: regionCode }, select: { code: true } })) !== null
    },

    /** The id of the enterprise holding the USCC, or null. */
    async usccHolder(uscc: string): Promise<string | null> {
      return (await db.enterprise.findUnique({ where: { uscc }, select: { id: true } }))?.id ?? null
    },

    /** Which of the codes are registered regions. */
    async registeredRegionCodes(regionCodes: readonly string[]): Promise<string[]> {
      return (await db.region.findMany({ where: { code: { in: [...regionCodes] } }, select: { code: true } })).map((r) => r.code)
    },

    /** USCC → the id of the enterprise holding it, for each of the USCCs (null when none does). */
    async usccHolders(usccs: readonly string[]): Promise<Map<string, string | null>> {
      const rows = await db.enterprise.findMany({ where: { uscc: { in: [...usccs] } }, select: { id: true, uscc: true } })
      return holders(usccs, rows.map((r) => [r.uscc, r.id]))
    },

    async create(data: Prisma.EnterpriseUncheckedCreateInput): Promise<{ id: string } & EnterpriseAuditRow> {
      if (options.deferCreates) return defer(data)
      return db.enterprise.create({ data, select: { id: true, ...enterpriseAuditSelect } })
    },

    /** Writes the enterprises create() has deferred, in order (nothing without deferCreates). */
    async flushCreates(): Promise<void> {
      await insertRows(db, 'Enterprise', CREATE_COLUMNS, deferred.splice(0))
    },

    update(enterpriseId: string, data: Prisma.EnterpriseUncheckedUpdateInput) {
      return db.enterprise.update({ where: { id: enterpriseId }, data, select: enterpriseAuditSelect })
    },

    /** A qualification of an enterprise of the actor's regions, with that enterprise's USCC; null also for another region's. */
    async findQualificationInRegion(actor: Actor, qualificationId: string) {
      if (!isLookupKey(qualificationId)) return null
      return db.qualification.findFirst({
        where: { AND: [{ id: qualificationId }, qualificationRegionWhere(actor)] },
        select: { ...qualificationAuditSelect, enterprise: { select: { uscc: true } } },
      })
    },

    /** The qualifications of enterprises of the actor's regions with any of the certificate numbers, with ids and their enterprise's USCC. */
    findQualificationsInRegionByNumber(actor: Actor, certificateNumbers: readonly string[]) {
      return db.qualification.findMany({
        where: { AND: [{ certificateNumber: { in: [...certificateNumbers] } }, qualificationRegionWhere(actor)] },
        select: { id: true, ...qualificationAuditSelect, enterprise: { select: { uscc: true } } },
      })
    },

    /** Certificate number → the id of the qualification holding it, for each of the numbers (null when none does). */
    async certificateNumberHolders(certificateNumbers: readonly string[]): Promise<Map<string, string | null>> {
      const rows = await db.qualification.findMany({ where: { certificateNumber: { in: [...certificateNumbers] } }, select: { id: true, certificateNumber: true } })
      return holders(certificateNumbers, rows.map((r) => [r.certificateNumber, r.id]))
    },

    /** The id of the qualification with the certificate number, or null. */
    async certificateNumberHolder(certificateNumber: string): Promise<string | null> {
      return (await db.qualification.findUnique({ where: { certificateNumber }, select: { id: true } }))?.id ?? null
    },

    createQualification(data: Prisma.QualificationUncheckedCreateInput) {
      return db.qualification.create({ data, select: { id: true, ...qualificationAuditSelect } })
    },

    updateQualification(qualificationId: string, data: Prisma.QualificationUncheckedUpdateInput) {
      return db.qualification.update({ where: { id: qualificationId }, data, select: qualificationAuditSelect })
    },
  }
}

export type StaffEnterprisesRepository = ReturnType<typeof createStaffEnterprisesRepository>
