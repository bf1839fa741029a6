// The project import handler on both databases: historical projects registered through the project
// form's body with the codes they have (checked against the layout, the row's region and this
// month), audited as the form audits; a second identical pass all 'unchanged', writing nothing; a
// row that disagrees with the project on record refused column by column (the back office edits no
// registered project); the region rules of the form, and another region's project not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { PROJECTS } from '@shared/import/project-kinds'
import { makeUscc } from '@shared/validators/uscc'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importProjects } from './import-projects'
import { registerProject } from './register-project'
import { createProjectWorld, importPass, importRows, outcomes, projectInput, USCC, type ImportCells, type ProjectWorld } from './testing/fixtures'

const providers = await testProviders()
/** 2026-07-01 in China */
const NOW = new Date('2026-07-01T03:00:00Z')

const project = (projectCode: string, cells: ImportCells = {}): ImportCells => ({
  projectCode,
  name: '海口市龙华区滨海花园二期住宅工程',
  address: '海口市龙华区滨海大道与金贸路交叉口东北侧',
  regionCode: '海口市',
  category: '房屋建筑工程',
  floorArea: '86500.5',
  investment: '32,000',
  ownerUscc: USCC.owner,
  ...cells,
})

async function footprint(db: Db) {
  const [projects, participants, audits] = await Promise.all([
    db.project.findMany({ orderBy: { projectCode: 'asc' } }),
    db.projectParticipant.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
  ])
  return { projects, participants, audits }
}

