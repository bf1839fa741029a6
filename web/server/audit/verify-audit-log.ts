// The auditor verifies the audit log's hash chain now ('audit.read').
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { checkAuditChain, type AuditHead } from './check-audit-chain'
import type { AuditChainCheck } from './audit-schemas'

export async function verifyAuditLog(db: Db, actor: Actor, now = new Date(), expectedHead?: AuditHead): Promise<AuditChainCheck> {
  authorize(actor, 'audit.read')
  return checkAuditChain(db, now, expectedHead)
}
