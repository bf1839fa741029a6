// The import handlers of the first three stages (合同备案, 施工图审查, 质量安全报监) on both
// databases: new rows filed through the forms' bodies — in one pass with the project they name,
// registered by an earlier step of the same transaction — and audited as the forms audit; a second
// identical pass all 'unchanged', writing nothing; changed rows through the edit forms' bodies, and
// refused as those forms refuse once the permit certificate exists; the stage order and the forms'
// other rules on the row's columns; an officer of 三亚 unable to file for a 海口 project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import { CONTRACT_FILINGS, DRAWING_REVIEWS, PROJECTS, SUPERVISION_FILINGS } from '@shared/import/project-kinds'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { fileContract } from './file-contract'
import { fileSupervision } from './file-supervision'
import { importContractFilings } from './import-contract-filings'
import { importDrawingReviews } from './import-drawing-reviews'
import { importProjects } from './import-projects'
import { importSupervisionFilings } from './import-supervision-filings'
import { issuePermit } from './issue-permit'
import { recordDrawingReview } from './record-drawing-review'
import { registerProject } from './register-project'
import { createProjectWorld, importPass, importPasses, importRows, outcomes, projectInput, stageInputs, USCC, type ImportCells, type ProjectWorld } from './testing/fixtures'

const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
/** 2026-07-01 in China */
const NOW = new Date('2026-07-01T03:00:00Z')

const project = (projectCode: string): ImportCells => ({
  projectCode,
  name: '海口市龙华区滨海花园二期住宅工程',
  address: '海口市龙华区滨海大道与金贸路交叉口东北侧',
  regionCode: '460100',
  category: '房屋建筑工程',
  floorArea: '86500.5',
  investment: '32000',
  ownerUscc: USCC.owner,
})
const contract = (projectCode: string, cells: ImportCells = {}): ImportCells => ({
  projectCode,
  partyRole: '设计',
  partyUscc: USCC.design,
  contractPrice: '120.5',
  signedOn: '2026-03-02',
  filedOn: '2026-03-05',
  ...cells,
})
const building = (projectCode: string, cells: ImportCells = {}) =>
  contract(projectCode, { partyRole: '施工单位', partyUscc: USCC.contractor, contractPrice: '8,800', signedOn: '2026年4月20日', filedOn: '2026/4/22', ...cells })
const supervising = (projectCode: string) => contract(projectCode, { partyRole: '监理', partyUscc: USCC.supervisor, contractPrice: '150', signedOn: '2026-04-20', filedOn: '2026-04-22' })
const review = (projectCode: string, cells: ImportCells = {}): ImportCells => ({
  projectCode,
  certificateNumber: `SC${projectCode.slice(-8)}`,
  reviewAgency: '海南省建设工程施工图审查中心',
  result: '合格',
  issueCount: '12',
  passedOn: '2026-04-10',
  ...cells,
})
const supervision = (projectCode: string, cells: ImportCells = {}): ImportCells => ({
  projectCode,
  supervisionStation: '海口市建设工程质量安全监督站',
  filedOn: '2026-05-06',
  ...cells,
})

async function footprint(db: Db) {
  const [contracts, reviews, supervisions, participants, audits] = await Promise.all([
    db.contractFiling.findMany({ orderBy: { id: 'asc' } }),
    db.drawingReview.findMany({ orderBy: { id: 'asc' } }),
    db.supervisionFiling.findMany({ orderBy: { id: 'asc' } }),
    db.projectParticipant.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
  ])
  return { contracts, reviews, supervisions, participants, audits }
}

