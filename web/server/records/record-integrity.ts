// 记录良好/不良行为 by staff: the subject by USCC (an enterprise) or practising registration number
// (a practitioner), the category from the current scoring standard, the points and the publication
// period from that standard. The subject's grade is recomputed at once, so the public profile and
// the credit explanation show the new grade on the next request.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { recordFormSchema, type RecordForm } from '@shared/staff-forms/records'
import { appendAuditEntries, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { recomputeSubjectGrade } from '@web/server/credit/recompute-grades'
import { authorize } from '@web/server/staff/authorize'
import { recordAuditFields } from './record-audit-fields'
import { findRecordSubjects, subjectNamed, subjectRefOf, type KnownSubjects } from './record-subject'
import { recordContentData } from './record-terms'
import { parseStaffInput } from './staff-input'
import { createStaffRecordsRepository, type RecordAuditRow, type StaffRecordsRepository } from './staff-records-repository'

/**
 * Records one parsed form inside the caller's transaction, every check included (the subject of
 * the actor's regions, the category for its class); pushes its audit entry onto `audit` for the
 * caller to append. `known`: the subjects the caller has already looked up with findRecordSubjects
 * (an import, a batch at a time); without it the form's one code is looked up here.
 */
/** A bulk import passes its own repository, which defers the write to one INSERT per batch. */
export async function recordIntegrityIn(
  tx: Tx,
  actor: Actor,
  form: RecordForm,
  now: Date,
  audit: AuditEntryInput[],
  known?: KnownSubjects,
  records: StaffRecordsRepository = createStaffRecordsRepository(tx),
): Promise<RecordAuditRow> {
  const subject = subjectNamed(known ?? (await findRecordSubjects(records, actor, [form.subjectCode])), form.subjectCode)
  const row = await records.create({ ...subject.data, ...recordContentData(form, subject.kind), authorityId: actor.authorityId, createdAt: now })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'record.create',
    entity: 'IntegrityRecord',
    entityId: row.id,
    changes: { subject: form.subjectCode, before: null, after: recordAuditFields(row) },
    at: now,
  })
  return row
}

export async function recordIntegrity(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'records.write')
  const form = parseStaffInput(recordFormSchema, input)
  const created = await withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const row = await recordIntegrityIn(tx, actor, form, now, audit)
    await appendAuditEntries(tx, audit)
    return row
  })
  // After the commit, not inside it: the recompute writes its snapshot in a transaction of its own
  // (grade-snapshots-repository's writeSnapshots), which an interactive transaction cannot nest.
  // The record is committed first, so a failure here leaves a correct record whose grade the nightly
  // recompute (npm run grades:recompute) catches up.
  await recomputeSubjectGrade(db, subjectRefOf(created), now)
  return { id: created.id }
}
