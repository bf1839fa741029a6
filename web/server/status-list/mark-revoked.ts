// The status list's part of a revocation, run inside the revoking transaction (web/server/
// certificates/certificate-changes-repository.ts) after the certificate row became REVOKED: the
// certificate's bit set and the list re-signed, so the list and the certificate commit or roll
// back together. Serialised with other writers of the list by its row lock (lockStatusList).
import type { Tx } from '@web/server/audit/audit-log-repository'
import { logKey } from '@web/server/transparency-log/log-key'
import { bitsOfRevoked, withBitSet } from './status-bits'
import { signStatusList } from './sign-status-list'
import { lockStatusList, readRevocationState, storeStatusList } from './status-list-repository'

/**
 * Sets `statusIndex`'s bit and re-signs. A certificate with no status index yet (one issued before
 * the log and not back-filled) has no bit to set: the list is left as it is. The first revocation
 * on a database with no list builds it from every revoked certificate.
 */
export async function markRevokedInStatusList(tx: Tx, statusIndex: number | null, now: Date): Promise<void> {
  if (statusIndex === null) return
  const key = logKey()
  const stored = await lockStatusList(tx, now)
  let bits: Uint8Array
  if (stored.length === 0) {
    const { revoked, highestIndex } = await readRevocationState(tx)
    bits = withBitSet(bitsOfRevoked(revoked, highestIndex), statusIndex)
  } else {
    bits = withBitSet(stored, statusIndex)
  }
  await storeStatusList(tx, signStatusList(key, bits, now))
}
