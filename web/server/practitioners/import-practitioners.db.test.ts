// The practitioner import on both databases: new, equal and changed rows read as the forms read
// them (an empty phone keeps the stored one, the ID number is the key), a second pass that writes
// nothing, refusals with the form's messages, an employer registered earlier in the same
// transaction, and an officer kept to their own region's people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { ENTERPRISES, PRACTITIONERS } from '@shared/import/subject-kinds'
import type { Actor } from '@shared/staff/actor'
import { makeIdNumber } from '@shared/validators/id-number'
import { appendAuditEntries, verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importEnterprises } from '@web/server/enterprises/import-enterprises'
import { importPass, outcomes, TEST_SOURCE, typedRows } from '@web/server/enterprises/import-test-fixtures'
import type { ImportBatch } from '@web/server/import/import-handler'
import { createEnterprise } from '@web/server/enterprises/create-enterprise'
import { createStaffFixture, HAIKOU, SANYA, tableCounts, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { addRegistration } from './add-registration'
import { createPractitioner } from './create-practitioner'
import { importPractitioners } from './import-practitioners'
import { updatePractitioner } from './update-practitioner'
import { idNumberHash, openPersonRow } from '@web/server/personal-data/personal-data'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

const cells = (idNumber: string, name: string, employer: string, phone = '', gender = '男') => [idNumber, name, gender, phone, employer]

describe.each(providers)('practitioner import on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let otherHaikou: string

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    otherHaikou = uscc(HAIKOU, 'HK000801')
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

  const snapshot = async () => ({
    counts: await tableCounts(db),
    people: await db.person.findMany({ orderBy: { id: 'asc' } }),
    registrations: await db.registration.findMany({ orderBy: { id: 'asc' } }),
  })
  // stored encrypted: found by the keyed hash, read opened
  const person = async (idNumber: string) => openPersonRow(await db.person.findUniqueOrThrow({ where: { idNumberHash: idNumberHash(idNumber) } }))

  async function refusedRows(actor: Actor, rows: string[][]) {
    const before = await snapshot()
    const pass = await importPass(db, importPractitioners, actor, typedRows(PRACTITIONERS, rows), NOW)
    expect(await snapshot()).toEqual(before)
    expect(pass.audit).toEqual([])
    return pass.results.map((r) => ('problems' in r ? r.problems.map((p) => [p.column, p.value, p.reason]) : r.outcome))
  }

  it('registers new people, leaves equal ones alone and changes the rest as the edit form would; a second pass writes nothing', async () => {
    const phoneOnly = makeIdNumber(HAIKOU, '19900101', 302)
    const moving = makeIdNumber(HAIKOU, '19900101', 303)
    await createPractitioner(db, f.actors.haikouOfficer, { idNumber: phoneOnly, name: '钱七', gender: '男', phone: '13900001111', employerUscc: f.haikou.uscc }, NOW)
    const { id: movingId } = await createPractitioner(db, f.actors.haikouOfficer, { idNumber: moving, name: '孙八', gender: '女', phone: '', employerUscc: f.haikou.uscc }, NOW)
    const { id: registrationId } = await addRegistration(
      db,
      f.actors.haikouOfficer,
      movingId,
      { type: 'CONSTRUCTOR_2', number: '琼246202400901', specialty: '市政公用工程', issuedOn: '2024-01-01', validUntil: '2027-01-01' },
      NOW,
    )
    const fixtureBefore = await person(f.haikou.idNumber)
    const fresh = makeIdNumber(HAIKOU, '19900101', 301)
    const rows = typedRows(PRACTITIONERS, [
      cells(fresh, '王五', f.haikou.uscc, '139 0898 0001', '女'),
      // the fixture person without a phone: the edit form keeps the stored one
      cells(f.haikou.idNumber, '测试人员101', f.haikou.uscc),
      cells(f.haikou.idNumber, '测试人员101', f.haikou.uscc, '139-0756-1234'),
      // a phone that differs only where the audit log masks it is still a change
      cells(phoneOnly, '钱七', f.haikou.uscc, '13900021111'),
      cells(moving, '孙八', otherHaikou, '', '女'),
    ])
    const pass = await importPass(db, importPractitioners, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: 'unchanged', 4: 'unchanged', 5: 'change', 6: 'change' })

    const created = await person(fresh)
    expect(created).toMatchObject({ name: '王五', gender: '女', phone: '13908980001', employerId: f.haikou.enterpriseId })
    expect(await person(f.haikou.idNumber)).toEqual(fixtureBefore)
    expect((await person(phoneOnly)).phone).toBe('13900021111')
    const otherId = (await db.enterprise.findUniqueOrThrow({ where: { uscc: otherHaikou } })).id
    expect((await person(moving)).employerId).toBe(otherId)
    // the registrations that followed the old employer follow the new one, as with the edit form
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).employerId).toBe(otherId)

    expect(pass.audit.map((a) => [a.action, a.entityId])).toEqual([
      ['person.create', created.id],
      ['person.update', (await person(phoneOnly)).id],
      ['person.update', movingId],
    ])
    expect(JSON.stringify(pass.audit)).not.toContain(fresh)
    expect(JSON.stringify(pass.audit)).not.toContain('13908980001')
    expect(pass.audit[2].changes).toEqual({ before: { employer: f.haikou.uscc }, after: { employer: otherHaikou } })

    const before = await snapshot()
    const again = await importPass(db, importPractitioners, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(again.results)).toEqual({ 2: 'unchanged', 3: 'unchanged', 4: 'unchanged', 5: 'unchanged', 6: 'unchanged' })
    expect(again.audit).toEqual([])
    expect(await snapshot()).toEqual(before)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('refuses unknown and other regions\' employers, another region\'s person and bad cells with the forms\' messages, writing nothing', async () => {
    const officer = f.actors.haikouOfficer
    const fresh = makeIdNumber(HAIKOU, '19910101', 311)
    const badCheck = fresh.slice(0, 17) + (fresh[17] === '0' ? '1' : '0')
    const unknown = uscc(HAIKOU, 'HK000899')
    const typed = [
      cells(fresh, '周九', unknown),
      cells(fresh, '周九', f.sanya.uscc),
      cells(f.sanya.idNumber, '测试人员102', f.haikou.uscc),
      cells(badCheck, '周九', f.haikou.uscc),
      cells(fresh, '周九', f.haikou.uscc, '12345'),
      // the officer's own person moved to another region's employer
      cells(f.haikou.idNumber, '测试人员101', f.sanya.uscc),
    ]
    const problems = await refusedRows(officer, typed)
    const create = (input: Record<string, string>) => createPractitioner(db, officer, { idNumber: fresh, name: '周九', gender: '男', phone: '', employerUscc: f.haikou.uscc, ...input }, NOW)
    const fieldsOf = (call: Promise<unknown>) => call.then((): Record<string, string> => ({}), (e: { fields: Record<string, string> }) => e.fields)
    const form = [
      await fieldsOf(create({ employerUscc: unknown })),
      await fieldsOf(create({ employerUscc: f.sanya.uscc })),
      await fieldsOf(create({ idNumber: f.sanya.idNumber })),
      await fieldsOf(create({ idNumber: badCheck })),
      await fieldsOf(create({ phone: '12345' })),
      await fieldsOf(updatePractitioner(db, officer, f.haikou.personId, { name: '测试人员101', gender: '男', phone: '', employerUscc: f.sanya.uscc }, NOW)),
    ]
    expect(form).toEqual([
      { employerUscc: '未找到本地区登记的该企业，请先登记企业' },
      { employerUscc: '未找到本地区登记的该企业，请先登记企业' },
      { idNumber: '该身份证号已登记' },
      { idNumber: expect.stringContaining('身份证') },
      { phone: '联系电话应为手机号码或带区号的固定电话' },
      { employerUscc: '未找到本地区登记的该企业，请先登记企业' },
    ])
    const header: Record<string, string> = { employerUscc: '工作单位统一社会信用代码', idNumber: '身份证号', phone: '联系电话' }
    const valueOf: Record<string, number> = { idNumber: 0, phone: 3, employerUscc: 4 }
    expect(problems).toEqual(form.map((fields, i) => Object.entries(fields).map(([field, reason]) => [header[field], typed[i][valueOf[field]], reason])))
  })

  it('accepts an employer registered earlier in the same transaction and a person an earlier row registered', async () => {
    const employer = uscc(HAIKOU, 'HK000811')
    const p = makeIdNumber(HAIKOU, '19920101', 321)
    const results = await db.$transaction(async (tx) => {
      const batch = (): ImportBatch => ({ tx, actor: f.actors.haikouOfficer, now: NOW, audit: [], changedSubjects: [], source: TEST_SOURCE })
      const first = batch()
      const enterprises = await importEnterprises.writeBatch(
        first,
        typedRows(ENTERPRISES, [[employer, '海口同批建设有限公司', '施工单位', '海口', '李四', '海府路9号', '100', '2020-01-01']]),
      )
      await appendAuditEntries(tx, first.audit)
      const people = []
      for (const rows of [[cells(p, '吴十', employer), cells(p, '吴十一', employer)], [cells(p, '吴十一', employer, '13800001234')]]) {
        const next = batch()
        people.push(...(await importPractitioners.writeBatch(next, typedRows(PRACTITIONERS, rows))))
        await appendAuditEntries(tx, next.audit)
      }
      return { enterprises, people }
    })
    expect(outcomes(results.enterprises)).toEqual({ 2: 'create' })
    expect(results.people.map((r) => ('outcome' in r ? r.outcome : r.problems))).toEqual(['create', 'change', 'change'])
    expect(await person(p)).toMatchObject({ name: '吴十一', phone: '13800001234', employerId: (await db.enterprise.findUniqueOrThrow({ where: { uscc: employer } })).id })
  })

  it('never lets a 三亚 officer register or change a 海口 enterprise\'s people', async () => {
    const problems = await refusedRows(f.actors.sanyaOfficer, [
      cells(makeIdNumber(SANYA, '19930101', 331), '郑一', f.haikou.uscc),
      cells(f.haikou.idNumber, '测试人员101', f.haikou.uscc),
      cells(f.haikou.idNumber, '测试人员101', f.sanya.uscc),
    ])
    expect(problems).toEqual([
      [['工作单位统一社会信用代码', f.haikou.uscc, '未找到本地区登记的该企业，请先登记企业']],
      [['工作单位统一社会信用代码', f.haikou.uscc, '未找到本地区登记的该企业，请先登记企业']],
      [['身份证号', f.haikou.idNumber, '该身份证号已登记']],
    ])
  })
})
