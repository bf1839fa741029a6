// The qualification import on both databases: new, equal and changed rows, a second pass that
// writes nothing, refusals on their column with the form's message (an owner that is unknown or
// another region's, a certificate number another enterprise holds), later rows seeing earlier ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { QUALIFICATIONS } from '@shared/import/subject-kinds'
import type { Actor } from '@shared/staff/actor'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { createStaffFixture, HAIKOU, tableCounts, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { addQualification } from './add-qualification'
import { createEnterprise } from './create-enterprise'
import { importQualifications } from './import-qualifications'
import { importPass, outcomes, typedRows } from './import-test-fixtures'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

/** A row as a user types it: the owner's USCC, the certificate number, and what differs from the defaults. */
const cells = (owner: string, number: string, q: { grade?: string; issuedOn?: string; validUntil?: string } = {}) => [
  owner,
  '建筑工程施工总承包',
  q.grade ?? '一级',
  number,
  '海南省住房和城乡建设厅',
  q.issuedOn ?? '2024/1/1',
  q.validUntil ?? '2029年1月1日',
]
const formInput = (number: string, grade = '一级') => ({
  category: '建筑工程施工总承包',
  grade,
  certificateNumber: number,
  issuedBy: '海南省住房和城乡建设厅',
  issuedOn: '2024-01-01',
  validUntil: '2029-01-01',
})

describe.each(providers)('qualification import on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let otherHaikou: string

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    otherHaikou = uscc(HAIKOU, 'HK000701')
    await createEnterprise(
      db,
      f.actors.haikouOfficer,
      { uscc: otherHaikou, name: '海口另一建设有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, legalRepresentative: '李四', registeredAddress: '海府路8号', registeredCapital: '2000', establishedOn: '2015-03-01' },
      NOW,
    )
  })
  afterAll(async () => {
    await t?.drop()
  })

  const snapshot = async () => ({ counts: await tableCounts(db), qualifications: await db.qualification.findMany({ orderBy: { id: 'asc' } }) })
  const enterpriseId = async (code: string) => (await db.enterprise.findUniqueOrThrow({ where: { uscc: code } })).id

  async function refusedRows(actor: Actor, rows: string[][]) {
    const before = await snapshot()
    const pass = await importPass(db, importQualifications, actor, typedRows(QUALIFICATIONS, rows), NOW)
    expect(await snapshot()).toEqual(before)
    expect(pass.audit).toEqual([])
    return pass.results.map((r) => ('problems' in r ? r.problems.map((p) => [p.column, p.value, p.reason]) : r.outcome))
  }

  it('adds new qualifications, leaves equal ones alone and changes the rest; a second pass writes nothing', async () => {
    const { id: equalId } = await addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, formInput('D146000010'), NOW)
    const { id: changingId } = await addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, formInput('D146000013'), NOW)
    const equalBefore = await db.qualification.findUniqueOrThrow({ where: { id: equalId } })
    const rows = typedRows(QUALIFICATIONS, [cells(f.haikou.uscc, 'd146000011'), cells(f.haikou.uscc, 'D146000010'), cells(f.haikou.uscc, 'D146000013', { grade: '特级' })])
    const pass = await importPass(db, importQualifications, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: 'unchanged', 4: 'change' })

    const created = await db.qualification.findUniqueOrThrow({ where: { certificateNumber: 'D146000011' } })
    expect(created).toMatchObject({ enterpriseId: f.haikou.enterpriseId, grade: '一级', issuedOn: new Date('2024-01-01T00:00:00Z'), validUntil: new Date('2029-01-01T00:00:00Z') })
    expect(await db.qualification.findUniqueOrThrow({ where: { id: equalId } })).toEqual(equalBefore)
    expect((await db.qualification.findUniqueOrThrow({ where: { id: changingId } })).grade).toBe('特级')
    expect(pass.audit.map((a) => [a.action, a.entityId, a.changes])).toEqual([
      ['qualification.create', created.id, { enterprise: f.haikou.uscc, before: null, after: expect.objectContaining({ certificateNumber: 'D146000011', issuedOn: '2024-01-01' }) }],
      ['qualification.update', changingId, { enterprise: f.haikou.uscc, before: { grade: '一级' }, after: { grade: '特级' } }],
    ])

    const before = await snapshot()
    const again = await importPass(db, importQualifications, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(again.results)).toEqual({ 2: 'unchanged', 3: 'unchanged', 4: 'unchanged' })
    expect(again.audit).toEqual([])
    expect(await snapshot()).toEqual(before)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('refuses an unknown or another region\'s owner, a number another enterprise holds and bad dates, writing nothing', async () => {
    await addQualification(db, f.actors.sanyaOfficer, f.sanya.enterpriseId, formInput('D146000020'), NOW)
    await addQualification(db, f.actors.haikouOfficer, await enterpriseId(otherHaikou), formInput('D146000021'), NOW)
    const unknown = uscc(HAIKOU, 'HK000799')
    const problems = await refusedRows(f.actors.haikouOfficer, [
      cells(unknown, 'D146000022'),
      cells(f.sanya.uscc, 'D146000023'),
      cells(f.haikou.uscc, 'D146000020'),
      cells(f.haikou.uscc, 'D146000021'),
      cells(f.haikou.uscc, 'D146000024', { issuedOn: '2024-01-01', validUntil: '2023-12-31' }),
    ])
    const notFound = '未找到本地区登记的该企业，请先登记企业'
    expect(problems).toEqual([
      [['企业统一社会信用代码', unknown, notFound]],
      // another region's enterprise answers exactly as an unknown one
      [['企业统一社会信用代码', f.sanya.uscc, notFound]],
      [['资质证书编号', 'D146000020', '该资质证书编号已登记']],
      [['资质证书编号', 'D146000021', '该资质证书编号已登记']],
      [['有效期至', '2023-12-31', '有效期至应晚于发证日期']],
    ])
    // what the staff form answers for the same numbers
    await expect(addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, formInput('D146000020'), NOW)).rejects.toMatchObject({
      fields: { certificateNumber: '该资质证书编号已登记' },
    })
    await expect(addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, { ...formInput('D146000024'), validUntil: '2023-12-31' }, NOW)).rejects.toMatchObject({
      fields: { validUntil: '有效期至应晚于发证日期' },
    })
  })

  it('lets later rows see a qualification an earlier row added: changed by its owner, refused to another enterprise', async () => {
    const pass = await importPass(
      db,
      importQualifications,
      f.actors.haikouOfficer,
      typedRows(QUALIFICATIONS, [cells(f.haikou.uscc, 'D146000030'), cells(otherHaikou, 'D146000030'), cells(f.haikou.uscc, 'D146000030', { grade: '二级' }), cells(f.haikou.uscc, 'D146000030', { grade: '二级' })]),
      NOW,
      2,
    )
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: [expect.objectContaining({ column: '资质证书编号', reason: '该资质证书编号已登记' })], 4: 'change', 5: 'unchanged' })
    expect(await db.qualification.findMany({ where: { certificateNumber: 'D146000030' }, select: { enterpriseId: true, grade: true } })).toEqual([
      { enterpriseId: f.haikou.enterpriseId, grade: '二级' },
    ])
  })

  it('never lets a 三亚 officer add to or change a 海口 enterprise\'s qualifications', async () => {
    const problems = await refusedRows(f.actors.sanyaOfficer, [cells(f.haikou.uscc, 'D146000040'), cells(f.haikou.uscc, 'D146000010', { grade: '三级' }), cells(f.haikou.uscc, 'D146000010')])
    expect(problems).toEqual(Array(3).fill([['企业统一社会信用代码', f.haikou.uscc, '未找到本地区登记的该企业，请先登记企业']]))
  })
})
