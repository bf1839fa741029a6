// The integrity-record import handler on both databases: rows decided and written by the record
// form's own steps — new, unchanged and corrected rows with their audit entries and the subjects
// whose grades move; a second identical pass writing nothing; every kind of refusal on its column
// with the form's message and nothing written; an officer of 三亚 unable to record for 海口.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { INTEGRITY_RECORDS } from '@shared/import/record-kinds'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntries } from '@web/server/audit/audit-log-repository'
import type { ImportBatch, ImportRow, RowResult } from '@web/server/import/import-handler'
import { ForbiddenError } from '@web/server/lib/errors'
import { importIntegrityRecords } from './import-integrity-records'
import { recordIntegrity } from './record-integrity'
import { createStaffFixture, tableCounts, uscc, HAIKOU, type StaffFixture } from './staff-test-fixtures'
import { withdrawRecord } from './withdraw-record'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')
const FILE = '诚信记录2026.csv'

/** cells by field (the columns of INTEGRITY_RECORDS); an absent one is empty */
type Cells = Partial<Record<string, string>>

/** A row as the file reader hands it over: normalised values (empty cells null) and the cells as read. */
function importRow(rowNumber: number, cells: Cells): ImportRow {
  const values: Record<string, string | null> = {}
  const raw: Record<string, string> = {}
  for (const { field } of INTEGRITY_RECORDS.columns) {
    const cell = cells[field] ?? ''
    values[field] = cell === '' ? null : cell
    if (cell !== '') raw[field] = cell
  }
  return { rowNumber, values, raw, problems: [] }
}

const penalty = (subjectCode: string, extra: Cells = {}): Cells => ({
  subjectCode,
  kind: 'BAD',
  categoryCode: 'BAD.PENALTY.SERIOUS',
  title: '未按规定履行质量安全责任',
  description: '施工现场存在重大安全隐患，责令停业整顿。',
  decisionNumber: '琼建罚〔2026〕201号',
  issuedBy: '海口市住房和城乡建设局',
  decidedOn: '2026-06-20',
  penaltyLastDay: '2027-12-31',
  ...extra,
})
/** The same cells as the staff form sends them (every field present, empty ones as ''). */
const asForm = (cells: Cells) => Object.fromEntries(INTEGRITY_RECORDS.columns.map(({ field }) => [field, cells[field] ?? '']))

