// Correcting a record inside the caller's transaction: staff's correctRecord and an upheld
// objection (review-objection.ts) apply exactly these rules and write exactly this audit entry.
import type { RecordCorrection } from '@shared/staff-forms/records'
import { appendAuditEntry, type Tx } from '@web/server/audit/audit-log-repository'
import { ConflictError } from '@web/server/lib/errors'
import { recordAuditFields } from './record-audit-fields'
import type { ChangeContext } from './record-change-context'
import { recordTermsData } from './record-terms'
import { createStaffRecordsRepository, type RecordForChange } from './staff-records-repository'

/** Corrects an ACTIVE record, with its audit entry (the changed fields before and after). */
export async function applyRecordCorrection(tx: Tx, record: RecordForChange, correction: RecordCorrection, ctx: ChangeContext): Promise<void> {
  if (record.status !== 'ACTIVE') throw new ConflictError('该记录已撤销，不能更正')
  const records = createStaffRecordsRepository(tx)
  const subject = record.enterprise ? { type: 'ENTERPRISE' as const, enterpriseType: record.enterprise.type } : { type: 'PERSON' as const }
  const data = {
    ...recordTermsData(correction, subject),
    title: correction.title,
    description: correction.description,
    decisionNumber: correction.decisionNumber,
    issuedBy: correction.issuedBy,
  }
  if (!(await records.updateIfActive(record.id, data))) throw new ConflictError('该记录已撤销，不能更正')
  const before = recordAuditFields(record)
  const now = recordAuditFields(await records.findAuditRow(record.id))
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(now[key])) {
      b[key] = before[key]
      a[key] = now[key]
    }
  }
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.correct',
    entity: 'IntegrityRecord',
    entityId: record.id,
    changes: { reason: correction.reason, ...(ctx.objection ? { objection: ctx.objection } : {}), before: b, after: a },
    at: ctx.now,
  })
}
