// Enterprise and practitioner writes by staff on both databases: every role × own/other region,
// each allowance and each denial (a role without subjects.write → ForbiddenError; another region's
// ids → NotFoundError; nothing written on any refusal), audit entries with the change, and the
// audited view of a practitioner's full ID number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { addRegistration } from '@web/server/practitioners/add-registration'
import { createPractitioner } from '@web/server/practitioners/create-practitioner'
import { getStaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'
import { listStaffPractitioners } from '@web/server/practitioners/list-staff-practitioners'
import { revealPersonalData } from '@web/server/practitioners/reveal-personal-data'
import { updatePractitioner } from '@web/server/practitioners/update-practitioner'
import { updateRegistration } from '@web/server/practitioners/update-registration'
import { BEIJING, createStaffFixture, HAIKOU, SANYA, tableCounts, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { makeIdNumber } from '@shared/validators/id-number'
import { openPersonRow } from '@web/server/personal-data/personal-data'
import { addQualification } from './add-qualification'
import { createEnterprise } from './create-enterprise'
import { getStaffEnterprise } from './get-staff-enterprise'
import { listStaffEnterprises } from './list-staff-enterprises'
import { updateEnterprise } from './update-enterprise'
import { updateQualification } from './update-qualification'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

const enterpriseInput = (regionCode: string, body: string, extra: Record<string, unknown> = {}) => ({
  uscc: uscc(regionCode, body),
  name: `测试企业${body}`,
  type: 'CONTRACTOR',
  regionCode,
  legalRepresentative: '李四',
  registeredAddress: '海府路8号',
  registeredCapital: '2000',
  establishedOn: '2015-03-01',
  ...extra,
})
const qualificationInput = (certificateNumber: string) => ({
  category: '建筑工程施工总承包',
  grade: '一级',
  certificateNumber,
  issuedBy: '海南省住房和城乡建设厅',
  issuedOn: '2024-01-01',
  validUntil: '2029-01-01',
})
const registrationInput = (number: string) => ({ type: 'CONSTRUCTOR_2', number, specialty: '市政公用工程', issuedOn: '2024-01-01', validUntil: '2027-01-01' })

describe.each(providers)('enterprise and practitioner writes on %s', (provider) => {
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

  /** Runs `call`, expects it to throw `error`, and that nothing was written. */
  async function refused(call: () => Promise<unknown>, error: new (...args: never[]) => Error) {
    const before = await tableCounts(db)
    const enterprises = await db.enterprise.findMany({ orderBy: { id: 'asc' } })
    const people = await db.person.findMany({ orderBy: { id: 'asc' } })
    await expect(call()).rejects.toBeInstanceOf(error)
    expect(await tableCounts(db)).toEqual(before)
    expect(await db.enterprise.findMany({ orderBy: { id: 'asc' } })).toEqual(enterprises)
    expect(await db.person.findMany({ orderBy: { id: 'asc' } })).toEqual(people)
  }

  const lastAudit = () => db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })

  it('creates an in-province enterprise in the officer\'s own region, audited with the actor and client address', async () => {
    const { id } = await createEnterprise(db, f.actors.haikouOfficer, enterpriseInput(HAIKOU, 'HK000101'), NOW)
    const row = await db.enterprise.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ regionCode: HAIKOU, inProvince: true, name: '测试企业HK000101' })
    const entry = await lastAudit()
    expect(entry).toMatchObject({ action: 'enterprise.create', entity: 'Enterprise', entityId: id, userId: f.actors.haikouOfficer.userId, clientIp: '203.0.113.7' })
    expect(JSON.parse(entry.changes)).toMatchObject({ before: null, after: { uscc: uscc(HAIKOU, 'HK000101'), registeredCapital: 2000, establishedOn: '2015-03-01' } })
  })

  it('refuses another region, out-of-province enterprises for a city officer, roles without the permission, and bad input', async () => {
    await refused(() => createEnterprise(db, f.actors.haikouOfficer, enterpriseInput(SANYA, 'TY000101'), NOW), InputError)
    await refused(() => createEnterprise(db, f.actors.haikouOfficer, enterpriseInput(BEIJING, 'BJ000101'), NOW), InputError)
    for (const role of ['haikouReviewer', 'provinceReviewer', 'admin', 'auditor'] as const) {
      await refused(() => createEnterprise(db, f.actors[role], enterpriseInput(HAIKOU, 'HK000102'), NOW), ForbiddenError)
    }
    const bad = createEnterprise(db, f.actors.haikouOfficer, enterpriseInput(HAIKOU, 'HK000103', { uscc: '91460100MA5T00010X', registeredCapital: '-1' }), NOW)
    await expect(bad).rejects.toMatchObject({ fields: { uscc: expect.stringContaining('统一社会信用代码'), registeredCapital: '注册资本不能为负数' } })
    // a USCC already on record
    await refused(() => createEnterprise(db, f.actors.haikouOfficer, enterpriseInput(HAIKOU, 'HK000001'), NOW), InputError)
  })

  it('lets the province officer create in any region and outside the province', async () => {
    const a = await createEnterprise(db, f.actors.provinceOfficer, enterpriseInput(SANYA, 'TY000201'), NOW)
    const b = await createEnterprise(db, f.actors.provinceOfficer, enterpriseInput(BEIJING, 'BJ000201'), NOW)
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: b.id } })).inProvince).toBe(false)
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: a.id } })).regionCode).toBe(SANYA)
  })

  it('edits an enterprise of the own region with before and after in the audit; another region\'s answers 404', async () => {
    await updateEnterprise(db, f.actors.haikouOfficer, f.haikou.enterpriseId, enterpriseInput(HAIKOU, 'HK000001', { name: '海口测试建设工程集团有限公司', registeredCapital: '8000' }), NOW)
    const entry = await lastAudit()
    expect(entry.action).toBe('enterprise.update')
    expect(JSON.parse(entry.changes)).toEqual({
      before: { name: '海口测试建设工程有限公司', registeredCapital: 5000, legalRepresentative: '王建国', registeredAddress: '测试路1号', establishedOn: '2010-05-01' },
      after: { name: '海口测试建设工程集团有限公司', registeredCapital: 8000, legalRepresentative: '李四', registeredAddress: '海府路8号', establishedOn: '2015-03-01' },
    })
    await refused(() => updateEnterprise(db, f.actors.haikouOfficer, f.sanya.enterpriseId, enterpriseInput(SANYA, 'TY000001'), NOW), NotFoundError)
    await refused(() => updateEnterprise(db, f.actors.sanyaOfficer, f.outside.enterpriseId, enterpriseInput(BEIJING, 'BJ000001'), NOW), NotFoundError)
    // moving one's own enterprise to another region is refused too
    await refused(() => updateEnterprise(db, f.actors.haikouOfficer, f.haikou.enterpriseId, enterpriseInput(SANYA, 'HK000001'), NOW), InputError)
    await refused(() => updateEnterprise(db, f.actors.haikouReviewer, f.haikou.enterpriseId, enterpriseInput(HAIKOU, 'HK000001'), NOW), ForbiddenError)
    await updateEnterprise(db, f.actors.provinceOfficer, f.outside.enterpriseId, enterpriseInput(BEIJING, 'BJ000001', { name: '北京测试建设集团股份有限公司' }), NOW)
  })

  it('adds and edits qualifications in the own region only', async () => {
    const { id } = await addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, qualificationInput('D146000001'), NOW)
    expect((await lastAudit()).action).toBe('qualification.create')
    await updateQualification(db, f.actors.haikouOfficer, id, { ...qualificationInput('D146000001'), grade: '特级' }, NOW)
    const entry = await lastAudit()
    expect(entry.action).toBe('qualification.update')
    expect(JSON.parse(entry.changes)).toMatchObject({ before: { grade: '一级' }, after: { grade: '特级' } })
    await refused(() => addQualification(db, f.actors.sanyaOfficer, f.haikou.enterpriseId, qualificationInput('D146000002'), NOW), NotFoundError)
    await refused(() => updateQualification(db, f.actors.sanyaOfficer, id, qualificationInput('D146000001'), NOW), NotFoundError)
    await refused(() => addQualification(db, f.actors.auditor, f.haikou.enterpriseId, qualificationInput('D146000003'), NOW), ForbiddenError)
    await refused(() => addQualification(db, f.actors.haikouOfficer, f.haikou.enterpriseId, qualificationInput('D146000001'), NOW), InputError)
  })

  it('lists and reads only the actor\'s regions', async () => {
    const hk = await listStaffEnterprises(db, f.actors.haikouOfficer, {})
    expect(hk.items.every((e) => e.regionName === '海口市')).toBe(true)
    expect(hk.items.some((e) => e.id === f.haikou.enterpriseId)).toBe(true)
    expect((await listStaffEnterprises(db, f.actors.provinceOfficer, { q: '北京' })).items.map((e) => e.id)).toContain(f.outside.enterpriseId)
    await expect(getStaffEnterprise(db, f.actors.haikouOfficer, f.sanya.enterpriseId)).rejects.toBeInstanceOf(NotFoundError)
    await expect(listStaffEnterprises(db, f.actors.auditor, {})).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('creates and edits practitioners employed in the own region, the audit holding masked personal data', async () => {
    const idNumber = makeIdNumber(HAIKOU, '19900101', 231)
    const input = { idNumber, name: '赵六', gender: '女', phone: '139 0898 5678', employerUscc: f.haikou.uscc }
    const { id } = await createPractitioner(db, f.actors.haikouOfficer, input, NOW)
    // stored encrypted (web/server/personal-data), opened here
    expect(openPersonRow(await db.person.findUniqueOrThrow({ where: { id } }))).toMatchObject({ idNumber, phone: '13908985678', employerId: f.haikou.enterpriseId })
    const created = await lastAudit()
    expect(created.action).toBe('person.create')
    expect(created.changes).not.toContain(idNumber)
    expect(created.changes).not.toContain('13908985678')
    await refused(() => createPractitioner(db, f.actors.haikouOfficer, { ...input, idNumber: makeIdNumber(HAIKOU, '19900101', 232), employerUscc: f.sanya.uscc }, NOW), InputError)
    await refused(() => createPractitioner(db, f.actors.haikouOfficer, input, NOW), InputError)
    await refused(() => createPractitioner(db, f.actors.haikouOfficer, { ...input, idNumber: '460100199001012310' }, NOW), InputError)
    await refused(() => createPractitioner(db, f.actors.haikouReviewer, { ...input, idNumber: makeIdNumber(HAIKOU, '19900101', 233) }, NOW), ForbiddenError)

    await updatePractitioner(db, f.actors.haikouOfficer, id, { name: '赵六', gender: '女', phone: '', employerUscc: f.haikou.uscc }, NOW)
    expect(openPersonRow(await db.person.findUniqueOrThrow({ where: { id } })).phone).toBe('13908985678')
    await refused(() => updatePractitioner(db, f.actors.sanyaOfficer, id, { name: 'x', gender: '男', phone: '', employerUscc: f.sanya.uscc }, NOW), NotFoundError)
    await refused(() => updatePractitioner(db, f.actors.haikouOfficer, f.sanya.personId, { name: 'x', gender: '男', phone: '', employerUscc: f.haikou.uscc }, NOW), NotFoundError)
    // the province officer moves the person to a 三亚 employer; 海口 then no longer sees them
    await updatePractitioner(db, f.actors.provinceOfficer, id, { name: '赵六', gender: '女', phone: '', employerUscc: f.sanya.uscc }, NOW)
    expect(JSON.parse((await lastAudit()).changes)).toEqual({ before: { employer: f.haikou.uscc }, after: { employer: f.sanya.uscc } })
    await expect(getStaffPractitioner(db, f.actors.haikouOfficer, id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await listStaffPractitioners(db, f.actors.sanyaOfficer, { q: '赵六' })).items.map((p) => p.id)).toEqual([id])
  })

  it('adds and edits practising registrations in the own region only, numbers checked', async () => {
    const { id } = await addRegistration(db, f.actors.haikouOfficer, f.haikou.personId, registrationInput('琼246202400777'), NOW)
    expect(await db.registration.findUniqueOrThrow({ where: { id } })).toMatchObject({ employerId: f.haikou.enterpriseId, type: 'CONSTRUCTOR_2' })
    await updateRegistration(db, f.actors.haikouOfficer, id, { ...registrationInput('琼246202400777'), specialty: '机电工程' }, NOW)
    expect(JSON.parse((await lastAudit()).changes)).toMatchObject({ before: { specialty: '市政公用工程' }, after: { specialty: '机电工程' } })
    await refused(() => addRegistration(db, f.actors.sanyaOfficer, f.haikou.personId, registrationInput('琼246202400778'), NOW), NotFoundError)
    await refused(() => updateRegistration(db, f.actors.sanyaOfficer, id, registrationInput('琼246202400777'), NOW), NotFoundError)
    await refused(() => addRegistration(db, f.actors.haikouOfficer, f.haikou.personId, registrationInput('12'), NOW), InputError)
    await refused(() => addRegistration(db, f.actors.haikouOfficer, f.haikou.personId, registrationInput(f.sanya.registrationNumber), NOW), InputError)
    await refused(() => addRegistration(db, f.actors.admin, f.haikou.personId, registrationInput('琼246202400779'), NOW), ForbiddenError)
  })

  it('shows the ID number masked and reveals it only on the explicit, audited action', async () => {
    const page = await getStaffPractitioner(db, f.actors.haikouOfficer, f.haikou.personId)
    expect(page.idNumberMasked).toBe(`460***********${f.haikou.idNumber.slice(-4)}`)
    expect(JSON.stringify(page)).not.toContain(f.haikou.idNumber)
    expect(JSON.stringify(await listStaffPractitioners(db, f.actors.haikouOfficer, {}))).not.toContain(f.haikou.idNumber)

    const audits = await db.auditLog.count()
    const full = await revealPersonalData(db, f.actors.haikouOfficer, f.haikou.personId, NOW)
    expect(full).toEqual({ idNumber: f.haikou.idNumber, phone: '13907561234' })
    expect(await db.auditLog.count()).toBe(audits + 1)
    const entry = await lastAudit()
    expect(entry).toMatchObject({ action: 'person.view-personal-data', entity: 'Person', entityId: f.haikou.personId, userId: f.actors.haikouOfficer.userId })
    expect(entry.changes).not.toContain(f.haikou.idNumber)

    await refused(() => revealPersonalData(db, f.actors.sanyaOfficer, f.haikou.personId, NOW), NotFoundError)
    for (const role of ['haikouReviewer', 'admin', 'auditor'] as const) await refused(() => revealPersonalData(db, f.actors[role], f.haikou.personId, NOW), ForbiddenError)
    await revealPersonalData(db, f.actors.provinceOfficer, f.sanya.personId, NOW)
    expect(await verifyAuditChain(db)).toBeNull()
  })
})
