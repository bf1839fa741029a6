import type { Db } from '@db/client'
import { createObjectionsRepository } from './objections-repository'
import type { ObjectionView } from './objections-schemas'

/**
 * The status of a request for whoever holds its tracking number (normalized and checked by the
 * caller): contact details masked, and the record's title, 文号 and subject only while the record
 * is public on `asOf`'s China calendar day — once it is withdrawn or its period has ended, only
 * its category. Null for an unknown number.
 */
export function getObjection(db: Db, trackingNumber: string, asOf: Date = new Date()): Promise<ObjectionView | null> {
  return createObjectionsRepository(db).findObjection(trackingNumber, asOf)
}
