import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { PractitionerListQuery } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'
import type { PractitionerListItem } from './practitioners-schemas'

/** One page of the practitioner list (人员库), by name, then id; registrations judged on the China date of `asOf`. */
export function listPractitioners(db: Db, query: PractitionerListQuery, asOf = new Date()): Promise<KeysetPage<PractitionerListItem>> {
  return createPractitionersRepository(db).listPractitioners(query, asOf)
}
