// Checks the audit log's hash chain and names the first broken entry: what `npm run audit:verify`
// runs (an operator command, no actor) and what the auditor's page runs through verifyAuditLog.
import type { Db } from '@db/client'
import { verifyAuditChain } from './audit-log-repository'
import { createAuditEntriesRepository } from './audit-entries-repository'
import type { AuditChainCheck } from './audit-schemas'

export async function checkAuditChain(db: Db, now = new Date()): Promise<AuditChainCheck> {
  const repository = createAuditEntriesRepository(db)
  const brokenSeq = await verifyAuditChain(db)
  const [entries, broken] = await Promise.all([
    repository.countEntries(),
    brokenSeq === null ? Promise.resolve(null) : repository.findEntry(brokenSeq),
  ])
  return {
    entries,
    intact: brokenSeq === null,
    broken: broken && { seq: broken.seq, at: broken.at.toISOString(), action: broken.action, entity: broken.entity, entityId: broken.entityId },
    checkedAt: now.toISOString(),
  }
}
