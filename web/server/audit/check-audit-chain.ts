// Checks the audit log's hash chain and names the first broken entry: what `npm run audit:verify`
// runs (an operator command, no actor) and what the auditor's page runs through verifyAuditLog.
import type { Db } from '@db/client'
import { verifyAuditChain } from './audit-log-repository'
import { createAuditEntriesRepository } from './audit-entries-repository'
import type { AuditChainCheck } from './audit-schemas'

/** A head recorded at an earlier check (seq and hash of the then newest entry). */
export interface AuditHead {
  seq: number
  hash: string
}

/** Parses `<seq>:<hash>` as printed by `npm run audit:verify`; null when malformed. */
export function parseAuditHead(text: string): AuditHead | null {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim())
  return m ? { seq: Number(m[1]), hash: m[2] } : null
}

export async function checkAuditChain(db: Db, now = new Date(), expectedHead?: AuditHead): Promise<AuditChainCheck> {
  const repository = createAuditEntriesRepository(db)
  const brokenSeq = await verifyAuditChain(db)
  const [entries, broken, head, recorded] = await Promise.all([
    repository.countEntries(),
    brokenSeq === null ? Promise.resolve(null) : repository.findEntry(brokenSeq),
    repository.findHead(),
    expectedHead ? repository.findHash(expectedHead.seq) : Promise.resolve(null),
  ])
  // the chain after the recorded head may grow, but the recorded entry itself must still be there
  const expectedHeadFound = expectedHead ? recorded?.hash === expectedHead.hash : null
  return {
    entries,
    intact: brokenSeq === null && expectedHeadFound !== false,
    head,
    expectedHeadFound,
    broken: broken && { seq: broken.seq, at: broken.at.toISOString(), action: broken.action, entity: broken.entity, entityId: broken.entityId },
    checkedAt: now.toISOString(),
  }
}
