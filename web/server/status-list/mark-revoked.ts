// The status list's part of a revocation, run inside the revoking transaction (web/server/
// certificates/certificate-changes-repository.ts) after the certificate row became REVOKED: the
// list re-signed with the certificate's bit set, so the list and the certificate commit or roll back
// together. Serialised with other writers of the list by its row lock (lockStatusList).
import type { Tx } from '@web/server/audit/audit-log-repository'
import { parseSignedNote } from '@shared/transparency-log/note'
import { parseStatusListText, statusGroupsOf, statusPositionOf, withStatusGroup } from '@shared/transparency-log/status-list'
import { logKey } from '@web/server/transparency-log/log-key'
import { signStatusGroups, signStatusList } from './sign-status-list'
import { lockStatusList, readRevokedSerials, readRevokedSerialsInGroup, readStatusList, storeStatusList } from './status-list-repository'

/**
 * Re-signs the list with `serial`'s group rebuilt from the database (every revoked serial of that
 * type, year and region) and the other groups as the stored list has them: compressing every group
 * again took about 2 ms a group, a second per revocation for a province's ~500 groups, while the
 * log's lock is held. Without a readable stored list of this key's origin the whole list is rebuilt;
 * the daily refresh (refreshStatusList) always rebuilds all of it from the certificates.
 */
export async function markRevokedInStatusList(tx: Tx, serial: string, now: Date): Promise<void> {
  const key = logKey()
  // the lock first: the serials read after it include every revocation committed before
  await lockStatusList(tx, now)
  const stored = await readStatusList(tx)
  const text = stored && parseSignedNote(stored.signedNote)
  const current = text ? parseStatusListText(text.text) : null
  if (!current || current.origin !== key.origin) {
    await storeStatusList(tx, signStatusList(key, await readRevokedSerials(tx), now))
    return
  }
  const { group } = statusPositionOf(serial)
  const [rebuilt] = statusGroupsOf(await readRevokedSerialsInGroup(tx, group))
  await storeStatusList(tx, signStatusGroups(key, withStatusGroup(current.groups, rebuilt), now))
}
