// The hash chain of the audit log (DESIGN.md "Data"): each entry's hash covers its own content and
// the previous entry's hash, so editing or deleting any past entry breaks every hash after it.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  at: Date
  userId: string | null
  action: string
  entity: string
  entityId: string
  /** JSON text of what changed */
  changes: string
  /** the client address of a staff request; entries without one hash exactly as before it existed */
  clientIp?: string | null
}

/** SHA-256 (hex) over the previous hash and the entry's fields, one per line, in a fixed order. */
export function auditEntryHash(prevHash: string, entry: AuditContent): string {
  const lines = [prevHash, entry.at.toISOString(), entry.userId ?? '', entry.action, entry.entity, entry.entityId, entry.changes]
  if (entry.clientIp) lines.push(entry.clientIp)
  // a field containing a line break could otherwise imitate two fields: JSON-quote each one
  return bytesToHex(sha256(utf8ToBytes(lines.map((l) => JSON.stringify(l)).join('\n'))))
}

export interface ChainEntry extends AuditContent {
  seq: number
  prevHash: string
  hash: string
}

/** The first entry (by seq) whose link or hash is wrong, or null when the whole chain holds. */
export function findBrokenLink(entries: readonly ChainEntry[], startHash = GENESIS_HASH): ChainEntry | null {
  let prev = startHash
  for (const e of entries) {
    if (e.prevHash !== prev || auditEntryHash(e.prevHash, e) !== e.hash) return e
    prev = e.hash
  }
  return null
}
