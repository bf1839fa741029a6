import type { Db } from '@db/client'
import { createPractitionersRepository } from './practitioners-repository'
import type { PractitionerProfile } from './practitioners-schemas'

/**
 * A practitioner's profile (ID number masked, no phone): registrations, employer, counts and the
 * latest stored grade, judged on the China calendar date of `asOf`; null for an unknown id.
 */
export function getPractitionerProfile(db: Db, id: string, asOf = new Date()): Promise<PractitionerProfile | null> {
  return createPractitionersRepository(db).getPractitioner(id, asOf)
}
