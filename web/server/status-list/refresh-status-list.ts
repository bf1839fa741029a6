// Re-signing the status list with a new validity (`npm run log:refresh-status-list`, the seed, and
// the staff instance once a day): rebuilt from the certificates themselves — every REVOKED one —
// exactly as a revocation does, so a list is never more than a re-sign away from the database's truth.
import type { Db } from '@db/client'
import { logKey } from '@web/server/transparency-log/log-key'
import { signStatusList, STATUS_LIST_REFRESH_AFTER_MS } from './sign-status-list'
import { lockStatusList, readRevokedSerials, readStatusList, storeStatusList } from './status-list-repository'

export interface RefreshedStatusList {
  issuedAt: Date
  validUntil: Date
  /** groups in the list (type, year and region with at least one revocation) */
  groups: number
  revoked: number
}

// Signing compresses every group with a revocation: ~0.4 ms a group, ~25 s for a national list
// (about 57,000 groups). That is done before the lock, so a revocation (which takes the same lock)
// never waits for it; under the lock the revoked serials are read again and the list is stored only
// if they are still the ones it was built from, else it is built again.
const MAX_ATTEMPTS = 3

/** Rebuilds and re-signs the list now. Throws LogKeyError on an instance that cannot sign. */
export async function refreshStatusList(db: Db, now = new Date()): Promise<RefreshedStatusList> {
  const key = logKey()
  for (let attempt = 1; ; attempt++) {
    const revoked = (await readRevokedSerials(db)).sort()
    const list = signStatusList(key, revoked, now)
    const stored = await db.$transaction(async (tx) => {
      await lockStatusList(tx, now)
      const current = (await readRevokedSerials(tx)).sort()
      if (current.length !== revoked.length || current.some((serial, i) => serial !== revoked[i])) return false
      await storeStatusList(tx, list)
      return true
    })
    if (stored) return { issuedAt: list.issuedAt, validUntil: list.validUntil, groups: list.groups, revoked: revoked.length }
    if (attempt >= MAX_ATTEMPTS) throw new Error('certificates kept being revoked while the status list was signed: not re-signed, try again')
  }
}

/** Re-signs when there is no list or it was signed STATUS_LIST_REFRESH_AFTER_MS or longer ago; null when not due. */
export async function refreshStatusListIfDue(db: Db, now = new Date()): Promise<RefreshedStatusList | null> {
  const current = await readStatusList(db)
  if (current && now.getTime() - current.issuedAt.getTime() < STATUS_LIST_REFRESH_AFTER_MS) return null
  return refreshStatusList(db, now)
}
