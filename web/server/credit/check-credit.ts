import type { Db } from '@db/client'
import { createCreditCheckRepository } from './credit-check-repository'
import type { CreditLookup } from './credit-queries'
import type { CreditCheckMatch, SubjectCredit } from './credit-schemas'
import { explainEnterpriseCredit } from './explain-enterprise-credit'
import { explainPractitionerCredit } from './explain-practitioner-credit'

export interface CreditCheck {
  /** the first CHECK_MATCHES_SHOWN subjects the query names */
  matches: CreditCheckMatch[]
  total: number
  /** the grade explained on the China day of `asOf` when the query names exactly one subject */
  credit: SubjectCredit | null
}

/** 查询我的信用等级: who a USCC, registration number or name names, and, for exactly one, the explanation. */
export async function checkCredit(db: Db, lookup: CreditLookup, asOf: Date = new Date()): Promise<CreditCheck> {
  const { matches, total } = await createCreditCheckRepository(db).findCreditSubjects(lookup)
  if (matches.length !== 1) return { matches, total, credit: null }
  const match = matches[0]
  const credit = match.type === 'ENTERPRISE' ? await explainEnterpriseCredit(db, match.uscc, asOf) : await explainPractitionerCredit(db, match.id, asOf)
  return { matches, total, credit }
}