describe.each(providers)('stage 1-3 import on %s', (provider) => {
  let t: TestDatabase
  let w: ProjectWorld
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    w = await createProjectWorld(t.db)
  })
  afterAll(async () => t?.drop())

  let codes = 0
  /** a fresh historical project code of 海口 */
  const nextCode = () => `460100202403${String(++codes).padStart(5, '0')}`

  /** the three stage files of a project, one pass each, in one transaction after the project file */
  async function throughStages(code: string) {
    return importPasses(
      t.db,
      w.actors.haikouOfficer,
      [
        { handler: importProjects, rows: importRows(PROJECTS, [project(code)]) },
        { handler: importContractFilings, rows: importRows(CONTRACT_FILINGS, [contract(code), building(code), supervising(code)]) },
        { handler: importDrawingReviews, rows: importRows(DRAWING_REVIEWS, [review(code)]) },
        { handler: importSupervisionFilings, rows: importRows(SUPERVISION_FILINGS, [supervision(code)]) },
      ],
      NOW,
    )
  }

  /** every row refused, and nothing written */
  async function refused(handler: Parameters<typeof importPass>[2], rows: ReturnType<typeof importRows>, actor = w.actors.haikouOfficer) {
    const before = await footprint(t.db)
    const { results, audit } = await importPass(t.db, actor, handler, rows, NOW)
    expect(results.every((r) => 'problems' in r)).toBe(true)
    expect(audit).toEqual([])
    expect(await footprint(t.db)).toEqual(before)
    return outcomes(results)
  }

  it('files a project’s first three stages through the forms’ bodies in the pass that registers the project, audited', async () => {
    const code = nextCode()
    const [projects, contracts, reviews, supervisions] = await throughStages(code)
    expect([projects, contracts, reviews, supervisions].map((p) => outcomes(p.results))).toEqual([
      { 2: 'create' },
      { 2: 'create', 3: 'create', 4: 'create' },
      { 2: 'create' },
      { 2: 'create' },
    ])
    const p = await t.db.project.findUniqueOrThrow({
      where: { projectCode: code },
      include: { contractFilings: { orderBy: { filingNumber: 'asc' }, include: { party: true } }, drawingReviews: true, supervisionFilings: true, participants: true },
    })
    // the form's numbers, taken one after another within the batch
    expect(p.contractFilings.map((c) => [c.filingNumber.slice(0, 12), c.partyRole, c.party.uscc, c.contractPrice.toString(), c.authorityId])).toEqual([
      ['HT4601002026', 'DESIGN', USCC.design, '120.5', w.authorities.haikou],
      ['HT4601002026', 'CONTRACTOR', USCC.contractor, '8800', w.authorities.haikou],
      ['HT4601002026', 'SUPERVISOR', USCC.supervisor, '150', w.authorities.haikou],
    ])
    const sequences = p.contractFilings.map((c) => Number(c.filingNumber.slice(12)))
    expect(sequences).toEqual([sequences[0], sequences[0] + 1, sequences[0] + 2])
    expect(p.contractFilings[1].signedOn.toISOString().slice(0, 10)).toBe('2026-04-20')
    expect(p.participants.map((x) => x.role).sort()).toEqual(['CONTRACTOR', 'DESIGN', 'OWNER', 'SUPERVISOR'])
    expect(p.drawingReviews).toMatchObject([{ certificateNumber: `SC${code.slice(-8)}`, reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: 12 }])
    expect(p.supervisionFilings).toMatchObject([{ supervisionStation: '海口市建设工程质量安全监督站', filingNumber: expect.stringMatching(/^JD4601002026\d{6}$/) }])

    expect(contracts.audit.map((a) => [a.action, a.entityId])).toEqual(p.contractFilings.map((c) => ['contract.file', c.id]))
    expect(contracts.audit[0].changes).toMatchObject({ before: null, after: { filingNumber: p.contractFilings[0].filingNumber, partyRole: 'DESIGN', contractPrice: 120.5, participantAdded: true } })
    expect(reviews.audit.map((a) => [a.action, a.entityId])).toEqual([['drawing-review.record', p.drawingReviews[0].id]])
    expect(supervisions.audit.map((a) => [a.action, a.entityId])).toEqual([['supervision.file', p.supervisionFilings[0].id]])
    expect(await verifyAuditChain(t.db)).toBeNull()
  })

  it('a second contract of the same party and role adds no participant; a second identical pass is all unchanged and writes nothing', async () => {
    const code = nextCode()
    await throughStages(code)
    const again = await importPass(t.db, w.actors.haikouOfficer, importContractFilings, importRows(CONTRACT_FILINGS, [contract(code, { signedOn: '2026-03-03', contractPrice: '20' })]), NOW)
    expect(outcomes(again.results)).toEqual({ 2: 'create' })
    expect(again.audit[0].changes).toMatchObject({ after: { participantAdded: false } })

    const before = await footprint(t.db)
    const second = await importPasses(
      t.db,
      w.actors.haikouOfficer,
      [
        { handler: importProjects, rows: importRows(PROJECTS, [project(code)]) },
        { handler: importContractFilings, rows: importRows(CONTRACT_FILINGS, [contract(code), building(code), supervising(code), contract(code, { signedOn: '2026-03-03', contractPrice: '20.00' })]) },
        { handler: importDrawingReviews, rows: importRows(DRAWING_REVIEWS, [review(code)]) },
        { handler: importSupervisionFilings, rows: importRows(SUPERVISION_FILINGS, [supervision(code)]) },
      ],
      NOW,
    )
    expect(second.map((p) => outcomes(p.results))).toEqual([{ 2: 'unchanged' }, { 2: 'unchanged', 3: 'unchanged', 4: 'unchanged', 5: 'unchanged' }, { 2: 'unchanged' }, { 2: 'unchanged' }])
    expect(second.flatMap((p) => p.audit)).toEqual([])
    expect(await footprint(t.db)).toEqual(before)
  })

  it('changes a row on record through the edit forms’ bodies, with before and after audited', async () => {
    const code = nextCode()
    await throughStages(code)
    const officer = w.actors.haikouOfficer
    const contracts = await importPass(t.db, officer, importContractFilings, importRows(CONTRACT_FILINGS, [building(code, { contractPrice: '9000', filedOn: '2026-04-25' }), contract(code)]), NOW)
    const reviews = await importPass(t.db, officer, importDrawingReviews, importRows(DRAWING_REVIEWS, [review(code, { reviewAgency: '海南华磊施工图审查有限公司', result: '修改后合格', issueCount: '3' })]), NOW)
    const supervisions = await importPass(t.db, officer, importSupervisionFilings, importRows(SUPERVISION_FILINGS, [supervision(code, { supervisionStation: '海南省建设工程质量安全监督总站' })]), NOW)
    expect([contracts, reviews, supervisions].map((p) => outcomes(p.results))).toEqual([{ 2: 'change', 3: 'unchanged' }, { 2: 'change' }, { 2: 'change' }])

    const p = await t.db.project.findUniqueOrThrow({ where: { projectCode: code }, include: { contractFilings: true, drawingReviews: true, supervisionFilings: true } })
    const built = p.contractFilings.find((c) => c.partyRole === 'CONTRACTOR')!
    expect([built.contractPrice.toString(), built.filedOn.toISOString().slice(0, 10)]).toEqual(['9000', '2026-04-25'])
    expect(p.drawingReviews[0]).toMatchObject({ reviewAgency: '海南华磊施工图审查有限公司', result: '修改后合格', issueCount: 3 })
    expect(p.supervisionFilings[0].supervisionStation).toBe('海南省建设工程质量安全监督总站')
    expect(contracts.audit).toHaveLength(1)
    expect(contracts.audit[0]).toMatchObject({ action: 'contract.update', entityId: built.id })
    expect(contracts.audit[0].changes).toMatchObject({ before: { contractPrice: '8800', filedOn: '2026-04-22' }, after: { contractPrice: 9000, filedOn: '2026-04-25' } })
    expect(reviews.audit[0]).toMatchObject({ action: 'drawing-review.update', entityId: p.drawingReviews[0].id, changes: { before: { issueCount: 12 }, after: { issueCount: 3 } } })
    expect(supervisions.audit[0]).toMatchObject({ action: 'supervision.update', entityId: p.supervisionFilings[0].id })
  })

  it('keeps the stage order: each stage refused before the one it needs, and when dated before it, with the forms’ messages', async () => {
    const code = nextCode()
    await importPass(t.db, w.actors.haikouOfficer, importProjects, importRows(PROJECTS, [project(code)]), NOW)
    expect(await refused(importDrawingReviews, importRows(DRAWING_REVIEWS, [review(code)]))).toEqual({
      2: [['整行', `项目 ${code} 尚未办理“合同备案”，不能办理施工图审查`]],
    })
    expect(await refused(importSupervisionFilings, importRows(SUPERVISION_FILINGS, [supervision(code)]))).toEqual({
      2: [['整行', `项目 ${code} 尚未办理“合同备案”、“施工图审查”，不能办理质量安全报监`]],
    })
    await importPass(t.db, w.actors.haikouOfficer, importContractFilings, importRows(CONTRACT_FILINGS, [contract(code)]), NOW)
    expect(await refused(importDrawingReviews, importRows(DRAWING_REVIEWS, [review(code, { passedOn: '2026-03-01' })]))).toEqual({
      2: [['审查通过日期', '不能早于合同备案日期 2026-03-05']],
    })
  })

  it('applies the forms’ other rules on the row’s columns', async () => {
    const code = nextCode()
    const other = nextCode()
    await throughStages(code)
    await importPasses(t.db, w.actors.haikouOfficer, [
      { handler: importProjects, rows: importRows(PROJECTS, [project(other)]) },
      { handler: importContractFilings, rows: importRows(CONTRACT_FILINGS, [contract(other)]) },
    ], NOW)
    expect(
      await refused(importContractFilings, importRows(CONTRACT_FILINGS, [contract(code, { partyRole: '监理', signedOn: '2026-03-09', filedOn: '2026-03-10' }), contract('46010020240399999')])),
    ).toEqual({
      2: [['承接单位统一社会信用代码', '该企业是设计单位，不是监理单位']],
      3: [['整行', '未找到项目']],
    })
    // another project's 审查合格书 number
    expect(await refused(importDrawingReviews, importRows(DRAWING_REVIEWS, [review(other, { certificateNumber: `SC${code.slice(-8)}` })]))).toEqual({
      2: [['审查合格书编号', '该审查合格书编号已登记']],
    })
  })

  it('refuses to change the earlier stages once the permit certificate exists, as the edit forms do; identical rows stay unchanged', async () => {
    const officer = w.actors.haikouOfficer
    const { projectCode: code } = await registerProject(t.db, officer, projectInput(), NOW)
    const s = stageInputs(code, w)
    await fileContract(t.db, officer, s.contractDesign, NOW)
    await fileContract(t.db, officer, s.contractBuild, NOW)
    await fileContract(t.db, officer, s.contractSupervise, NOW)
    await recordDrawingReview(t.db, officer, s.review, NOW)
    await fileSupervision(t.db, officer, s.supervision, NOW)
    await issuePermit(t.db, officer, RING, s.permit, NOW)
    const frozen = '施工许可证已签发，前序环节记录不能再修改；如需更正，请撤销或换发施工许可证并说明原因'
    expect(await refused(importContractFilings, importRows(CONTRACT_FILINGS, [contract(code, { contractPrice: '130' })]))).toEqual({ 2: [['整行', frozen]] })
    expect(await refused(importDrawingReviews, importRows(DRAWING_REVIEWS, [review(code, { certificateNumber: s.review.certificateNumber, issueCount: '1' })]))).toEqual({ 2: [['整行', frozen]] })
    expect(await refused(importSupervisionFilings, importRows(SUPERVISION_FILINGS, [supervision(code, { supervisionStation: '海南省建设工程质量安全监督总站' })]))).toEqual({
      2: [['整行', frozen]],
    })
    const same = await importPass(t.db, officer, importContractFilings, importRows(CONTRACT_FILINGS, [contract(code)]), NOW)
    expect(outcomes(same.results)).toEqual({ 2: 'unchanged' })
  })

  it('an officer of 三亚 cannot file or change a 海口 project’s stages', async () => {
    const code = nextCode()
    await throughStages(code)
    const sanya = w.actors.sanyaOfficer
    const notFound = { 2: [['整行', '未找到项目']], 3: [['整行', '未找到项目']] }
    expect(await refused(importContractFilings, importRows(CONTRACT_FILINGS, [contract(code), contract(code, { signedOn: '2026-03-04' })]), sanya)).toEqual(notFound)
    expect(await refused(importDrawingReviews, importRows(DRAWING_REVIEWS, [review(code), review(code, { issueCount: '1' })]), sanya)).toEqual(notFound)
    expect(await refused(importSupervisionFilings, importRows(SUPERVISION_FILINGS, [supervision(code), supervision(code, { filedOn: '2026-05-07' })]), sanya)).toEqual(notFound)
  })
})
