import type { Db } from '@db/client'
import { createPermitsRepository } from './permits-repository'
import type { PermitDetail } from './permits-schemas'

/** One permit with every field of its certificate; null for an unknown number. */
export function getPermit(db: Db, permitNumber: string): Promise<PermitDetail | null> {
  return createPermitsRepository(db).findPermit(permitNumber)
}