describe.each(providers)('project import on %s', (provider) => {
  let t: TestDatabase
  let w: ProjectWorld
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    w = await createProjectWorld(t.db)
  })
  afterAll(async () => t?.drop())

  const run = (rows: ImportCells[], actor = w.actors.haikouOfficer) => importPass(t.db, actor, importProjects, importRows(PROJECTS, rows), NOW)

  /** every row refused, and nothing written */
  async function refused(rows: ImportCells[], actor = w.actors.haikouOfficer) {
    const before = await footprint(t.db)
    const { results, audit } = await run(rows, actor)
    expect(results.every((r) => 'problems' in r)).toBe(true)
    expect(audit).toEqual([])
    expect(await footprint(t.db)).toEqual(before)
    return outcomes(results)
  }

  it('registers historical projects with their own codes through the form’s body, audited; a second pass changes nothing', async () => {
    const rows = [
      project('46010020240300017'),
      project('46010020190100002', { name: '海口市江东新区市政道路一期工程', category: '市政基础设施工程', floorArea: '', investment: '8800.5' }),
    ]
    const first = await run(rows)
    expect(outcomes(first.results)).toEqual({ 2: 'create', 3: 'create' })

    const stored = await t.db.project.findUniqueOrThrow({ where: { projectCode: '46010020240300017' }, include: { participants: true, owner: true } })
    expect(stored).toMatchObject({ name: '海口市龙华区滨海花园二期住宅工程', regionCode: '460100', category: 'BUILDING', floorArea: 86500.5 })
    expect(stored.investment.toString()).toBe('32000')
    // registered on the platform today; the code keeps the month it was registered in before
    expect(stored.registeredOn.toISOString().slice(0, 10)).toBe('2026-07-01')
    expect(stored.participants.map((p) => [p.role, p.enterpriseId])).toEqual([['OWNER', stored.owner.id]])
    const municipal = await t.db.project.findUniqueOrThrow({ where: { projectCode: '46010020190100002' } })
    expect(municipal).toMatchObject({ category: 'MUNICIPAL', floorArea: null })

    expect(first.audit.map((a) => [a.action, a.entity, a.entityId, a.userId])).toEqual([
      ['project.register', 'Project', stored.id, w.actors.haikouOfficer.userId],
      ['project.register', 'Project', municipal.id, w.actors.haikouOfficer.userId],
    ])
    expect(first.audit[0].changes).toEqual({
      before: null,
      after: { projectCode: '46010020240300017', ...projectInputOf(rows[0]), registeredOn: '2026-07-01' },
    })
    expect(await t.db.auditLog.count({ where: { entityId: { in: [stored.id, municipal.id] }, action: 'project.register' } })).toBe(2)
    expect(await verifyAuditChain(t.db)).toBeNull()

    const before = await footprint(t.db)
    const second = await run(rows)
    expect(outcomes(second.results)).toEqual({ 2: 'unchanged', 3: 'unchanged' })
    expect(second.audit).toEqual([])
    expect(await footprint(t.db)).toEqual(before)
  })

  it('a later row with the same code sees the project an earlier row registered in the same pass', async () => {
    const { results, audit } = await run([project('46010020240300031'), project('46010020240300031', { investment: '32000.00' })])
    expect(outcomes(results)).toEqual({ 2: 'create', 3: 'unchanged' })
    expect(audit).toHaveLength(1)
  })

  it('refuses a row that disagrees with the project on record, naming each column and what is on record', async () => {
    await run([project('46010020240300041')])
    expect(await refused([project('46010020240300041', { name: '海口市龙华区滨海花园三期住宅工程', investment: '33000', floorArea: '' })])).toEqual({
      2: [
        ['项目名称', '与项目库中该编码的项目不一致（已登记：海口市龙华区滨海花园二期住宅工程）；已登记项目的信息不能通过导入修改'],
        ['建筑面积（平方米）', '与项目库中该编码的项目不一致（已登记：86500.5）；已登记项目的信息不能通过导入修改'],
        ['总投资（万元）', '与项目库中该编码的项目不一致（已登记：32000.00）；已登记项目的信息不能通过导入修改'],
      ],
    })
  })

  it('refuses a code of another region or a future month, a code in use, an unknown owner, on their columns', async () => {
    const { projectCode: formCode } = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
    expect(
      await refused([
        project('46020020240300017'),
        project('46010020260800001'),
        project('46010020240300051', { ownerUscc: makeUscc('91', '460100', '99999999') }),
        project('46010020240300000'),
      ]),
    ).toEqual({
      2: [['项目编码', '项目编码前6位（460200）应为项目所在地区的行政区划码（460100）']],
      3: [['项目编码', '项目编码中的年月（2026-08）晚于本月']],
      4: [['建设单位统一社会信用代码', '企业库中没有该统一社会信用代码的企业，请先登记建设单位']],
      5: [['项目编码', '项目编码中的流水号不能为00000']],
    })
    // the form's own project, given differently, is refused as a change; given alike, left as it is
    const { results } = await run([project(formCode, { name: '海口市美兰区第一中学教学综合楼', address: '海口市美兰区海甸岛人民大道 58 号', floorArea: '32000', investment: '12000' })])
    expect(outcomes(results)).toEqual({ 2: 'unchanged' })
  })

  it('an officer of 三亚 registers only 三亚 projects and cannot see a 海口 one', async () => {
    await run([project('46010020240300061')])
    const sanya = w.actors.sanyaOfficer
    expect(await refused([project('46010020240300061'), project('46010020240300062')], sanya)).toEqual({
      2: [['整行', '未找到项目']],
      3: [['所在地区', '只能登记本地区的项目']],
    })
    const { results } = await run([project('46020020240300001', { regionCode: '460200', name: '三亚市海棠湾安置房工程', address: '三亚市海棠区海棠北路 8 号' })], sanya)
    expect(outcomes(results)).toEqual({ 2: 'create' })
    // the province acts for every region
    expect(outcomes((await run([project('46010020240300061')], w.actors.provinceOfficer)).results)).toEqual({ 2: 'unchanged' })
  })
})

/** The form's values a row of `project()` parses to (amounts as numbers, the region's code). */
function projectInputOf(cells: ImportCells) {
  return {
    name: cells.name,
    address: cells.address,
    regionCode: '460100',
    category: 'BUILDING',
    floorArea: Number(cells.floorArea),
    investment: Number(cells.investment!.replace(/,/g, '')),
    ownerUscc: cells.ownerUscc,
  }
}
