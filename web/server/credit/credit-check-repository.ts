// 查询我的信用等级: who a check query names. The only code that looks subjects up for it.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import { containsText } from '@web/server/lib/text-search'
import type { CreditLookup } from './credit-queries'
import type { CreditCheckMatch } from './credit-schemas'

/** Names shown for a name search; more are counted but not listed. */
export const CHECK_MATCHES_SHOWN = 10

const enterpriseSelect = { uscc: true, name: true, type: true, region: { select: { name: true } } } satisfies Prisma.EnterpriseSelect

// never idNumber or phone
const registrationSelect = { number: true, person: { select: { id: true, name: true, employer: { select: { name: true } } } } } satisfies Prisma.RegistrationSelect

function enterpriseMatch(e: Prisma.EnterpriseGetPayload<{ select: typeof enterpriseSelect }>): CreditCheckMatch {
  return { type: 'ENTERPRISE', uscc: e.uscc, name: e.name, enterpriseType: e.type, enterpriseTypeLabel: ENTERPRISE_TYPE_LABELS[e.type], regionName: e.region.name }
}

export function createCreditCheckRepository(db: Db) {
  return {
    /**
     * The enterprise of a USCC, the holder of a practice registration number, or enterprises whose
     * name contains the text (by name, then id; the first CHECK_MATCHES_SHOWN of `total`).
     */
    async findCreditSubjects(lookup: CreditLookup): Promise<{ matches: CreditCheckMatch[]; total: number }> {
      if (lookup.by === 'USCC') {
        const e = await db.enterprise.findUnique({ where: { uscc: lookup.uscc }, select: enterpriseSelect })
        return e ? { matches: [enterpriseMatch(e)], total: 1 } : { matches: [], total: 0 }
      }
      if (lookup.by === 'REGISTRATION') {
        const r = await db.registration.findUnique({ where: { number: lookup.number }, select: registrationSelect })
        return r
          ? { matches: [{ type: 'PERSON', id: r.person.id, name: r.person.name, employerName: r.person.employer?.name ?? null, registrationNumber: r.number }], total: 1 }
          : { matches: [], total: 0 }
      }
      const where = containsText(lookup.name, (f) => ({ name: f }))
      const [rows, total] = await Promise.all([
        db.enterprise.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: enterpriseSelect, take: CHECK_MATCHES_SHOWN }),
        db.enterprise.count({ where }),
      ])
      return { matches: rows.map(enterpriseMatch), total }
    },
  }
}
