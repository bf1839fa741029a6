// The enterprise import on both databases: new, equal and changed rows; a second pass writes
// nothing; bad rows are refused on their column with the staff form's own message and write
// nothing; later rows see what earlier rows wrote; an officer imports only their own region's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { ENTERPRISES } from '@shared/import/subject-kinds'
import type { Actor } from '@shared/staff/actor'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { BEIJING, createStaffFixture, HAIKOU, SANYA, tableCounts, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { createEnterprise } from './create-enterprise'
import { importEnterprises } from './import-enterprises'
import { importPass, outcomes, typedRows } from './import-test-fixtures'
import { updateEnterprise } from './update-enterprise'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

interface Typed {
  uscc: string
  name: string
  type?: string
  region?: string
  representative?: string
  address?: string
  capital?: string
  established?: string
}
/** A row as a user types it; by default the fixture enterprises' stored values, written otherwise. */
const cells = (e: Typed) => [e.uscc, e.name, e.type ?? '施工单位', e.region ?? '海口', e.representative ?? '王建国', e.address ?? '测试路1号', e.capital ?? '5,000', e.established ?? '2010年5月1日']
/** The same row as the staff form sends it. */
const formInput = (e: Typed, regionCode: string) => ({
  uscc: e.uscc,
  name: e.name,
  type: 'CONTRACTOR',
  regionCode,
  legalRepresentative: e.representative ?? '王建国',
  registeredAddress: e.address ?? '测试路1号',
  registeredCapital: (e.capital ?? '5000').replace(/,/g, ''),
  establishedOn: '2010-05-01',
})

/** The field errors the staff form answers with. */
async function formRefusal(call: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof InputError)) throw new Error(`the form did not refuse with field errors: ${String(error)}`)
  return error.fields
}

