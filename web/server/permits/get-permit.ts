import type { Db } from '@db/client'
import { hasControlCharacter } from '@web/server/lib/database-text'
import { createPermitsRepository } from './permits-repository'
import type { PermitDetail } from './permits-schemas'

/** One permit with every field of its certificate; null for an unknown number. */
export async function getPermit(db: Db, permitNumber: string): Promise<PermitDetail | null> {
  // no number holds one, and PostgreSQL refuses to bind a NUL (database-text.ts)
  if (hasControlCharacter(permitNumber)) return null
  return createPermitsRepository(db).findPermit(permitNumber)
}
