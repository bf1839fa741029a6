// What /log/status-list serves: the stored signed note, as the staff side last signed it. A public
// instance never signs; it serves what the shared database holds.
import type { Db } from '@db/client'
import { readStatusList } from './status-list-repository'

export interface PublishedStatusList {
  signedNote: string
  issuedAt: Date
  validUntil: Date
}

/** The signed list, or null before the first one is signed. */
export async function getStatusList(db: Db): Promise<PublishedStatusList | null> {
  const list = await readStatusList(db)
  return list && { signedNote: list.signedNote, issuedAt: list.issuedAt, validUntil: list.validUntil }
}