describe.each(providers)('enterprise import on %s', (provider) => {
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

  const snapshot = async () => ({ counts: await tableCounts(db), enterprises: await db.enterprise.findMany({ orderBy: { id: 'asc' } }) })

  /** Imports rows that must all be refused; returns each row's problems, having checked that nothing was written. */
  async function refusedRows(actor: Actor, typed: Typed[]) {
    const before = await snapshot()
    const pass = await importPass(db, importEnterprises, actor, typedRows(ENTERPRISES, typed.map(cells)), NOW)
    expect(await snapshot()).toEqual(before)
    expect(pass.audit).toEqual([])
    return pass.results.map((r) => ('problems' in r ? r.problems : r.outcome))
  }

  it('creates new enterprises, leaves equal ones alone and changes the rest, each write audited', async () => {
    const { id: changingId } = await createEnterprise(db, f.actors.haikouOfficer, formInput({ uscc: uscc(HAIKOU, 'HK000201'), name: '海口变更测试有限公司', capital: '3000' }, HAIKOU), NOW)
    const fixtureBefore = await db.enterprise.findUniqueOrThrow({ where: { id: f.haikou.enterpriseId } })
    const rows = typedRows(ENTERPRISES, [
      cells({ uscc: uscc(HAIKOU, 'HK000202'), name: '海口新建设有限公司', capital: '1,234.5', established: '2019/3/5' }),
      // the fixture's stored values, typed as people type them (thousands separator, 年月日)
      cells({ uscc: f.haikou.uscc, name: '海口测试建设工程有限公司' }),
      cells({ uscc: uscc(HAIKOU, 'HK000201'), name: '海口变更测试有限公司', capital: '3500.25' }),
    ])
    const pass = await importPass(db, importEnterprises, f.actors.haikouOfficer, rows, NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: 'unchanged', 4: 'change' })

    const created = await db.enterprise.findUniqueOrThrow({ where: { uscc: uscc(HAIKOU, 'HK000202') } })
    expect(created).toMatchObject({ name: '海口新建设有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, inProvince: true, establishedOn: new Date('2019-03-05T00:00:00Z') })
    expect(Number(created.registeredCapital)).toBe(1234.5)
    expect(Number((await db.enterprise.findUniqueOrThrow({ where: { id: changingId } })).registeredCapital)).toBe(3500.25)
    expect(await db.enterprise.findUniqueOrThrow({ where: { id: f.haikou.enterpriseId } })).toEqual(fixtureBefore)

    expect(pass.audit.map((a) => [a.action, a.entityId])).toEqual([
      ['enterprise.create', created.id],
      ['enterprise.update', changingId],
    ])
    expect(pass.audit[0]).toMatchObject({ userId: f.actors.haikouOfficer.userId, entity: 'Enterprise', at: NOW })
    expect(pass.audit[0].changes).toMatchObject({ before: null, after: { uscc: uscc(HAIKOU, 'HK000202'), registeredCapital: 1234.5, establishedOn: '2019-03-05' } })
    expect(pass.audit[1].changes).toEqual({ before: { registeredCapital: 3000 }, after: { registeredCapital: 3500.25 } })
    const logged = await db.auditLog.findMany({ orderBy: { seq: 'desc' }, take: 2 })
    expect(logged.map((e) => e.action).reverse()).toEqual(['enterprise.create', 'enterprise.update'])

    // the same file again: everything is already so
    const before = await snapshot()
    const again = await importPass(db, importEnterprises, f.actors.haikouOfficer, rows, new Date(NOW.getTime() + 60_000))
    expect(outcomes(again.results)).toEqual({ 2: 'unchanged', 3: 'unchanged', 4: 'unchanged' })
    expect(again.audit).toEqual([])
    expect(await snapshot()).toEqual(before)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('refuses bad rows on their column with the staff form\'s message, writing nothing', async () => {
    const officer = f.actors.haikouOfficer
    const valid = uscc(HAIKOU, 'HK000301')
    const badCheck = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A')
    const rows: Typed[] = [
      { uscc: badCheck, name: '校验码错误有限公司' },
      // 三亚's enterprise, as the 海口 officer's: the region rule answers first, as in the form
      { uscc: f.sanya.uscc, name: '三亚测试建设工程有限公司', region: '三亚' },
      // the same, claimed for 海口: the USCC is taken, and nothing more is said about it
      { uscc: f.sanya.uscc, name: '三亚测试建设工程有限公司' },
      { uscc: uscc(BEIJING, 'BJ000301'), name: '北京新建设有限公司', region: BEIJING },
      // the officer's own enterprise moved to 三亚
      { uscc: f.haikou.uscc, name: '海口测试建设工程有限公司', region: '三亚' },
      { uscc: uscc(HAIKOU, 'HK000302'), name: '负资本有限公司', capital: '-1' },
    ]
    const problems = await refusedRows(officer, rows)

    const formAnswers = [
      await formRefusal(() => createEnterprise(db, officer, formInput(rows[0], HAIKOU), NOW)),
      await formRefusal(() => createEnterprise(db, officer, formInput(rows[1], SANYA), NOW)),
      await formRefusal(() => createEnterprise(db, officer, formInput(rows[2], HAIKOU), NOW)),
      await formRefusal(() => createEnterprise(db, officer, formInput(rows[3], BEIJING), NOW)),
      await formRefusal(() => updateEnterprise(db, officer, f.haikou.enterpriseId, formInput(rows[4], SANYA), NOW)),
      await formRefusal(() => createEnterprise(db, officer, formInput(rows[5], HAIKOU), NOW)),
    ]
    expect(formAnswers).toEqual([
      { uscc: expect.stringContaining('统一社会信用代码') },
      { regionCode: '只能登记和维护本地区的企业' },
      { uscc: '该统一社会信用代码已登记' },
      { regionCode: '省外企业只能由省级主管部门登记和维护' },
      { regionCode: '只能登记和维护本地区的企业' },
      { registeredCapital: '注册资本不能为负数' },
    ])
    const header = { uscc: '统一社会信用代码', regionCode: '所在地区', registeredCapital: '注册资本（万元）' } as const
    const typedValue = (row: Typed, field: keyof typeof header) => cells(row)[ENTERPRISES.columns.findIndex((c) => c.field === field)]
    expect(problems).toEqual(
      formAnswers.map((answer, i) =>
        Object.entries(answer).map(([field, reason]) => ({ row: i + 2, column: header[field as keyof typeof header], value: typedValue(rows[i], field as keyof typeof header), reason })),
      ),
    )
  })

  it('writes the good rows of a batch and nothing of its bad ones', async () => {
    const before = await tableCounts(db)
    const pass = await importPass(
      db,
      importEnterprises,
      f.actors.haikouOfficer,
      typedRows(ENTERPRISES, [cells({ uscc: f.sanya.uscc, name: '三亚测试建设工程有限公司' }), cells({ uscc: uscc(HAIKOU, 'HK000401'), name: '海口好行有限公司' })]),
      NOW,
    )
    expect(outcomes(pass.results)).toEqual({ 2: [expect.objectContaining({ column: '统一社会信用代码' })], 3: 'create' })
    expect(await tableCounts(db)).toEqual({ ...before, enterprise: before.enterprise + 1, auditLog: before.auditLog + 1 })
    expect(pass.audit.map((a) => a.action)).toEqual(['enterprise.create'])
  })

  it('lets a later row change an enterprise an earlier row created, in the same batch and in a later one', async () => {
    const x = uscc(HAIKOU, 'HK000501')
    const y = uscc(HAIKOU, 'HK000502')
    const rows = typedRows(ENTERPRISES, [
      cells({ uscc: x, name: '先建有限公司' }),
      cells({ uscc: x, name: '先建（集团）有限公司' }),
      cells({ uscc: y, name: '后建有限公司' }),
      cells({ uscc: x, name: '先建（集团）有限公司' }),
      cells({ uscc: y, name: '后建有限公司', representative: '张三' }),
    ])
    const pass = await importPass(db, importEnterprises, f.actors.haikouOfficer, rows, NOW, 3)
    expect(outcomes(pass.results)).toEqual({ 2: 'create', 3: 'change', 4: 'create', 5: 'unchanged', 6: 'change' })
    const xId = (await db.enterprise.findUniqueOrThrow({ where: { uscc: x } })).id
    expect(pass.audit.filter((a) => a.entityId === xId).map((a) => a.changes)).toEqual([
      expect.objectContaining({ before: null, after: expect.objectContaining({ name: '先建有限公司' }) }),
      { before: { name: '先建有限公司' }, after: { name: '先建（集团）有限公司' } },
    ])
    expect(await db.enterprise.findUniqueOrThrow({ where: { uscc: y } })).toMatchObject({ legalRepresentative: '张三' })
    expect(await db.enterprise.count({ where: { uscc: { in: [x, y] } } })).toBe(2)
  })

  it('never lets a 三亚 officer create or change a 海口 enterprise, even one typed exactly as stored', async () => {
    const problems = await refusedRows(f.actors.sanyaOfficer, [
      { uscc: uscc(HAIKOU, 'HK000601'), name: '海口新企业有限公司' },
      { uscc: f.haikou.uscc, name: '海口测试建设工程有限公司改' },
      { uscc: f.haikou.uscc, name: '海口测试建设工程有限公司' },
      { uscc: f.haikou.uscc, name: '海口测试建设工程有限公司', region: '三亚' },
    ])
    expect(problems.map((p) => (typeof p === 'string' ? p : p.map((q) => [q.column, q.reason])))).toEqual([
      [['所在地区', '只能登记和维护本地区的企业']],
      [['所在地区', '只能登记和维护本地区的企业']],
      [['所在地区', '只能登记和维护本地区的企业']],
      [['统一社会信用代码', '该统一社会信用代码已登记']],
    ])
    // the province's officers act for every region
    const pass = await importPass(db, importEnterprises, f.actors.provinceOfficer, typedRows(ENTERPRISES, [cells({ uscc: f.haikou.uscc, name: '海口测试建设工程有限公司', representative: '赵五' })]), NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'change' })
  })

  it('stores an imported enterprise (one INSERT per batch) exactly as the form\'s create stores it', async () => {
    const typed = { name: '存储比对建设有限公司', capital: '1,234.56', address: '存储路8号' }
    const viaForm = await createEnterprise(db, f.actors.haikouOfficer, formInput({ uscc: uscc(HAIKOU, 'HK000701'), ...typed }, HAIKOU), NOW)
    const pass = await importPass(db, importEnterprises, f.actors.haikouOfficer, typedRows(ENTERPRISES, [cells({ uscc: uscc(HAIKOU, 'HK000702'), ...typed })]), NOW)
    expect(outcomes(pass.results)).toEqual({ 2: 'create' })
    const imported = pass.results[0] as { id: string }
    const read = async (id: string) => {
      const { id: _id, uscc: _uscc, ...row } = await db.enterprise.findUniqueOrThrow({ where: { id } })
      return row
    }
    // through Prisma: the same values and types (Decimal, Date, boolean, enum)
    expect(await read(imported.id)).toEqual(await read(viaForm.id))
    // and as stored, column by column, with each database's own types
    const stored = (id: string) =>
      provider === 'sqlite'
        ? db.$queryRawUnsafe<Record<string, unknown>[]>(
            'SELECT typeof("registeredCapital") AS capitalType, "registeredCapital" AS capital, typeof("establishedOn") AS establishedType, "establishedOn" AS established, typeof("inProvince") AS inProvinceType, "inProvince" AS inProvince, typeof("createdAt") AS createdType, "createdAt" AS created FROM "Enterprise" WHERE id = ?',
            id,
          )
        : db.$queryRawUnsafe<Record<string, unknown>[]>(
            'SELECT "registeredCapital"::text AS capital, "establishedOn"::text AS established, "inProvince"::text AS "inProvince", "createdAt"::text AS created, "type"::text AS type FROM "Enterprise" WHERE id = $1',
            id,
          )
    expect(await stored(imported.id)).toEqual(await stored(viaForm.id))
    // its audit entry records the row as the form's does
    const [entry] = pass.audit
    const formEntry = await db.auditLog.findFirstOrThrow({ where: { entityId: viaForm.id, action: 'enterprise.create' } })
    const after = (changes: unknown) => {
      const { uscc: _u, ...rest } = (changes as { after: Record<string, unknown> }).after
      return rest
    }
    expect(entry.entityId).toBe(imported.id)
    expect(after(entry.changes)).toEqual(after(JSON.parse(formEntry.changes)))
  })
})
