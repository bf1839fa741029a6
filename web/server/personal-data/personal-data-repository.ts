// The stored personal data as the conversion and re-encryption commands walk it: people and
// objections in id order (keyset batches), and conditional writes that change a row only while it
// still holds the values that were read, so a staff edit made meanwhile is never overwritten.
import type { Db } from '@db/client'
import type { Tx } from '@web/server/audit/audit-log-repository'

export interface StoredPerson {
  id: string
  idNumber: string
  idNumberHash: string | null
  phone: string | null
}

export interface StoredObjection {
  id: string
  contactPhone: string
  contactPhoneHash: string | null
  email: string | null
}

export function createPersonalDataRepository(db: Db | Tx) {
  return {
    peopleAfter(afterId: string | null, take: number): Promise<StoredPerson[]> {
      return db.person.findMany({
        where: afterId === null ? {} : { id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take,
        select: { id: true, idNumber: true, idNumberHash: true, phone: true },
      })
    },

    objectionsAfter(afterId: string | null, take: number): Promise<StoredObjection[]> {
      return db.objection.findMany({
        where: afterId === null ? {} : { id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take,
        select: { id: true, contactPhone: true, contactPhoneHash: true, email: true },
      })
    },

    /** Writes the new stored values if the row still holds `before`; whether it did. */
    async replacePerson(before: StoredPerson, after: Omit<StoredPerson, 'id'>): Promise<boolean> {
      const { count } = await db.person.updateMany({
        where: { id: before.id, idNumber: before.idNumber, idNumberHash: before.idNumberHash, phone: before.phone },
        data: after,
      })
      return count === 1
    },

    async replaceObjection(before: StoredObjection, after: Omit<StoredObjection, 'id'>): Promise<boolean> {
      const { count } = await db.objection.updateMany({
        where: { id: before.id, contactPhone: before.contactPhone, contactPhoneHash: before.contactPhoneHash, email: before.email },
        data: after,
      })
      return count === 1
    },
  }
}
