// 记录良好/不良行为 by staff: the subject by USCC (an enterprise) or practising registration number
// (a practitioner), the category from the current scoring standard, the points and the publication
// period from that standard. The subject's grade is recomputed at once, so the public profile and
// the credit explanation show the new grade on the next request.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { recordFormSchema } from '@shared/staff-forms/records'
import { isValidUscc } from '@shared/validators/uscc'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { recomputeSubjectGrade } from '@web/server/credit/recompute-grades'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { recordAuditFields } from './record-audit-fields'
import { subjectRefOf } from './record-subject'
import { recordTermsData } from './record-terms'
import { parseStaffInput } from './staff-input'
import { createStaffRecordsRepository, type StaffRecordsRepository } from './staff-records-repository'

// one message whether the code names nothing or a subject of another region: an officer must not
// learn what other regions hold
const NOT_FOUND = { subjectCode: '未找到本地区的该企业或执业注册人员' }

async function subjectFor(records: StaffRecordsRepository, actor: Actor, code: string) {
  if (isValidUscc(code)) {
    const e = await records.findSubjectEnterprise(actor, code)
    if (!e) throw new InputError(NOT_FOUND)
    return { data: { subjectType: 'ENTERPRISE' as const, enterpriseId: e.id }, kind: { type: 'ENTERPRISE' as const, enterpriseType: e.type } }
  }
  const personId = await records.findSubjectPersonId(actor, code)
  if (!personId) throw new InputError(NOT_FOUND)
  return { data: { subjectType: 'PERSON' as const, personId }, kind: { type: 'PERSON' as const } }
}

export async function recordIntegrity(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'records.write')
  const form = parseStaffInput(recordFormSchema, input)
  const created = await withAuditRetry(db, async (tx) => {
    const records = createStaffRecordsRepository(tx)
    const subject = await subjectFor(records, actor, form.subjectCode)
    const row = await records.create({
      ...subject.data,
      ...recordTermsData(form, subject.kind),
      title: form.title,
      description: form.description,
      decisionNumber: form.decisionNumber,
      issuedBy: form.issuedBy,
      authorityId: actor.authorityId,
      createdAt: now,
    })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'record.create',
      entity: 'IntegrityRecord',
      entityId: row.id,
      changes: { subject: form.subjectCode, before: null, after: recordAuditFields(row) },
      at: now,
    })
    return row
  })
  // After the commit, not inside it: the recompute writes its snapshot in a transaction of its own
  // (grade-snapshots-repository's writeSnapshots), which an interactive transaction cannot nest.
  // The record is committed first, so a failure here leaves a correct record whose grade the nightly
  // recompute (npm run grades:recompute) catches up.
  await recomputeSubjectGrade(db, subjectRefOf(created), now)
  return { id: created.id }
}