describe.each(providers)('integrity-record import on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
  })
  afterAll(async () => {
    await t?.drop()
  })

  /** One batch in a transaction that is kept, its audit entries appended after it, as the runner does. */
  async function importBatch(actor: Actor, rows: ImportRow[]) {
    let batch: ImportBatch | undefined
    const results = await db.$transaction(async (tx) => {
      batch = { tx, actor, now: NOW, audit: [], changedSubjects: [], source: { jobId: 'job-1', fileName: FILE } }
      const results = await importIntegrityRecords.writeBatch(batch, rows)
      await appendAuditEntries(tx, batch.audit)
      return results
    })
    return { results, audit: batch!.audit, changedSubjects: batch!.changedSubjects }
  }

  const snapshot = async () => ({ counts: await tableCounts(db), records: await db.integrityRecord.findMany({ orderBy: { id: 'asc' } }) })
  const recordOf = (decisionNumber: string, where: { enterpriseId?: string; personId?: string }) =>
    db.integrityRecord.findFirstOrThrow({ where: { decisionNumber, ...where } })

  /** Imports rows that must all be refused; proves that nothing was written and returns their results. */
  async function refusedBatch(actor: Actor, rows: ImportRow[]): Promise<RowResult[]> {
    const before = await snapshot()
    const { results, audit, changedSubjects } = await importBatch(actor, rows)
    expect(results.every((r) => 'problems' in r)).toBe(true)
    expect(audit).toEqual([])
    expect(changedSubjects).toEqual([])
    expect(await snapshot()).toEqual(before)
    return results
  }

  it('creates new rows through the form’s rules: one decision naming an enterprise and its practitioner', async () => {
    const decision = '琼建罚〔2026〕201号'
    const rows = [
      importRow(2, penalty(f.haikou.uscc, { decisionNumber: decision })),
      importRow(3, penalty(f.haikou.registrationNumber, { decisionNumber: decision, categoryCode: 'BAD.PENALTY.MINOR', penaltyLastDay: '', publishFrom: '2026-07-01' })),
    ]
    const { results, audit, changedSubjects } = await importBatch(f.actors.haikouOfficer, rows)
    expect(results).toEqual([
      { row: 2, outcome: 'create', id: expect.any(String) },
      { row: 3, outcome: 'create', id: expect.any(String) },
    ])
    const enterpriseRecord = await recordOf(decision, { enterpriseId: f.haikou.enterpriseId })
    const personRecord = await recordOf(decision, { personId: f.haikou.personId })
    // the standard's points and period, the importer's authority, as the form stores them
    expect(enterpriseRecord).toMatchObject({ subjectType: 'ENTERPRISE', points: -5, status: 'ACTIVE', authorityId: f.actors.haikouOfficer.authorityId, createdAt: NOW })
    expect(enterpriseRecord.publishUntil.toISOString().slice(0, 10)).toBe('2028-01-01')
    expect(personRecord).toMatchObject({ subjectType: 'PERSON', points: -2, penaltyLastDay: null })
    expect(personRecord.publishFrom.toISOString().slice(0, 10)).toBe('2026-07-01')
    expect(changedSubjects).toEqual([
      { type: 'ENTERPRISE', id: f.haikou.enterpriseId },
      { type: 'PERSON', id: f.haikou.personId },
    ])
    expect(audit.map((a) => [a.action, a.entityId, a.userId])).toEqual([
      ['record.create', enterpriseRecord.id, f.actors.haikouOfficer.userId],
      ['record.create', personRecord.id, f.actors.haikouOfficer.userId],
    ])
    expect(audit[0].changes).toMatchObject({ subject: f.haikou.uscc, before: null, after: { categoryCode: 'BAD.PENALTY.SERIOUS', points: -5, publishUntil: '2028-01-01' } })
    const stored = await db.auditLog.findMany({ where: { entityId: { in: [enterpriseRecord.id, personRecord.id] } }, orderBy: { seq: 'asc' } })
    expect(stored.map((e) => e.action)).toEqual(['record.create', 'record.create'])

    // the same file again: every row unchanged, nothing written
    const before = await snapshot()
    const again = await importBatch(f.actors.haikouOfficer, rows)
    expect(again.results).toEqual([
      { row: 2, outcome: 'unchanged', id: expect.any(String) },
      { row: 3, outcome: 'unchanged', id: expect.any(String) },
    ])
    expect(again.audit).toEqual([])
    expect(again.changedSubjects).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('leaves a record made by the form unchanged when a row says the same, and corrects it with the file named when it differs', async () => {
    const decision = '琼建罚〔2026〕202号'
    const cells = penalty(f.haikou.uscc, { decisionNumber: decision })
    const { id } = await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    // an empty 公示起始日 stores the decision date, as the form did: the same record
    expect((await importBatch(f.actors.haikouOfficer, [importRow(2, { ...cells, publishFrom: '' })])).results).toEqual([{ row: 2, outcome: 'unchanged', id: expect.any(String) }])
    expect((await importBatch(f.actors.haikouOfficer, [importRow(2, { ...cells, publishFrom: '2026-06-20' })])).results).toEqual([{ row: 2, outcome: 'unchanged', id: expect.any(String) }])

    const corrected = { ...cells, categoryCode: 'BAD.PENALTY.GRAVE', title: '降低资质等级', penaltyLastDay: '' }
    const { results, audit, changedSubjects } = await importBatch(f.actors.haikouOfficer, [importRow(5, corrected)])
    expect(results).toEqual([{ row: 5, outcome: 'change', id: expect.any(String) }])
    expect(changedSubjects).toEqual([{ type: 'ENTERPRISE', id: f.haikou.enterpriseId }])
    expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ categoryCode: 'BAD.PENALTY.GRAVE', title: '降低资质等级', points: -10, penaltyLastDay: null, status: 'ACTIVE' })
    expect(await db.integrityRecord.count({ where: { decisionNumber: decision } })).toBe(1)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'record.correct', entity: 'IntegrityRecord', entityId: id, userId: f.actors.haikouOfficer.userId })
    expect(audit[0].changes).toEqual({
      reason: `批量导入更正（文件：${FILE}）`,
      before: { categoryCode: 'BAD.PENALTY.SERIOUS', title: '未按规定履行质量安全责任', penaltyLastDay: '2027-12-31', points: -5, publishUntil: '2028-01-01' },
      after: { categoryCode: 'BAD.PENALTY.GRAVE', title: '降低资质等级', penaltyLastDay: null, points: -10, publishUntil: '2029-06-20' },
    })
    expect(JSON.parse((await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).changes)).toEqual(audit[0].changes)

    // corrected once: importing the corrected file again changes nothing
    const before = await snapshot()
    expect((await importBatch(f.actors.haikouOfficer, [importRow(5, corrected)])).results).toEqual([{ row: 5, outcome: 'unchanged', id: expect.any(String) }])
    expect(await snapshot()).toEqual(before)
  })

  it('corrects a record when any one imported field differs, and back again', async () => {
    const base = penalty(f.sanya.uscc, { decisionNumber: '三建罚〔2026〕60号', issuedBy: '三亚市住房和城乡建设局' })
    expect((await importBatch(f.actors.sanyaOfficer, [importRow(2, base)])).results).toEqual([{ row: 2, outcome: 'create', id: expect.any(String) }])
    const variants: Cells[] = [
      { categoryCode: 'BAD.PENALTY.MINOR' },
      { kind: 'GOOD', categoryCode: 'GOOD.COMMENDATION.CITY', penaltyLastDay: '' },
      { title: '另一标题' },
      { description: '另一内容' },
      { issuedBy: '海南省住房和城乡建设厅' },
      { decidedOn: '2026-06-19' },
      { penaltyLastDay: '2027-12-30' },
      { publishFrom: '2026-07-01' },
    ]
    for (const variant of variants) {
      const { results, audit } = await importBatch(f.actors.sanyaOfficer, [importRow(2, { ...base, ...variant })])
      expect(results, JSON.stringify(variant)).toEqual([{ row: 2, outcome: 'change', id: expect.any(String) }])
      expect(Object.keys((audit[0].changes as { after: object }).after)).toEqual(expect.arrayContaining(Object.keys(variant)))
      expect((await importBatch(f.actors.sanyaOfficer, [importRow(2, base)])).results).toEqual([{ row: 2, outcome: 'change', id: expect.any(String) }])
    }
    expect(await db.integrityRecord.count({ where: { decisionNumber: '三建罚〔2026〕60号' } })).toBe(1)
  })

  it('judges a row by the rows before it in the same batch', async () => {
    const decision = '琼建罚〔2026〕203号'
    const first = penalty(f.haikou.uscc, { decisionNumber: decision })
    const { results, audit } = await importBatch(f.actors.haikouOfficer, [importRow(2, first), importRow(3, first), importRow(4, { ...first, title: '更正后的标题' })])
    expect(results).toEqual([
      { row: 2, outcome: 'create', id: expect.any(String) },
      { row: 3, outcome: 'unchanged', id: expect.any(String) },
      { row: 4, outcome: 'change', id: expect.any(String) },
    ])
    expect(audit.map((a) => a.action)).toEqual(['record.create', 'record.correct'])
    expect(await db.integrityRecord.findMany({ where: { decisionNumber: decision }, select: { title: true } })).toEqual([{ title: '更正后的标题' }])
  })

  it('refuses bad rows on their column with the form’s message, and writes nothing for them', async () => {
    const unknown = uscc(HAIKOU, 'HK999999')
    const results = await refusedBatch(f.actors.haikouOfficer, [
      importRow(2, penalty(f.haikou.uscc, { kind: 'GOOD', penaltyLastDay: '' })),
      importRow(3, penalty(f.haikou.uscc, { penaltyLastDay: '2026-06-01' })),
      importRow(4, penalty(unknown)),
      importRow(5, penalty(f.sanya.uscc)),
      importRow(6, penalty(f.sanya.registrationNumber)),
      // a check of the form's body, not of its schema: wages are an enterprise's, not a practitioner's
      importRow(7, penalty(f.haikou.registrationNumber, { categoryCode: 'BAD.WAGES.ARREARS' })),
    ])
    const NOT_HERE = '未找到本地区的该企业或执业注册人员'
    expect(results).toEqual([
      { row: 2, problems: [{ row: 2, column: '记录类别', value: 'BAD.PENALTY.SERIOUS', reason: '所选类别不是良好行为类别' }] },
      { row: 3, problems: [{ row: 3, column: '处罚期限截止日', value: '2026-06-01', reason: '处罚期限截止日不能早于决定日期' }] },
      { row: 4, problems: [{ row: 4, column: '主体代码', value: unknown, reason: NOT_HERE }] },
      { row: 5, problems: [{ row: 5, column: '主体代码', value: f.sanya.uscc, reason: NOT_HERE }] },
      { row: 6, problems: [{ row: 6, column: '主体代码', value: f.sanya.registrationNumber, reason: NOT_HERE }] },
      { row: 7, problems: [{ row: 7, column: '记录类别', value: 'BAD.WAGES.ARREARS', reason: '该记录类别不适用于此类主体' }] },
    ])
  })

  it('never revives a withdrawn record, and compares with the record in force when one was made again', async () => {
    const decision = '琼建罚〔2026〕204号'
    const cells = penalty(f.haikou.uscc, { decisionNumber: decision })
    const { id } = await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    await withdrawRecord(db, f.actors.haikouOfficer, id, { reason: '决定已被撤销' }, NOW)
    expect(await refusedBatch(f.actors.haikouOfficer, [importRow(9, cells)])).toEqual([
      { row: 9, problems: [{ row: 9, column: '决定文号', value: decision, reason: '该记录已撤销，不能通过导入恢复' }] },
    ])
    expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN' })

    // staff recorded the decision again after the withdrawal: the row is that record's
    await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    expect((await importBatch(f.actors.haikouOfficer, [importRow(9, cells)])).results).toEqual([{ row: 9, outcome: 'unchanged', id: expect.any(String) }])
  })

  it('refuses a row whose key names two records in force rather than guess which', async () => {
    const cells = penalty(f.haikou.uscc, { decisionNumber: '琼建罚〔2026〕205号' })
    await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    const [result] = await refusedBatch(f.actors.haikouOfficer, [importRow(2, { ...cells, title: '另一标题' })])
    expect(result).toEqual({ row: 2, problems: [{ row: 2, column: '整行', value: '', reason: expect.stringContaining('多条同一文号的有效记录') }] })
  })

  it('an officer of 三亚 cannot record for a 海口 enterprise by import; the province’s officer can', async () => {
    const cells = penalty(f.haikou.uscc, { decisionNumber: '三建罚〔2026〕50号', issuedBy: '三亚市住房和城乡建设局' })
    expect(await refusedBatch(f.actors.sanyaOfficer, [importRow(2, cells)])).toEqual([
      { row: 2, problems: [{ row: 2, column: '主体代码', value: f.haikou.uscc, reason: '未找到本地区的该企业或执业注册人员' }] },
    ])
    // nor change a 海口 record that exists
    const existing = penalty(f.haikou.uscc, { decisionNumber: '琼建罚〔2026〕201号' })
    expect(await refusedBatch(f.actors.sanyaOfficer, [importRow(3, { ...existing, title: '三亚改写' })])).toHaveLength(1)

    expect((await importBatch(f.actors.provinceOfficer, [importRow(2, cells)])).results).toEqual([{ row: 2, outcome: 'create', id: expect.any(String) }])
  })

  it('needs the record-writing permission', async () => {
    expect(importIntegrityRecords.permission).toBe('records.write')
    const before = await snapshot()
    await expect(importBatch(f.actors.haikouReviewer, [importRow(2, penalty(f.haikou.uscc, { decisionNumber: '琼建罚〔2026〕206号' }))])).rejects.toBeInstanceOf(ForbiddenError)
    expect(await snapshot()).toEqual(before)
  })

  it('stores an imported record (one INSERT per batch) exactly as the form\'s create stores it, defaults included', async () => {
    const cells = penalty(f.haikou.uscc, { decisionNumber: '琼建罚〔2026〕207号', penaltyLastDay: '' })
    const { id: viaForm } = await recordIntegrity(db, f.actors.haikouOfficer, asForm(cells), NOW)
    const { results } = await importBatch(f.actors.haikouOfficer, [importRow(2, { ...cells, decisionNumber: '琼建罚〔2026〕208号' })])
    const imported = (results[0] as { id: string }).id
    const read = async (id: string) => {
      const { id: _id, decisionNumber: _n, ...row } = await db.integrityRecord.findUniqueOrThrow({ where: { id } })
      return row
    }
    expect(await read(imported)).toEqual(await read(viaForm))
    const stored = (id: string) =>
      provider === 'sqlite'
        ? db.$queryRawUnsafe<Record<string, unknown>[]>(
            'SELECT typeof("decidedOn") AS d, "decidedOn" AS decided, typeof("points") AS p, "points" AS points, typeof("penaltyLastDay") AS l, "status" AS status, "createdAt" AS created, typeof("createdAt") AS c FROM "IntegrityRecord" WHERE id = ?',
            id,
          )
        : db.$queryRawUnsafe<Record<string, unknown>[]>(
            'SELECT "decidedOn"::text AS decided, "points"::text AS points, "penaltyLastDay"::text AS l, "status"::text AS status, "createdAt"::text AS created FROM "IntegrityRecord" WHERE id = $1',
            id,
          )
    expect(await stored(imported)).toEqual(await stored(viaForm))
  })
})
