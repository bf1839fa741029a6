// Practitioners and their practising registrations as the back office reads and writes them,
// limited to the actor's regions. A practitioner's region is its employer's; a person with no
// employer on record belongs to no city or county, so only the province's officers reach them.
// Unlike the public repository this one reads the full ID number and phone: the use cases mask
// them, and only the audited reveal returns them. Both are stored encrypted: this repository opens
// what it reads, seals what it writes and finds a person by ID number through idNumberHash. Takes the transaction client too, so a write
// reads, checks and writes in the transaction of its audit entry.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { holders } from '@web/server/enterprises/enterprise-write-lookups'
import { enterpriseRegionWhere } from '@web/server/enterprises/staff-enterprises-repository'
import { containsText, startsWithText } from '@web/server/lib/text-search'
import { idNumberHash, idNumberHashes, openPersonRow, sealIdNumber, sealPersonPhone } from '@web/server/personal-data/personal-data'
import { isLookupKey } from '@web/server/lib/database-text'

/** Prisma `where` limiting people to those employed by enterprises of the actor's regions (everyone for the province). */
export function personRegionWhere(actor: Actor): Prisma.PersonWhereInput {
  return actor.regions === 'ALL' ? {} : { employer: enterpriseRegionWhere(actor) }
}

/** Prisma `where` limiting registrations to those of people of the actor's regions. */
function registrationRegionWhere(actor: Actor): Prisma.RegistrationWhereInput {
  return actor.regions === 'ALL' ? {} : { person: personRegionWhere(actor) }
}

/** A person's fields as staff edit them; the audit log keeps them masked (person-fields.ts). */
export const personAuditSelect = {
  name: true,
  idNumber: true,
  gender: true,
  phone: true,
  employer: { select: { uscc: true } },
} satisfies Prisma.PersonSelect

export type PersonAuditRow = Prisma.PersonGetPayload<{ select: typeof personAuditSelect }>

/** A registration's fields as staff edit them and as its audit entries record them. */
export const registrationAuditSelect = {
  type: true,
  number: true,
  specialty: true,
  issuedOn: true,
  validUntil: true,
} satisfies Prisma.RegistrationSelect

export type RegistrationAuditRow = Prisma.RegistrationGetPayload<{ select: typeof registrationAuditSelect }>

const detailSelect = {
  id: true,
  name: true,
  gender: true,
  idNumber: true,
  phone: true,
  employer: { select: { uscc: true, name: true, regionCode: true } },
  registrations: { orderBy: { issuedOn: 'desc' }, select: { id: true, ...registrationAuditSelect } },
} satisfies Prisma.PersonSelect

const listSelect = {
  id: true,
  name: true,
  gender: true,
  idNumber: true,
  phone: true,
  employer: { select: { name: true } },
  _count: { select: { registrations: true } },
} satisfies Prisma.PersonSelect

