// Correcting a record inside the caller's transaction: staff's correctRecord, an upheld objection
// (review-objection.ts) and the bulk import apply exactly these rules and write exactly this audit
// entry.
import type { RecordCorrection } from '@shared/staff-forms/records'
import { appendAuditEntries, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { ConflictError } from '@web/server/lib/errors'
import { recordAuditFields } from './record-audit-fields'
import type { ChangeContext } from './record-change-context'
import { recordContentData, type RecordSubjectClass } from './record-terms'
import { createStaffRecordsRepository, type RecordAuditRow } from './staff-records-repository'

/** A stored record with its subject's class (an enterprise's type), which the standard's rules depend on. */
export type RecordToCorrect = RecordAuditRow & { enterprise: { type: string } | null }

export function subjectClassOf(record: RecordToCorrect): RecordSubjectClass {
  return record.enterprise ? { type: 'ENTERPRISE', enterpriseType: record.enterprise.type } : { type: 'PERSON' }
}

/**
 * Corrects an ACTIVE record and pushes its audit entry (the changed fields before and after) onto
 * `audit` for the caller to append; nothing is written when a check refuses it. Returns the record
 * as now stored.
 */
export async function correctRecordIn(tx: Tx, record: RecordToCorrect, correction: RecordCorrection, ctx: ChangeContext, audit: AuditEntryInput[]): Promise<RecordAuditRow> {
  if (record.status !== 'ACTIVE') throw new ConflictError('该记录已撤销，不能更正')
  const records = createStaffRecordsRepository(tx)
  const data = recordContentData(correction, subjectClassOf(record))
  if (!(await records.updateIfActive(record.id, data))) throw new ConflictError('该记录已撤销，不能更正')
  const after = await records.findAuditRow(record.id)
  const before = recordAuditFields(record)
  const now = recordAuditFields(after)
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(now[key])) {
      b[key] = before[key]
      a[key] = now[key]
    }
  }
  audit.push({
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.correct',
    entity: 'IntegrityRecord',
    entityId: record.id,
    changes: { reason: correction.reason, ...(ctx.objection ? { objection: ctx.objection } : {}), before: b, after: a },
    at: ctx.now,
  })
  return after
}

/** Corrects an ACTIVE record, with its audit entry appended at once. */
export async function applyRecordCorrection(tx: Tx, record: RecordToCorrect, correction: RecordCorrection, ctx: ChangeContext): Promise<void> {
  const audit: AuditEntryInput[] = []
  await correctRecordIn(tx, record, correction, ctx, audit)
  await appendAuditEntries(tx, audit)
}
