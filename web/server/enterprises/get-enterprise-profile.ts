import type { Db } from '@db/client'
import { createEnterprisesRepository } from './enterprises-repository'
import type { EnterpriseProfile } from './enterprises-schemas'

/**
 * An enterprise's profile: its facts, qualifications, counts and latest stored grade, with
 * validity and record publication judged on the China calendar date of `asOf`; null for an
 * unknown USCC.
 */
export function getEnterpriseProfile(db: Db, uscc: string, asOf = new Date()): Promise<EnterpriseProfile | null> {
  return createEnterprisesRepository(db).getEnterprise(uscc, asOf)
}
