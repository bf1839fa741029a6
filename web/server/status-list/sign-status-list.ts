// Signing the revocation status list: the groups of the revoked serials (shared/transparency-log/
// status-list.ts) as a C2SP signed note, signed with the transparency log's key, valid for
// STATUS_LIST_VALIDITY_MS from the moment it is signed.
//
// Validity (docs/transparency-log.md "Status list"): a phone with no signal trusts a list for at
// most 7 days after it was signed, and says how old it is; past that the answer is "stale", never
// "not revoked". The list is re-signed on every revocation, and otherwise once a day
// (STATUS_LIST_REFRESH_AFTER_MS) by the staff instance or `npm run log:refresh-status-list`, so a
// freshly fetched list is at most a day old and stays usable for a week of field work offline;
// if the staff side stops signing, every copy turns stale within 7 days instead of vouching for an
// unknown state forever.
import { noteMessage, formatSignedNote, keyHash } from '@shared/transparency-log/note'
import { formatStatusListText, statusGroupsOf, type StatusListGroup } from '@shared/transparency-log/status-list'
import { LogKeyError, type LogKey } from '@web/server/transparency-log/log-key'
import type { StoredStatusList } from './status-list-repository'

const DAY_MS = 86_400_000
export const STATUS_LIST_VALIDITY_MS = 7 * DAY_MS
export const STATUS_LIST_REFRESH_AFTER_MS = DAY_MS

/** The list in which exactly `revokedSerials` are revoked, signed now; throws LogKeyError on an instance that cannot sign. */
export function signStatusList(key: LogKey, revokedSerials: readonly string[], now: Date): StoredStatusList & { groups: number } {
  return signStatusGroups(key, statusGroupsOf(revokedSerials), now)
}

/** The list made of these groups (statusGroupsOf() output), signed now. */
export function signStatusGroups(key: LogKey, groups: StatusListGroup[], now: Date): StoredStatusList & { groups: number } {
  if (!key.sign) throw new LogKeyError('this instance holds no log signing key (PORTAL_ROLE=public, or no secretKeyHex / LOG_SIGNING_KEY_HEX): it cannot sign the status list')
  const issuedAt = new Date(Math.floor(now.getTime()))
  const validUntil = new Date(issuedAt.getTime() + STATUS_LIST_VALIDITY_MS)
  const text = formatStatusListText({ origin: key.origin, issuedAt: issuedAt.getTime(), validUntil: validUntil.getTime(), groups })
  const signature = key.sign(noteMessage(text))
  const signedNote = formatSignedNote(text, [{ name: key.origin, keyHash: keyHash(key.origin, key.publicKey), signature }])
  return { signedNote, issuedAt, validUntil, groups: groups.length }
}
