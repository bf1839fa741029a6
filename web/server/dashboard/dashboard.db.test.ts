// The officer's dashboard and the province table on both databases, with hand-made fixtures
// whose expected counts are worked out by hand in the comments.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Actor } from '@shared/staff/actor'
import type { StaffRole } from '@shared/domain/enums'
import { provinceTableExportColumns, provinceTableXlsx } from '@web/lib/export/province-table-export'
import { ForbiddenError } from '@web/server/lib/errors'
import { getOfficerDashboard } from './get-officer-dashboard'
import { getProvinceTable } from './get-province-table'
import { officerDashboardSchema, provinceTableSchema, type ProvinceTable } from './dashboard-schemas'

const providers = await testProviders()

// 12:00 on 15 June 2026, Beijing time
const AS_OF = new Date('2026-06-15T04:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

type Db = TestDatabase['db']

function actor(role: StaffRole, regions: Actor['regions'], regionCode: string | null = null): Actor {
  return { userId: `u-${role}`, username: role.toLowerCase(), displayName: role, role, authorityId: null, regionCode, regions, clientIp: null }
}
const HAIKOU_OFFICER = actor('REGION_OFFICER', ['460100'], '460100')
const SANYA_OFFICER = actor('REGION_OFFICER', ['460200'], '460200')
const PROVINCE_OFFICER = actor('REGION_OFFICER', 'ALL', '460000')
const HAIKOU_REVIEWER = actor('REVIEWER', ['460100'], '460100')
const ADMIN = actor('PROVINCE_ADMIN', 'ALL')
const AUDITOR = actor('AUDITOR', 'ALL')

interface Ctx {
  db: Db
  authority: Map<string, string>
  enterpriseId: string
  personId: string
  n: number
}

async function project(ctx: Ctx, code: string, regionCode: string, registeredOn: string) {
  return ctx.db.project.create({
    data: {
      projectCode: code,
      name: `项目${code.slice(-3)}`,
      address: '海南省',
      regionCode,
      category: 'BUILDING',
      investment: '1000',
      ownerId: ctx.enterpriseId,
      registeredOn: day(registeredOn),
    },
  })
}

async function contract(ctx: Ctx, projectId: string, regionCode: string, filedOn: string, status: 'ACTIVE' | 'REVOKED' = 'ACTIVE') {
  await ctx.db.contractFiling.create({
    data: {
      projectId,
      filingNumber: `C${++ctx.n}`,
      partyRole: 'CONTRACTOR',
      partyId: ctx.enterpriseId,
      contractPrice: '100',
      signedOn: day(filedOn),
      filedOn: day(filedOn),
      authorityId: ctx.authority.get(regionCode)!,
      status,
    },
  })
}

async function drawing(ctx: Ctx, projectId: string, regionCode: string, passedOn: string) {
  await ctx.db.drawingReview.create({
    data: { projectId, certificateNumber: `D${++ctx.n}`, reviewAgency: '审图中心', passedOn: day(passedOn), authorityId: ctx.authority.get(regionCode)! },
  })
}

async function supervision(ctx: Ctx, projectId: string, regionCode: string, filedOn: string) {
  await ctx.db.supervisionFiling.create({
    data: { projectId, filingNumber: `S${++ctx.n}`, supervisionStation: '质监站', filedOn: day(filedOn), authorityId: ctx.authority.get(regionCode)! },
  })
}

async function permit(ctx: Ctx, projectId: string, regionCode: string, issuedOn: string, plannedEndOn: string, status: 'ACTIVE' | 'REVOKED' = 'ACTIVE') {
  await ctx.db.constructionPermit.create({
    data: {
      projectId,
      permitNumber: `P${++ctx.n}`,
      regionCode,
      authorityId: ctx.authority.get(regionCode)!,
      issuedOn: day(issuedOn),
      scale: '—',
      contractPrice: '100',
      plannedStartOn: day(issuedOn),
      plannedEndOn: day(plannedEndOn),
      contractorId: ctx.enterpriseId,
      projectManagerId: ctx.personId,
      status,
    },
  })
}

async function completion(ctx: Ctx, projectId: string, regionCode: string, filedOn: string) {
  await ctx.db.completionFiling.create({
    data: {
      projectId,
      filingNumber: `F${++ctx.n}`,
      regionCode,
      authorityId: ctx.authority.get(regionCode)!,
      acceptedOn: day(filedOn),
      filedOn: day(filedOn),
      actualCost: '100',
    },
  })
}

async function allFourStages(ctx: Ctx, projectId: string, regionCode: string) {
  await contract(ctx, projectId, regionCode, '2025-10-01')
  await drawing(ctx, projectId, regionCode, '2025-11-01')
  await supervision(ctx, projectId, regionCode, '2025-12-01')
}

async function objection(ctx: Ctx, recordId: string, submittedAt: string, status: 'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED', enterpriseId = ctx.enterpriseId) {
  await ctx.db.objection.create({
    data: {
      trackingNumber: `T${++ctx.n}`,
      kind: 'OBJECTION',
      recordId,
      subjectType: 'ENTERPRISE',
      enterpriseId,
      applicantName: '张三',
      contactPhone: '13800000000',
      reasons: '记录有误',
      status,
      submittedAt: new Date(`${submittedAt}T02:00:00Z`),
    },
  })
}

async function record(ctx: Ctx, regionCode: string, enterpriseId = ctx.enterpriseId) {
  const r = await ctx.db.integrityRecord.create({
    data: {
      subjectType: 'ENTERPRISE',
      enterpriseId,
      kind: 'BAD',
      categoryCode: 'X',
      title: '处罚',
      description: '—',
      decisionNumber: `琼建罚〔2026〕${++ctx.n}号`,
      authorityId: ctx.authority.get(regionCode)!,
      issuedBy: '住建局',
      decidedOn: day('2026-01-01'),
      publishFrom: day('2026-01-01'),
      publishUntil: day('2027-01-01'),
      points: -5,
    },
  })
  return r.id
}

async function seed(db: Db) {
  const regions = [
    ['460000', '海南省', '海南', 'PROVINCE', 0],
    ['460100', '海口市', '海口', 'CITY', 1],
    ['460200', '三亚市', '三亚', 'CITY', 2],
    ['469001', '五指山市', '五指山', 'CITY', 5],
  ] as const
  const authority = new Map<string, string>()
  for (const [code, name, shortName, level, sortOrder] of regions) {
    await db.region.create({ data: { code, name, shortName, level, sortOrder } })
    const a = await db.authority.create({ data: { regionCode: code, name: `${name}住建局`, address: '海南省', phone: '0898-00000000' } })
    authority.set(code, a.id)
  }
  const enterprise = await db.enterprise.create({
    data: {
      uscc: '91460100MA5T000002',
      name: '海南椰城建设工程有限公司',
      type: 'CONTRACTOR',
      regionCode: '460100',
      inProvince: true,
      legalRepresentative: '王海',
      registeredAddress: '海口市龙华区',
      registeredCapital: '5000',
      establishedOn: day('2010-03-01'),
    },
  })
  const person = await db.person.create({ data: { name: '陈明', idNumber: '460100198001010011', gender: '男', employerId: enterprise.id } })
  const ctx: Ctx = { db, authority, enterpriseId: enterprise.id, personId: person.id, n: 0 }

  // 海口 (460100)
  await project(ctx, '2026-460100-47-01-000001', '460100', '2026-01-05') // A: waits for 合同备案 since 1-05
  const b = await project(ctx, '2026-460100-47-01-000002', '460100', '2026-01-10')
  await contract(ctx, b.id, '460100', '2026-02-10')
  await contract(ctx, b.id, '460100', '2026-02-01') // B: waits for 施工图审查 since its first contract, 2-01
  const c = await project(ctx, '2026-460100-47-01-000003', '460100', '2026-01-10')
  await contract(ctx, c.id, '460100', '2026-02-15')
  await drawing(ctx, c.id, '460100', '2026-03-01')
  await supervision(ctx, c.id, '460100', '2026-03-20') // C: waits for 施工许可 since 3-20
  const d = await project(ctx, '2025-460100-47-01-000004', '460100', '2025-09-01')
  await allFourStages(ctx, d.id, '460100')
  await permit(ctx, d.id, '460100', '2026-04-01', '2026-06-14') // D: planned end yesterday, no completion: due
  const e = await project(ctx, '2025-460100-47-01-000005', '460100', '2025-09-01')
  await allFourStages(ctx, e.id, '460100')
  await permit(ctx, e.id, '460100', '2026-06-02', '2026-06-15') // E: ends today: not yet due
  const f = await project(ctx, '2025-460100-47-01-000006', '460100', '2025-05-01')
  await allFourStages(ctx, f.id, '460100')
  await permit(ctx, f.id, '460100', '2025-06-01', '2025-12-31')
  await completion(ctx, f.id, '460100', '2026-05-01') // F: completed: not due
  const g = await project(ctx, '2025-460100-47-01-000007', '460100', '2025-09-01')
  await allFourStages(ctx, g.id, '460100') // supervision 2025-12-01
  await permit(ctx, g.id, '460100', '2026-06-10', '2026-06-01', 'REVOKED') // G: revoked: waits for 施工许可 again, not due
  const haikouRecord = await record(ctx, '460100')
  await objection(ctx, haikouRecord, '2026-06-01', 'SUBMITTED')
  await objection(ctx, haikouRecord, '2026-06-10', 'UNDER_REVIEW')
  await objection(ctx, haikouRecord, '2026-03-01', 'ACCEPTED') // decided: not waiting

  // 三亚 (460200): none of it may show in 海口's queue
  await project(ctx, '2025-460200-47-01-000008', '460200', '2025-01-01') // H: waits for 合同备案 since 2025-01-01
  const i = await project(ctx, '2025-460200-47-01-000009', '460200', '2025-01-01')
  await allFourStages(ctx, i.id, '460200')
  await permit(ctx, i.id, '460200', '2026-06-05', '2026-01-31') // I: due (三亚)
  await permit(ctx, i.id, '460200', '2025-03-01', '2030-01-01')
  await permit(ctx, i.id, '460200', '2025-04-01', '2030-01-01')
  await permit(ctx, i.id, '460200', '2025-05-01', '2030-01-01') // 三亚 last year to 6-15: 3 permits, this year 1
  // the objection queue's region is the record's subject's (the reviewer's queue's rule)
  const sanyaEnterprise = await db.enterprise.create({
    data: {
      uscc: '91460200MA5T000003',
      name: '三亚鹿城建设有限公司',
      type: 'CONTRACTOR',
      regionCode: '460200',
      inProvince: true,
      legalRepresentative: '李三',
      registeredAddress: '三亚市吉阳区',
      registeredCapital: '3000',
      establishedOn: day('2012-03-01'),
    },
  })
  const sanyaRecord = await record(ctx, '460100', sanyaEnterprise.id)
  await objection(ctx, sanyaRecord, '2026-05-01', 'SUBMITTED', sanyaEnterprise.id)
}

const row = (table: ProvinceTable, code: string) => table.rows.find((r) => r.regionCode === code)!

describe.each(providers)('dashboards on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it("gives a regional officer its own region's queue, nothing of another region", async () => {
    const dashboard = await getOfficerDashboard(testDb.db, HAIKOU_OFFICER, AS_OF)
    expect(officerDashboardSchema.parse(dashboard)).toEqual(dashboard)
    expect(dashboard.regions).toEqual(['460100'])
    expect(dashboard.waiting.byStage).toEqual([
      { stage: 'CONTRACT_FILING', stageLabel: '合同备案', count: 1 },
      { stage: 'DRAWING_REVIEW', stageLabel: '施工图审查', count: 1 },
      { stage: 'SUPERVISION_FILING', stageLabel: '质量安全报监', count: 0 },
      { stage: 'CONSTRUCTION_PERMIT', stageLabel: '施工许可', count: 2 },
    ])
    expect(dashboard.waiting.oldest.map((w) => [w.projectCode, w.stage, w.since, w.days])).toEqual([
      ['2025-460100-47-01-000007', 'CONSTRUCTION_PERMIT', '2025-12-01', 196],
      ['2026-460100-47-01-000001', 'CONTRACT_FILING', '2026-01-05', 161],
      ['2026-460100-47-01-000002', 'DRAWING_REVIEW', '2026-02-01', 134],
      ['2026-460100-47-01-000003', 'CONSTRUCTION_PERMIT', '2026-03-20', 87],
    ])
    expect(dashboard.permitsDue.count).toBe(1)
    expect(dashboard.permitsDue.oldest).toEqual([
      expect.objectContaining({ projectCode: '2025-460100-47-01-000004', regionCode: '460100', plannedEndOn: '2026-06-14', daysOverdue: 1 }),
    ])
    expect(dashboard.objections).toEqual({ count: 2, oldestSubmittedOn: '2026-06-01', oldestDays: 14 })
    // permits issued: June 1–15 2026 E and G (revoked later, still handled) = 2, against F on 2025-06-01 = 1;
    // year to date D, E, G = 3 against F = 1; completion filings: F's on 2026-05-01 = 1 this year, none in June
    expect(dashboard.counts).toEqual({
      monthLabel: '2026年6月1日至15日',
      yearLabel: '2026年1月1日至6月15日',
      permits: { month: 2, monthLastYear: 1, monthChange: 1, monthChangePercent: 100, year: 3, yearLastYear: 1, yearChange: 2, yearChangePercent: 200 },
      completionFilings: { month: 0, monthLastYear: 0, monthChange: 0, monthChangePercent: null, year: 1, yearLastYear: 0, yearChange: 1, yearChangePercent: null },
    })
  })

  it("gives another region's officer and reviewer only theirs", async () => {
    const sanya = await getOfficerDashboard(testDb.db, SANYA_OFFICER, AS_OF)
    expect(sanya.waiting.oldest.map((w) => w.projectCode)).toEqual(['2025-460200-47-01-000008'])
    expect(sanya.permitsDue.oldest.map((p) => p.projectCode)).toEqual(['2025-460200-47-01-000009'])
    expect(sanya.permitsDue.oldest[0].daysOverdue).toBe(135)
    expect(sanya.objections).toEqual({ count: 1, oldestSubmittedOn: '2026-05-01', oldestDays: 45 })
    expect(sanya.counts.permits).toMatchObject({ month: 1, monthLastYear: 0, year: 1, yearLastYear: 3 })
    const reviewer = await getOfficerDashboard(testDb.db, HAIKOU_REVIEWER, AS_OF)
    expect(reviewer.objections.count).toBe(2)
  })

  it("gives the province's officer every region", async () => {
    const all = await getOfficerDashboard(testDb.db, PROVINCE_OFFICER, AS_OF)
    expect(all.regions).toBe('ALL')
    expect(all.waiting.byStage.map((s) => s.count)).toEqual([2, 1, 0, 2])
    expect(all.waiting.oldest[0].projectCode).toBe('2025-460200-47-01-000008')
    expect(all.permitsDue.count).toBe(2)
    expect(all.objections).toEqual({ count: 3, oldestSubmittedOn: '2026-05-01', oldestDays: 45 })
    expect(all.counts.permits).toMatchObject({ month: 3, year: 4, yearLastYear: 4 })
  })

  it('limits the lists to the length asked for', async () => {
    const dashboard = await getOfficerDashboard(testDb.db, HAIKOU_OFFICER, AS_OF, 2)
    expect(dashboard.waiting.oldest.map((w) => w.projectCode)).toEqual(['2025-460100-47-01-000007', '2026-460100-47-01-000001'])
  })

  it('refuses the dashboard to administrators and auditors', async () => {
    await expect(getOfficerDashboard(testDb.db, ADMIN, AS_OF)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getOfficerDashboard(testDb.db, AUDITOR, AS_OF)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('builds the province table with the lagging regions marked by the rule', async () => {
    const table = await getProvinceTable(testDb.db, ADMIN, { dropPercent: 20, zeroMonthAfterDays: 10 }, AS_OF)
    expect(provinceTableSchema.parse(table)).toEqual(table)
    expect(table.asOf).toBe('2026-06-15')
    expect(table.ruleText).toContain('下降超过 20%')
    expect(row(table, '460100')).toMatchObject({
      regionName: '海口市',
      permits: { month: 2, monthLastYear: 1, year: 3, yearLastYear: 1, yearChange: 2, yearChangePercent: 200 },
      completionFilings: { month: 0, year: 1, yearLastYear: 0 },
      lagging: false,
      lagReasons: [],
      own: false,
    })
    // 三亚: 1 permit this year against 3 by 15 June last year, down 66.7 % > 20 %
    expect(row(table, '460200')).toMatchObject({
      permits: { month: 1, year: 1, yearLastYear: 3, yearChange: -2, yearChangePercent: -66.7 },
      lagging: true,
      lagReasons: ['本年施工许可比上年同期下降超过 20%'],
    })
    // 五指山: nothing handled in the 15 days of June (more than 10)
    expect(row(table, '469001')).toMatchObject({ lagging: true, lagReasons: ['本月未办理施工许可和竣工验收备案'] })
    expect(table.total.permits).toMatchObject({ month: 3, monthLastYear: 1, year: 4, yearLastYear: 4, yearChange: 0 })
    expect(table.total.completionFilings).toMatchObject({ month: 0, year: 1 })
  })

  it('exports the table as a workbook that reads back with its headers and rows', async () => {
    const table = await getProvinceTable(testDb.db, SANYA_OFFICER, undefined, AS_OF)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await provinceTableXlsx(table)).buffer as ArrayBuffer)
    const sheet = workbook.getWorksheet('统计表')!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(3)).toEqual(provinceTableExportColumns(table).map((c) => c.header))
    // title, rule, header, one row per region, the total
    expect(sheet.rowCount).toBe(3 + table.rows.length + 1)
    const byCode = new Map(Array.from({ length: table.rows.length }, (_, i) => values(4 + i)).map((v) => [v[0], v]))
    expect(byCode.get('460100')!.slice(1, 9)).toEqual(['海口市', 2, 1, 100, 3, 1, 2, 200])
    expect(byCode.get('460200')!.slice(16)).toEqual(['落后', '本年施工许可比上年同期下降超过 20%'])
    expect(values(4 + table.rows.length).slice(1, 3)).toEqual(['全省合计', 3])
  })

  it('follows the configured rule', async () => {
    const table = await getProvinceTable(testDb.db, ADMIN, { dropPercent: 70, zeroMonthAfterDays: null }, AS_OF)
    expect(row(table, '460200').lagging).toBe(false)
    expect(row(table, '469001').lagging).toBe(false)
    expect(table.ruleText).not.toContain('本月已过')
    // early in the month a zero month is not yet a lag
    const early = await getProvinceTable(testDb.db, ADMIN, { dropPercent: 20, zeroMonthAfterDays: 10 }, new Date('2026-06-05T04:00:00Z'))
    expect(row(early, '469001').lagging).toBe(false)
  })

  it("highlights a regional officer's own row; the table is for every staff role that reads statistics", async () => {
    const table = await getProvinceTable(testDb.db, SANYA_OFFICER, undefined, AS_OF)
    expect(table.rows.filter((r) => r.own).map((r) => r.regionCode)).toEqual(['460200'])
    for (const a of [PROVINCE_OFFICER, AUDITOR, HAIKOU_REVIEWER]) {
      const t = await getProvinceTable(testDb.db, a, undefined, AS_OF)
      expect(t.rows.length).toBe(table.rows.length)
    }
    expect((await getProvinceTable(testDb.db, PROVINCE_OFFICER, undefined, AS_OF)).rows.some((r) => r.own)).toBe(false)
  })
})
