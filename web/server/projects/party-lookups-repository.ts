// The reads behind the stage forms' pickers: enterprises by USCC prefix or name, and the
// practitioners holding a valid registration with one enterprise on a day.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { containsText, startsWithText } from '@web/server/lib/text-search'

const enterpriseSelect = { uscc: true, name: true, type: true } satisfies Prisma.EnterpriseSelect
const registrationSelect = { number: true, type: true, person: { select: { id: true, name: true } } } satisfies Prisma.RegistrationSelect

export function createPartyLookupsRepository(db: Db) {
  return {
    /** Enterprises (of `type`, when given) whose USCC starts with `uscc` or whose name contains `text`, by name. */
    searchEnterprises(text: string, uscc: string, type: string | undefined, take: number) {
      return db.enterprise.findMany({
        where: {
          ...(type ? { type: type as never } : {}),
          OR: [startsWithText(uscc, (f) => ({ uscc: f })), containsText(text, (f) => ({ name: f }))],
        },
        select: enterpriseSelect,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take,
      })
    },

    /** Registrations of these types with the enterprise, valid on `on`, by the person's name. */
    registrationsWith(enterpriseUscc: string, types: readonly string[], on: Date, take: number) {
      return db.registration.findMany({
        where: { employer: { uscc: enterpriseUscc }, type: { in: types as never }, issuedOn: { lte: on }, validUntil: { gte: on } },
        select: registrationSelect,
        orderBy: [{ person: { name: 'asc' } }, { id: 'asc' }],
        take,
      })
    },
  }
}
