// The practising registration import on both databases: new, equal and changed rows, a second
// pass that writes nothing, refusals on their column (a person unknown or of another region, a
// number another person holds) with the form's message, later rows seeing earlier ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { REGISTRATIONS } from '@shared/import/subject-kinds'
import type { Actor } from '@shared/staff/actor'
import { makeIdNumber } from '@shared/validators/id-number'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importPass, outcomes, typedRows } from '@web/server/enterprises/import-test-fixtures'
import { createStaffFixture, HAIKOU, tableCounts, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { addRegistration } from './add-registration'
import { createPractitioner } from './create-practitioner'
import { importRegistrations } from './import-registrations'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

const cells = (idNumber: string, number: string, r: { type?: string; specialty?: string; issuedOn?: string; validUntil?: string } = {}) => [
  idNumber,
  r.type ?? '二级注册建造师',
  number,
  r.specialty ?? '市政公用工程',
  r.issuedOn ?? '2024/1/1',
  r.validUntil ?? '2027年1月1日',
]
const formInput = (number: string, specialty = '市政公用工程') => ({ type: 'CONSTRUCTOR_2', number, specialty, issuedOn: '2024-01-01', validUntil: '2027-01-01' })

describe.each(providers)('registration import on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let second: { id: string; idNumber: string }

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    const idNumber = makeIdNumber(HAIKOU, '19880808', 401)
    const { id } = await createPractitioner(db, f.actors.haikouOfficer, { idNumber, name: '海口第二人', gender: '女', phone: '', employerUscc: f.haikou.uscc }, NOW)
    second = { id, idNumber }
  })
  afterAll(async () => {
    await t?.drop()
  })

  const snapshot = async () => ({ counts: await tableCounts(db), registrations: await db.registration.findMany({ orderBy: { id: 'asc' } }) })

  async function refusedRows(actor: Actor, rows: string[][]) {
    const before = await snapshot()
    const pass = await importPass(db, importRegistrations, actor, typedRows(REGISTRATIONS, rows), NOW)
    expect(await snapshot()).toEqual(before)
    expect(pass.audit).toEqual([])
    return pass.results.map((r) => ('problems' in r ? r.problems.map((p) => [p.column, p.value, p.reason]) : r.outcome))
  }

  it('adds new registrations with the person\'s employer, leaves equal ones alone and changes the rest; a second pass writes nothing', async () => {
    const { id: changingId } = await addRegistration(db, f.actors.haikouOfficer, second.id, formInput('琼246202400902'), NOW)
    const fixtureBefore = await db.registration.findUniqueOrThrow({ where: { number: f.haikou.registrationNumber } })
    const rows = typedRows(REGISTRATIONS, [
      cells(second.idNumber, '琼246202400901'),
      // the fixture's registration as stored
      cells(f.haikou.idNumber, f.haikou.registrationNumber, { type: 'CONSTRUCTOR_1', specialty: '建筑工程', issuedOn: '2020-01-01', validUntil: '2029-01-01' }),
      cells(second.idNumber, '琼246202400902', { specialty: '机电工程' }),
    ])
    const pass = await importPass(db, importRegistrations, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: 'unchanged', 4: 'change' })

    const created = await db.registration.findUniqueOrThrow({ where: { number: '琼246202400901' } })
    expect(created).toMatchObject({ personId: second.id, employerId: f.haikou.enterpriseId, type: 'CONSTRUCTOR_2', issuedOn: new Date('2024-01-01T00:00:00Z') })
    expect(await db.registration.findUniqueOrThrow({ where: { number: f.haikou.registrationNumber } })).toEqual(fixtureBefore)
    expect((await db.registration.findUniqueOrThrow({ where: { id: changingId } })).specialty).toBe('机电工程')
    expect(pass.audit.map((a) => [a.action, a.entityId, a.changes])).toEqual([
      ['registration.create', created.id, { person: second.id, before: null, after: expect.objectContaining({ number: '琼246202400901', validUntil: '2027-01-01' }) }],
      ['registration.update', changingId, { person: second.id, before: { specialty: '市政公用工程' }, after: { specialty: '机电工程' } }],
    ])

    const before = await snapshot()
    const again = await importPass(db, importRegistrations, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(again.results)).toEqual({ 2: 'unchanged', 3: 'unchanged', 4: 'unchanged' })
    expect(again.audit).toEqual([])
    expect(await snapshot()).toEqual(before)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('refuses an unknown or another region\'s person, a number another person holds and bad cells, writing nothing', async () => {
    const unknown = makeIdNumber(HAIKOU, '19770707', 411)
    const problems = await refusedRows(f.actors.haikouOfficer, [
      cells(unknown, '琼246202400911'),
      cells(f.sanya.idNumber, '琼246202400912'),
      // another person's number, in this region and in another
      cells(second.idNumber, f.haikou.registrationNumber),
      cells(second.idNumber, f.sanya.registrationNumber),
      cells(second.idNumber, '12'),
      cells(second.idNumber, '琼246202400913', { issuedOn: '2024-01-01', validUntil: '2024-01-01' }),
    ])
    const notFound = '未找到本地区登记的该人员，请先登记人员'
    const badNumber = await addRegistration(db, f.actors.haikouOfficer, second.id, formInput('12'), NOW).catch((e: { fields: Record<string, string> }) => e.fields.number)
    expect(problems).toEqual([
      [['身份证号', unknown, notFound]],
      // another region's person answers exactly as an unknown one
      [['身份证号', f.sanya.idNumber, notFound]],
      [['执业注册编号', f.haikou.registrationNumber, '该执业注册编号已登记']],
      [['执业注册编号', f.sanya.registrationNumber, '该执业注册编号已登记']],
      [['执业注册编号', '12', badNumber]],
      [['有效期至', '2024-01-01', '有效期至应晚于注册日期']],
    ])
    await expect(addRegistration(db, f.actors.haikouOfficer, second.id, formInput(f.sanya.registrationNumber), NOW)).rejects.toMatchObject({
      fields: { number: '该执业注册编号已登记' },
    })
  })

  it('lets later rows see a registration an earlier row added: changed for its person, refused to another', async () => {
    const pass = await importPass(
      db,
      importRegistrations,
      f.actors.haikouOfficer,
      typedRows(REGISTRATIONS, [
        cells(second.idNumber, '琼246202400921'),
        cells(f.haikou.idNumber, '琼246202400921'),
        cells(second.idNumber, '琼246202400921', { specialty: '公路工程' }),
        cells(second.idNumber, '琼246202400921', { specialty: '公路工程' }),
      ]),
      NOW,
      2,
    )
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: [expect.objectContaining({ column: '执业注册编号', reason: '该执业注册编号已登记' })], 4: 'change', 5: 'unchanged' })
    expect(await db.registration.findMany({ where: { number: '琼246202400921' }, select: { personId: true, specialty: true } })).toEqual([{ personId: second.id, specialty: '公路工程' }])
  })

  it('never lets a 三亚 officer add to or change a 海口 person\'s registrations', async () => {
    const problems = await refusedRows(f.actors.sanyaOfficer, [cells(f.haikou.idNumber, '琼246202400931'), cells(f.haikou.idNumber, f.haikou.registrationNumber, { specialty: '水利水电工程' })])
    expect(problems).toEqual(Array(2).fill([['身份证号', f.haikou.idNumber, '未找到本地区登记的该人员，请先登记人员']]))
  })
})
