// Re-signing the status list with a new validity (`npm run log:refresh-status-list`, and the staff
// instance once a day): the bits rebuilt from the certificates themselves — every REVOKED one with
// a status index — so a list is never more than a re-sign away from the database's truth.
import type { Db } from '@db/client'
import { logKey } from '@web/server/transparency-log/log-key'
import { bitsOfRevoked } from './status-bits'
import { signStatusList, STATUS_LIST_REFRESH_AFTER_MS } from './sign-status-list'
import { lockStatusList, readRevocationState, readStatusList, storeStatusList, type StoredStatusList } from './status-list-repository'

export interface RefreshedStatusList {
  issuedAt: Date
  validUntil: Date
  /** bits in the list */
  length: number
  revoked: number
}

/** Rebuilds and re-signs the list now. Throws LogKeyError on an instance that cannot sign. */
export async function refreshStatusList(db: Db, now = new Date()): Promise<RefreshedStatusList> {
  const key = logKey()
  return db.$transaction(async (tx) => {
    await lockStatusList(tx, now)
    const { revoked, highestIndex } = await readRevocationState(tx)
    const list: StoredStatusList = signStatusList(key, bitsOfRevoked(revoked, highestIndex), now)
    await storeStatusList(tx, list)
    return { issuedAt: list.issuedAt, validUntil: list.validUntil, length: list.bits.length * 8, revoked: revoked.length }
  })
}

/** Re-signs when there is no list or it was signed STATUS_LIST_REFRESH_AFTER_MS or longer ago; null when not due. */
export async function refreshStatusListIfDue(db: Db, now = new Date()): Promise<RefreshedStatusList | null> {
  const current = await readStatusList(db)
  if (current && now.getTime() - current.issuedAt.getTime() < STATUS_LIST_REFRESH_AFTER_MS) return null
  return refreshStatusList(db, now)
}
