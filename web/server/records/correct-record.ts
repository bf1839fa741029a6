// 更正记录 by staff: the record's terms as corrected, the points and publication period following
// from the standard again; before and after in the audit entry; the grade recomputed at once.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { recordCorrectionSchema } from '@shared/staff-forms/records'
import { withAuditRetry } from '@web/server/audit/audit-log-repository'
import { recomputeSubjectGrade } from '@web/server/credit/recompute-grades'
import { NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { applyRecordCorrection } from './apply-record-correction'
import { subjectRefOf } from './record-subject'
import { parseStaffInput } from './staff-input'
import { createStaffRecordsRepository } from './staff-records-repository'

export async function correctRecord(db: Db, actor: Actor, recordId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'records.write')
  const correction = parseStaffInput(recordCorrectionSchema, input)
  const record = await withAuditRetry(db, async (tx) => {
    const record = await createStaffRecordsRepository(tx).findForChange(actor, recordId)
    if (!record) throw new NotFoundError('诚信记录')
    await applyRecordCorrection(tx, record, correction, { actor, now })
    return record
  })
  // after the commit: see record-integrity.ts for why the recompute cannot share the transaction
  await recomputeSubjectGrade(db, subjectRefOf(record), now)
}