export function createStaffPractitionersRepository(db: Db | Tx) {
  return {
    /** One person of the actor's regions with employer and registrations, latest issued first; null also for another region's. */
    async findInRegion(actor: Actor, personId: string) {
      if (!isLookupKey(personId)) return null
      const row = await db.person.findFirst({ where: { AND: [{ id: personId }, personRegionWhere(actor)] }, select: detailSelect })
      return row && openPersonRow(row)
    },

    /** A page of the actor's people by name, searched by a piece of the name or the start of a registration number. */
    async listInRegion(actor: Actor, q: string | undefined, page: number, pageSize: number) {
      const where: Prisma.PersonWhereInput = {
        AND: [
          personRegionWhere(actor),
          q
            ? { OR: [containsText(q, (f) => ({ name: f })), startsWithText(q.toUpperCase(), (f) => ({ registrations: { some: { number: f } } }))] }
            : {},
        ],
      }
      const [total, rows] = await Promise.all([
        db.person.count({ where }),
        db.person.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize, select: listSelect }),
      ])
      return { total, rows: rows.map(openPersonRow) }
    },

    /** A person of the actor's regions with the audited fields and the employer's id; null also for another region's. */
    async findAuditFieldsInRegion(actor: Actor, personId: string) {
      if (!isLookupKey(personId)) return null
      const row = await db.person.findFirst({
        where: { AND: [{ id: personId }, personRegionWhere(actor)] },
        select: { id: true, ...personAuditSelect, employerId: true },
      })
      return row && openPersonRow(row)
    },

    /** The people of the actor's regions with any of the ID numbers: ids, audited fields and the employer's id. */
    async findManyAuditFieldsInRegionByIdNumber(actor: Actor, idNumbers: readonly string[]) {
      const rows = await db.person.findMany({
        where: { AND: [{ idNumberHash: { in: [...idNumberHashes(idNumbers).keys()] } }, personRegionWhere(actor)] },
        select: { id: true, ...personAuditSelect, employerId: true },
      })
      return rows.map(openPersonRow)
    },

    /** USCC → id of the enterprises of the actor's regions holding any of the USCCs (only those found). */
    async employerIdsInRegion(actor: Actor, usccs: readonly string[]): Promise<Map<string, string>> {
      const rows = await db.enterprise.findMany({ where: { AND: [{ uscc: { in: [...usccs] } }, enterpriseRegionWhere(actor)] }, select: { id: true, uscc: true } })
      return new Map(rows.map((r) => [r.uscc, r.id]))
    },

    /** ID number → the id of the person holding it, for each of the numbers (null when none does). */
    async idNumberHolders(idNumbers: readonly string[]): Promise<Map<string, string | null>> {
      const byHash = idNumberHashes(idNumbers)
      const rows = await db.person.findMany({ where: { idNumberHash: { in: [...byHash.keys()] } }, select: { id: true, idNumberHash: true } })
      return holders(idNumbers, rows.map((r) => [byHash.get(r.idNumberHash!)!, r.id]))
    },

    /** The id of the enterprise of the actor's regions with the USCC, or null (also for another region's). */
    async employerIdInRegion(actor: Actor, uscc: string): Promise<string | null> {
      return (await db.enterprise.findFirst({ where: { AND: [{ uscc }, enterpriseRegionWhere(actor)] }, select: { id: true } }))?.id ?? null
    },

    /** The id of the person with the ID number, or null. */
    async idNumberHolder(idNumber: string): Promise<string | null> {
      return (await db.person.findUnique({ where: { idNumberHash: idNumberHash(idNumber) }, select: { id: true } }))?.id ?? null
    },

    /** Creates a person from plain values; the ID number and phone are stored sealed, returned plain. */
    async create(data: Omit<Prisma.PersonUncheckedCreateInput, 'idNumberHash'> & { phone?: string | null }) {
      const sealed = { ...data, ...sealIdNumber(data.idNumber), phone: sealPersonPhone(data.phone ?? null) }
      return openPersonRow(await db.person.create({ data: sealed, select: { id: true, ...personAuditSelect } }))
    },

    /** Changes a person from plain values (the ID number is a person's key and is not changed here). */
    async update(personId: string, data: Omit<Prisma.PersonUncheckedUpdateInput, 'idNumber' | 'idNumberHash' | 'phone'> & { phone?: string | null }) {
      const sealed = { ...data, ...(data.phone !== undefined ? { phone: sealPersonPhone(data.phone) } : {}) }
      return openPersonRow(await db.person.update({ where: { id: personId }, data: sealed, select: personAuditSelect }))
    },

    /** Moves the person's registrations held with one employer to another. */
    async moveRegistrations(personId: string, fromEmployerId: string | null, toEmployerId: string): Promise<void> {
      await db.registration.updateMany({ where: { personId, employerId: fromEmployerId }, data: { employerId: toEmployerId } })
    },

    /** A registration of a person of the actor's regions; null also for another region's. */
    async findRegistrationInRegion(actor: Actor, registrationId: string) {
      if (!isLookupKey(registrationId)) return null
      return db.registration.findFirst({
        where: { AND: [{ id: registrationId }, registrationRegionWhere(actor)] },
        select: { ...registrationAuditSelect, personId: true },
      })
    },

    /** The registrations of people of the actor's regions with any of the numbers, with ids and persons. */
    findRegistrationsInRegionByNumber(actor: Actor, numbers: readonly string[]) {
      return db.registration.findMany({
        where: { AND: [{ number: { in: [...numbers] } }, registrationRegionWhere(actor)] },
        select: { id: true, ...registrationAuditSelect, personId: true },
      })
    },

    /** Registration number → the id of the registration holding it, for each of the numbers (null when none does). */
    async registrationNumberHolders(numbers: readonly string[]): Promise<Map<string, string | null>> {
      const rows = await db.registration.findMany({ where: { number: { in: [...numbers] } }, select: { id: true, number: true } })
      return holders(numbers, rows.map((r) => [r.number, r.id]))
    },

    /** The id of the registration with the number, or null. */
    async registrationNumberHolder(number: string): Promise<string | null> {
      return (await db.registration.findUnique({ where: { number }, select: { id: true } }))?.id ?? null
    },

    createRegistration(data: Prisma.RegistrationUncheckedCreateInput) {
      return db.registration.create({ data, select: { id: true, ...registrationAuditSelect } })
    },

    updateRegistration(registrationId: string, data: Prisma.RegistrationUncheckedUpdateInput) {
      return db.registration.update({ where: { id: registrationId }, data, select: registrationAuditSelect })
    },
  }
}

export type StaffPractitionersRepository = ReturnType<typeof createStaffPractitionersRepository>
