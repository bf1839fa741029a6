import type { Db } from '@db/client'
import type { ObjectionKind } from '@shared/domain/enums'
import { createObjectionsRepository } from './objections-repository'

/**
 * The record a new request would be about and whether that kind of request may be filed on
 * `asOf`'s China calendar day (shared/objections/eligibility.ts); null when there is no such
 * record. A record that is not public today is, to the public, no record at all: the caller
 * answers 404 for eligibility reason NOT_PUBLIC.
 */
export function getRecordForRequest(db: Db, recordId: string, kind: ObjectionKind, asOf: Date = new Date()) {
  return createObjectionsRepository(db).findRecordForRequest(recordId, kind, asOf)
}
