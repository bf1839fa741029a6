// Withdrawing a record inside the caller's transaction: staff's withdrawRecord and an upheld
// objection (review-objection.ts) write exactly this change and audit entry.
import { appendAuditEntry, type Tx } from '@web/server/audit/audit-log-repository'
import { ConflictError } from '@web/server/lib/errors'
import type { ChangeContext } from './record-change-context'
import { createStaffRecordsRepository } from './staff-records-repository'

/** Withdraws an ACTIVE record, with its audit entry; ConflictError when it is withdrawn already. */
export async function applyRecordWithdrawal(tx: Tx, record: { id: string }, reason: string, ctx: ChangeContext): Promise<void> {
  const withdrawn = await createStaffRecordsRepository(tx).updateIfActive(record.id, { status: 'WITHDRAWN', withdrawnAt: ctx.now, withdrawalReason: reason })
  if (!withdrawn) throw new ConflictError('该记录已撤销')
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.withdraw',
    entity: 'IntegrityRecord',
    entityId: record.id,
    changes: {
      ...(ctx.objection ? { objection: ctx.objection } : {}),
      before: { status: 'ACTIVE', withdrawnAt: null, withdrawalReason: null },
      after: { status: 'WITHDRAWN', withdrawnAt: ctx.now.toISOString(), withdrawalReason: reason },
    },
    at: ctx.now,
  })
}
