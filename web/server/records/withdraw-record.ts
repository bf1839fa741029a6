// 撤销记录 by staff, with the reason: the record leaves every public page and stops counting; the
// grade is recomputed at once.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { recordWithdrawalSchema } from '@shared/staff-forms/records'
import { withAuditRetry } from '@web/server/audit/audit-log-repository'
import { recomputeSubjectGrade } from '@web/server/credit/recompute-grades'
import { NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { applyRecordWithdrawal } from './apply-record-withdrawal'
import { subjectRefOf } from './record-subject'
import { parseStaffInput } from './staff-input'
import { createStaffRecordsRepository } from './staff-records-repository'

export async function withdrawRecord(db: Db, actor: Actor, recordId: string, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'records.write')
  const { reason } = parseStaffInput(recordWithdrawalSchema, input)
  const record = await withAuditRetry(db, async (tx) => {
    const record = await createStaffRecordsRepository(tx).findForChange(actor, recordId)
    if (!record) throw new NotFoundError('诚信记录')
    await applyRecordWithdrawal(tx, record, reason, { actor, now })
    return record
  })
  // after the commit: see record-integrity.ts for why the recompute cannot share the transaction
  await recomputeSubjectGrade(db, subjectRefOf(record), now)
}
