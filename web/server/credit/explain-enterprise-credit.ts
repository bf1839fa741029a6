import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { createCreditExplanationRepository } from './credit-explanation-repository'
import { explainCredit } from './credit-explanation'
import type { SubjectCredit } from './credit-schemas'

/** An enterprise's grade explained on the China calendar day of `asOf`; null for an unknown USCC. */
export async function explainEnterpriseCredit(db: Db, uscc: string, asOf: Date = new Date()): Promise<SubjectCredit | null> {
  const row = await createCreditExplanationRepository(db).findEnterprise(uscc)
  if (!row) return null
  return explainCredit(
    {
      scoring: { id: row.id, subjectType: 'ENTERPRISE', enterpriseType: row.type },
      subject: { type: 'ENTERPRISE', name: row.name, uscc: row.uscc, enterpriseType: row.type },
      regionName: row.region.name,
      records: row.records,
      history: row.grades,
    },
    chinaDateOf(asOf),
  )
}
