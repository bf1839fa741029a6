// Bulk import of integrity records (issue 13), a batch of rows at a time inside the runner's
// transaction. A row is the staff form's input (recordFormSchema) and is written by the form's own
// steps: recordIntegrityIn for a new record, correctRecordIn for a changed one. Its natural key is
// the decision number (文号) with the subject, as one decision may name several subjects.
//
// The lookups a row needs (its subject in the actor's regions, the records of its key) are made
// once per batch with the same region-scoped queries the form makes for its one code, and handed
// to the same steps: a batch costs a few queries, one write per changed row and one INSERT for all
// its new records.
import { INTEGRITY_RECORDS } from '@shared/import/record-kinds'
import { recordCorrectionSchema, type RecordForm } from '@shared/staff-forms/records'
import type { ImportBatch, ImportHandler, ImportRow, RowDecision, RowResult } from '@web/server/import/import-handler'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { correctRecordIn, subjectClassOf, type RecordToCorrect } from './apply-record-correction'
import { recordIntegrityIn } from './record-integrity'
import { findRecordSubjects, subjectNamed, subjectRefOf, type KnownSubjects } from './record-subject'
import { recordContentData } from './record-terms'
import { parseStaffInput } from './staff-input'
import { createStaffRecordsRepository, type StaffRecordsRepository } from './staff-records-repository'

const WITHDRAWN = { decisionNumber: '该记录已撤销，不能通过导入恢复' }
const AMBIGUOUS = '该主体有多条同一文号的有效记录，无法确定导入哪一条，请先在系统中更正或撤销重复的记录'

/** The natural key: the decision number with the subject (a record's columns, or a found subject's). */
function keyOf(decisionNumber: string, subject: { enterpriseId?: string | null; personId?: string | null }): string {
  return `${decisionNumber}\u0000${subject.enterpriseId ? `E:${subject.enterpriseId}` : `P:${subject.personId}`}`
}

const time = (d: Date | null) => d?.getTime() ?? null

/**
 * Whether a stored record already holds what the row would store. The points and the publication
 * end follow from these under the standard; they are not compared, so that re-importing an old
 * file does not restate records made under an earlier standard.
 */
function holdsAlready(record: RecordToCorrect, stored: ReturnType<typeof recordContentData>): boolean {
  return (
    record.kind === stored.kind &&
    record.categoryCode === stored.categoryCode &&
    record.title === stored.title &&
    record.description === stored.description &&
    record.decisionNumber === stored.decisionNumber &&
    record.issuedBy === stored.issuedBy &&
    time(record.decidedOn) === time(stored.decidedOn) &&
    time(record.penaltyLastDay) === time(stored.penaltyLastDay) &&
    time(record.publishFrom) === time(stored.publishFrom)
  )
}

/**
 * What a batch's rows refer to: their subjects, and the records of their keys (kept current as
 * rows write); the repository that holds the batch's new records until its end, and their ids.
 */
interface BatchLookups {
  subjects: KnownSubjects
  byKey: Map<string, RecordToCorrect[]>
  records: StaffRecordsRepository
  unwritten: Set<string>
}

async function lookUp(batch: ImportBatch, forms: readonly RecordForm[]): Promise<BatchLookups> {
  const records = createStaffRecordsRepository(batch.tx, { deferCreates: true })
  const subjects = await findRecordSubjects(records, batch.actor, forms.map((f) => f.subjectCode))
  const enterpriseIds: string[] = []
  const personIds: string[] = []
  for (const s of subjects.values()) {
    if (s.data.subjectType === 'ENTERPRISE') enterpriseIds.push(s.data.enterpriseId)
    else personIds.push(s.data.personId)
  }
  const byKey = new Map<string, RecordToCorrect[]>()
  for (const r of await records.findForChangeByDecision([...new Set(forms.map((f) => f.decisionNumber))], { enterpriseIds, personIds })) {
    const key = keyOf(r.decisionNumber, r)
    byKey.set(key, [...(byKey.get(key) ?? []), r])
  }
  return { subjects, byKey, records, unwritten: new Set() }
}

async function writeRow(batch: ImportBatch, lookups: BatchLookups, form: RecordForm): Promise<RowDecision> {
  const { tx, actor, now } = batch
  const subject = subjectNamed(lookups.subjects, form.subjectCode)
  const key = keyOf(form.decisionNumber, subject.data)
  const matches = lookups.byKey.get(key) ?? []
  const enterprise = subject.kind.type === 'ENTERPRISE' ? { type: subject.kind.enterpriseType } : null

  if (matches.length === 0) {
    const created = await recordIntegrityIn(tx, actor, form, now, batch.audit, lookups.subjects, lookups.records)
    lookups.unwritten.add(created.id)
    lookups.byKey.set(key, [{ ...created, enterprise }])
    batch.changedSubjects.push(subjectRefOf(created))
    return { outcome: 'create', id: created.id }
  }

  // an import never revives a withdrawn record: that was a decision of staff, taken with a reason
  const active = matches.filter((r) => r.status === 'ACTIVE')
  if (active.length === 0) throw new InputError(WITHDRAWN)
  if (active.length > 1) throw new ConflictError(AMBIGUOUS)
  const record = active[0]
  if (holdsAlready(record, recordContentData(form, subjectClassOf(record)))) return { outcome: 'unchanged', id: record.id }

  const { subjectCode: _subject, ...content } = form
  const correction = parseStaffInput(recordCorrectionSchema, { ...content, reason: `批量导入更正（文件：${batch.source.fileName}）` })
  // the correction changes the stored row: one this batch created must be written first
  if (lookups.unwritten.has(record.id)) {
    await lookups.records.flushCreates()
    lookups.unwritten.clear()
  }
  const corrected = await correctRecordIn(tx, record, correction, { actor, now }, batch.audit)
  lookups.byKey.set(key, matches.map((r) => (r.id === record.id ? { ...corrected, enterprise: record.enterprise } : r)))
  batch.changedSubjects.push(subjectRefOf(corrected))
  return { outcome: 'change', id: record.id }
}

async function writeBatch(batch: ImportBatch, rows: readonly ImportRow[]): Promise<RowResult[]> {
  authorize(batch.actor, 'records.write')
  const parsed = parseRows<RecordForm>(INTEGRITY_RECORDS, rows)
  const lookups = await lookUp(batch, parsedValues(parsed).map((p) => p.form))
  const results = await judgeRows(INTEGRITY_RECORDS, parsed, (form) => writeRow(batch, lookups, form))
  await lookups.records.flushCreates()
  return results
}

export const importIntegrityRecords: ImportHandler = { permission: 'records.write', writeBatch }
