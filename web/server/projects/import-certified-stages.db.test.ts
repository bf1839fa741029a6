// The import handlers of the two certified stages (施工许可, 竣工验收备案) on both databases: a
// historical permit or filing keeps its own number and day, passes the stage order and the checks of
// whom it names on that day, and gets the platform's certificate, issued and signed today, that
// verifies genuine and valid; a second identical pass is all 'unchanged' and writes nothing; a row
// that differs is a correction (certificate superseded and re-signed, the reason naming the file),
// refused for a revoked record as the correction forms refuse it; the numbers' layout, region,
// category, day and uniqueness on their columns; an officer of 三亚 unable to touch 海口's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import { COMPLETION_FILINGS, CONSTRUCTION_PERMITS, CONTRACT_FILINGS, DRAWING_REVIEWS, PROJECTS, SUPERVISION_FILINGS } from '@shared/import/project-kinds'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { createCertificatesRepository } from '@web/server/certificates/certificates-repository'
import { nodeVerifySignature } from '@web/server/certificates/node-signature-verifier'
import { printedCode } from '@web/server/certificates/printed-code'
import { verifyScannedCode } from '@web/server/certificates/verify-certificate'
import { revokeProjectCertificate } from './change-project-certificate'
import { fileContract } from './file-contract'
import { fileSupervision } from './file-supervision'
import { createCompletionFilingsImport } from './import-completion-filings'
import { createConstructionPermitsImport } from './import-construction-permits'
import { importContractFilings } from './import-contract-filings'
import { importDrawingReviews } from './import-drawing-reviews'
import { importProjects } from './import-projects'
import { importSupervisionFilings } from './import-supervision-filings'
import { recordDrawingReview } from './record-drawing-review'
import { registerProject } from './register-project'
import { createProjectWorld, importPass, importPasses, importRows, outcomes, projectInput, stageInputs, USCC, type ImportCells, type ProjectWorld } from './testing/fixtures'

const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
const ORIGIN = 'https://portal.example.gov.cn'
/** 2026-07-01 in China: the import runs today, the permits and filings it brings are older */
const NOW = new Date('2026-07-01T03:00:00Z')
const FILE = '施工许可证台账2026.xlsx'

const importPermits = createConstructionPermitsImport(RING)
// the engine hands its setting over as a function, read when a batch first needs the keys
const importCompletions = createCompletionFilingsImport(() => RING)

async function footprint(db: Db) {
  const [permits, completions, certificates, keyPeople, audits] = await Promise.all([
    db.constructionPermit.findMany({ orderBy: { id: 'asc' } }),
    db.completionFiling.findMany({ orderBy: { id: 'asc' } }),
    db.certificate.findMany({ orderBy: { id: 'asc' } }),
    db.projectKeyPerson.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
  ])
  return { permits, completions, certificates, keyPeople, audits }
}

describe.each(providers)('permit and completion filing import on %s', (provider) => {
  let t: TestDatabase
  let w: ProjectWorld
  /** practising registration numbers of the world's people */
  let reg: Record<keyof ProjectWorld['people'], string>
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    w = await createProjectWorld(t.db)
    const numberOf = async (personId: string) => (await t.db.registration.findFirstOrThrow({ where: { personId } })).number
    reg = {
      manager: await numberOf(w.people.manager),
      chief: await numberOf(w.people.chief),
      otherManager: await numberOf(w.people.otherManager),
      expiredManager: await numberOf(w.people.expiredManager),
      secondManager: await numberOf(w.people.secondManager),
    }
  })
  afterAll(async () => t?.drop())

  const permit = (projectCode: string, permitNumber: string, cells: ImportCells = {}): ImportCells => ({
    permitNumber,
    issuedOn: `${permitNumber.slice(6, 10)}-${permitNumber.slice(10, 12)}-${permitNumber.slice(12, 14)}`,
    projectCode,
    scale: '地上18层 地下2层',
    floorArea: '32000',
    contractPrice: '8800',
    plannedStartOn: '2026-06-15',
    plannedEndOn: '2028-06-30',
    contractorUscc: USCC.contractor,
    supervisorUscc: USCC.supervisor,
    projectManagerRegistrationNumber: reg.manager,
    chiefSupervisorRegistrationNumber: reg.chief,
    ...cells,
  })
  const completion = (projectCode: string, filingNumber: string, cells: ImportCells = {}): ImportCells => ({
    filingNumber,
    filedOn: `${filingNumber.slice(8, 12)}-${filingNumber.slice(12, 14)}-${filingNumber.slice(14, 16)}`,
    projectCode,
    acceptedOn: '2026-06-18',
    actualCost: '9100',
    actualArea: '32100',
    ...cells,
  })

  /** a 海口 project with its first three stages on record (the forms' stage days, up to 2026-05-06) */
  async function throughSupervision() {
    const officer = w.actors.haikouOfficer
    const { projectCode: code } = await registerProject(t.db, officer, projectInput(), NOW)
    const s = stageInputs(code, w)
    await fileContract(t.db, officer, s.contractDesign, NOW)
    await fileContract(t.db, officer, s.contractBuild, NOW)
    await fileContract(t.db, officer, s.contractSupervise, NOW)
    await recordDrawingReview(t.db, officer, s.review, NOW)
    await fileSupervision(t.db, officer, s.supervision, NOW)
    return code
  }

  /** the permits of the day 2026-06-10 in 海口 are numbered by the caller: one sequence per test */
  let sequence = 0
  const permitNumber = (day = '20260610', category = '01') => `460100${day}${String(++sequence).padStart(2, '0')}${category}`
  const filingNumber = (day = '20260620') => `JB460100${day}${String(++sequence).padStart(2, '0')}01`

  const records = () => createCertificatesRepository(t.db)
  async function urlOf(serial: string) {
    const code = printedCode((await records().findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
    if (!code.ok) throw new Error(code.problem)
    return code.url
  }
  // Node's OpenSSL checks the signatures, not the portal's own Ed25519 code that signed them
  const verify = async (serial: string) =>
    verifyScannedCode(await urlOf(serial), NOW, {
      publicKeys: RING.publicKeys,
      origin: ORIGIN,
      findCertificateBySerial: records().findCertificateBySerial,
      signatureVerifier: nodeVerifySignature,
    })

  /** every row refused, and nothing written */
  async function refused(handler: Parameters<typeof importPass>[2], rows: ReturnType<typeof importRows>, actor = w.actors.haikouOfficer) {
    const before = await footprint(t.db)
    const { results, audit } = await importPass(t.db, actor, handler, rows, NOW, FILE)
    expect(results.every((r) => 'problems' in r)).toBe(true)
    expect(audit).toEqual([])
    expect(await footprint(t.db)).toEqual(before)
    return outcomes(results)
  }

  describe('permits', () => {
    it('keep their own number and issue day; the certificate is issued today and verifies genuine and valid; audited; a second pass changes nothing', async () => {
      const code = await throughSupervision()
      const number = permitNumber()
      const rows = importRows(CONSTRUCTION_PERMITS, [permit(code, number, { projectManagerRegistrationNumber: ` ${reg.manager.replace('琼', '琼 ')} ` })])
      const first = await importPass(t.db, w.actors.haikouOfficer, importPermits, rows, NOW, FILE)
      expect(outcomes(first.results)).toEqual({ 2: 'create' })

      const row = await t.db.constructionPermit.findUniqueOrThrow({ where: { permitNumber: number }, include: { certificate: true } })
      expect(row).toMatchObject({ regionCode: '460100', authorityId: w.authorities.haikou, projectManagerId: w.people.manager, chiefSupervisorId: w.people.chief, status: 'ACTIVE' })
      expect(row.issuedOn.toISOString().slice(0, 10)).toBe('2026-06-10')
      const certificate = row.certificate!
      expect(certificate).toMatchObject({ type: 'CONSTRUCTION_PERMIT', status: 'VALID', keyId: '1', projectCode: code, holderUscc: USCC.owner })
      expect(certificate.issuedOn.toISOString().slice(0, 10)).toBe('2026-07-01')
      expect(await verify(certificate.serial)).toMatchObject({ valid: true, genuine: true, status: 'VALID', certificate: { serial: certificate.serial, issuedOn: '2026-07-01', documentNumber: number } })
      expect((await records().findCertificateBySerial(certificate.serial))?.facts).toMatchObject({ permitNumber: number, contractPrice: '8800', plannedStartOn: '2026-06-15' })
      const keyPeople = await t.db.projectKeyPerson.findMany({ where: { project: { projectCode: code } }, select: { role: true, personId: true } })
      expect(keyPeople.sort((x, y) => x.role.localeCompare(y.role))).toEqual([
        { role: 'CHIEF_SUPERVISOR', personId: w.people.chief },
        { role: 'PROJECT_MANAGER', personId: w.people.manager },
      ])
      expect(first.audit).toHaveLength(1)
      expect(first.audit[0]).toMatchObject({ action: 'permit.issue', entity: 'ConstructionPermit', entityId: row.id, userId: w.actors.haikouOfficer.userId })
      expect(first.audit[0].changes).toMatchObject({
        before: null,
        after: { permitNumber: number, issuedOn: '2026-06-10', projectManager: reg.manager, chiefSupervisor: reg.chief, certificate: { serial: certificate.serial, keyId: 1 } },
      })
      expect(await verifyAuditChain(t.db)).toBeNull()

      const before = await footprint(t.db)
      const second = await importPass(t.db, w.actors.haikouOfficer, importPermits, rows, NOW, FILE)
      expect(outcomes(second.results)).toEqual({ 2: 'unchanged' })
      expect(second.audit).toEqual([])
      expect(await footprint(t.db)).toEqual(before)
    })

    it('a whole history in one pass: the project, its stages and its permit, whose people are checked on the issue day', async () => {
      const code = '46010020200100001'
      const number = permitNumber('20200610')
      const passes = await importPasses(
        t.db,
        w.actors.haikouOfficer,
        [
          { handler: importProjects, rows: importRows(PROJECTS, [{ projectCode: code, name: '海口市秀英区港湾小学综合楼', address: '海口市秀英区滨海大道 88 号', regionCode: '460100', category: '房屋建筑工程', floorArea: '12000', investment: '6000', ownerUscc: USCC.owner }]) },
          {
            handler: importContractFilings,
            rows: importRows(CONTRACT_FILINGS, [
              { projectCode: code, partyRole: '施工', partyUscc: USCC.contractor, contractPrice: '5200', signedOn: '2020-02-10', filedOn: '2020-02-12' },
              { projectCode: code, partyRole: '监理', partyUscc: USCC.supervisor, contractPrice: '90', signedOn: '2020-02-10', filedOn: '2020-02-12' },
            ]),
          },
          { handler: importDrawingReviews, rows: importRows(DRAWING_REVIEWS, [{ projectCode: code, certificateNumber: 'HNSC2020030101', reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: '4', passedOn: '2020-03-01' }]) },
          { handler: importSupervisionFilings, rows: importRows(SUPERVISION_FILINGS, [{ projectCode: code, supervisionStation: '海口市建设工程质量安全监督站', filedOn: '2020-05-20' }]) },
          // the 项目经理's registration ran out at the end of 2020: valid when the permit named him
          {
            handler: importPermits,
            rows: importRows(CONSTRUCTION_PERMITS, [permit(code, number, { plannedStartOn: '2020-06-20', plannedEndOn: '2021-12-31', projectManagerRegistrationNumber: reg.expiredManager })]),
          },
          { handler: importCompletions, rows: importRows(COMPLETION_FILINGS, [completion(code, filingNumber('20220115'), { acceptedOn: '2022-01-05' })]) },
        ],
        NOW,
        FILE,
      )
      expect(passes.map((p) => outcomes(p.results))).toEqual([{ 2: 'create' }, { 2: 'create', 3: 'create' }, { 2: 'create' }, { 2: 'create' }, { 2: 'create' }, { 2: 'create' }])
      const serials = await t.db.certificate.findMany({ where: { projectCode: code }, select: { serial: true } })
      expect(serials).toHaveLength(2)
      for (const { serial } of serials) expect(await verify(serial)).toMatchObject({ valid: true, genuine: true })
    })

    it('a row that differs corrects the permit: the certificate superseded and re-signed over the new facts, the reason naming the file', async () => {
      const code = await throughSupervision()
      const number = permitNumber()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, number)]), NOW, FILE)
      const old = (await t.db.constructionPermit.findUniqueOrThrow({ where: { permitNumber: number }, include: { certificate: true } })).certificate!
      const corrected = await importPass(
        t.db,
        w.actors.haikouOfficer,
        importPermits,
        importRows(CONSTRUCTION_PERMITS, [permit(code, number, { contractPrice: '9000', projectManagerRegistrationNumber: reg.secondManager })]),
        NOW,
        FILE,
      )
      expect(outcomes(corrected.results)).toEqual({ 2: 'change' })
      const row = await t.db.constructionPermit.findUniqueOrThrow({ where: { permitNumber: number }, include: { certificate: true } })
      expect(row.contractPrice.toString()).toBe('9000')
      expect(row).toMatchObject({ projectManagerId: w.people.secondManager, status: 'ACTIVE' })
      expect(row.issuedOn.toISOString().slice(0, 10)).toBe('2026-06-10')
      const reason = `批量导入更正（文件：${FILE}）`
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial: old.serial } })).toMatchObject({ status: 'SUPERSEDED', statusReason: reason, supersededById: row.certificate!.id })
      expect(await verify(row.certificate!.serial)).toMatchObject({ valid: true, genuine: true, status: 'VALID' })
      expect((await records().findCertificateBySerial(row.certificate!.serial))?.facts).toMatchObject({ permitNumber: number, contractPrice: '9000' })
      expect(corrected.audit).toHaveLength(1)
      expect(corrected.audit[0]).toMatchObject({
        action: 'permit.correct',
        entityId: row.id,
        changes: { reason, before: { contractPrice: '8800', projectManagerId: w.people.manager }, certificate: { superseded: old.serial, serial: row.certificate!.serial } },
      })
    })

    it('a revoked permit: a differing row is refused as the correction form refuses it; the same row stays unchanged', async () => {
      const code = await throughSupervision()
      const number = permitNumber()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, number)]), NOW, FILE)
      const { certificate } = await t.db.constructionPermit.findUniqueOrThrow({ where: { permitNumber: number }, include: { certificate: true } })
      await revokeProjectCertificate(t.db, w.actors.haikouOfficer, { serial: certificate!.serial, reason: '以欺骗手段取得施工许可' }, NOW)
      expect(await refused(importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, number, { scale: '地上20层 地下2层' })]))).toEqual({
        2: [['整行', `施工许可证 ${number} 当前状态为“已撤销”，只有有效的记录才能更正并换发证书`]],
      })
      expect(outcomes((await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, number)]), NOW, FILE)).results)).toEqual({
        2: 'unchanged',
      })
    })

    it('keeps the stage order on the historical day, with the form’s messages', async () => {
      const officer = w.actors.haikouOfficer
      const { projectCode: code } = await registerProject(t.db, officer, projectInput(), NOW)
      await fileContract(t.db, officer, stageInputs(code, w).contractBuild, NOW)
      expect(await refused(importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, permitNumber())]))).toEqual({
        2: [['整行', `项目 ${code} 尚未办理“施工图审查”、“质量安全报监”，不能办理施工许可`]],
      })
      const ready = await throughSupervision()
      expect(await refused(importPermits, importRows(CONSTRUCTION_PERMITS, [permit(ready, permitNumber('20260501'))]))).toEqual({
        2: [['发证日期', '不能早于质量安全报监日期 2026-05-06']],
      })
    })

    it('checks the given number and day: layout, region, category, not in the future, free; and whom it names, on their columns', async () => {
      const code = await throughSupervision()
      const other = await throughSupervision()
      const taken = permitNumber()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(other, taken)]), NOW, FILE)
      expect(
        await refused(
          importPermits,
          importRows(CONSTRUCTION_PERMITS, [
            permit(code, permitNumber('20260702')),
            permit(code, `460200202606109901`),
            permit(code, permitNumber('20260610', '02')),
            permit(code, taken),
            permit(code, permitNumber(), { issuedOn: '2026-06-11' }),
            permit(code, permitNumber(), { projectManagerRegistrationNumber: '琼999999999' }),
            permit(code, permitNumber(), { projectManagerRegistrationNumber: reg.otherManager }),
            permit(code, permitNumber(), { chiefSupervisorRegistrationNumber: '' }),
          ]),
        ),
      ).toEqual({
        2: [['发证日期', '发证日期不能晚于今天']],
        3: [['施工许可证编号', '施工许可证编号中的行政区划码（460200）与项目所在地区（460100）不一致']],
        4: [['施工许可证编号', '施工许可证编号末两位工程类别（02 市政基础设施工程）与项目的工程类别（房屋建筑工程）不一致']],
        5: [['项目编码', `施工许可证 ${taken} 是项目 ${other} 的许可证，不能登记到其他项目`]],
        6: [['发证日期', `发证日期应与施工许可证编号中的日期（2026-06-10）一致`]],
        7: [['项目经理执业注册编号', '平台上没有该执业注册编号，请先登记该人员及其执业注册']],
        8: [['项目经理执业注册编号', '所选项目经理没有注册在海南建工集团有限公司的有效执业注册，请从该企业的注册人员中选择']],
        9: [['总监理工程师执业注册编号', '有监理单位时请选择总监理工程师']],
      })
    })

    it('an officer of 三亚 can neither issue for a 海口 project nor touch a 海口 permit', async () => {
      const code = await throughSupervision()
      const number = permitNumber()
      const fresh = await throughSupervision()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, number)]), NOW, FILE)
      expect(
        await refused(importPermits, importRows(CONSTRUCTION_PERMITS, [permit(fresh, permitNumber()), permit(code, number), permit(code, number, { contractPrice: '1' })]), w.actors.sanyaOfficer),
      ).toEqual({
        2: [['整行', '未找到项目']],
        3: [['整行', '未找到施工许可证']],
        4: [['整行', '未找到施工许可证']],
      })
    })
  })

  describe('completion filings', () => {
    it('refused before a permit, with the form’s message', async () => {
      const code = await throughSupervision()
      expect(await refused(importCompletions, importRows(COMPLETION_FILINGS, [completion(code, filingNumber())]))).toEqual({
        2: [['整行', `项目 ${code} 没有有效的施工许可证，不能办理竣工验收备案`]],
      })
    })

    it('keep their own number and filing day, get a certificate that verifies; a second pass changes nothing; a differing row is a correction, not 三亚’s to make', async () => {
      const code = await throughSupervision()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, permitNumber())]), NOW, FILE)
      const number = filingNumber()
      const rows = importRows(COMPLETION_FILINGS, [completion(code, number)])
      const first = await importPass(t.db, w.actors.haikouOfficer, importCompletions, rows, NOW, FILE)
      expect(outcomes(first.results)).toEqual({ 2: 'create' })
      const filing = await t.db.completionFiling.findUniqueOrThrow({ where: { filingNumber: number }, include: { certificate: true } })
      expect([filing.filedOn, filing.acceptedOn].map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-06-20', '2026-06-18'])
      expect(filing.certificate!.issuedOn.toISOString().slice(0, 10)).toBe('2026-07-01')
      expect(await verify(filing.certificate!.serial)).toMatchObject({ valid: true, genuine: true, certificate: { documentNumber: number } })
      expect(first.audit[0]).toMatchObject({ action: 'completion.file', entityId: filing.id, changes: { after: { filingNumber: number, filedOn: '2026-06-20' } } })

      const before = await footprint(t.db)
      const second = await importPass(t.db, w.actors.haikouOfficer, importCompletions, rows, NOW, FILE)
      expect(outcomes(second.results)).toEqual({ 2: 'unchanged' })
      expect(await footprint(t.db)).toEqual(before)

      const corrected = await importPass(t.db, w.actors.haikouOfficer, importCompletions, importRows(COMPLETION_FILINGS, [completion(code, number, { actualCost: '9150.5', actualArea: '' })]), NOW, FILE)
      expect(outcomes(corrected.results)).toEqual({ 2: 'change' })
      const after = await t.db.completionFiling.findUniqueOrThrow({ where: { filingNumber: number }, include: { certificate: true } })
      expect([after.actualCost.toString(), after.actualArea]).toEqual(['9150.5', null])
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial: filing.certificate!.serial } })).toMatchObject({ status: 'SUPERSEDED', statusReason: `批量导入更正（文件：${FILE}）` })
      expect(await verify(after.certificate!.serial)).toMatchObject({ valid: true, genuine: true })
      expect(corrected.audit[0]).toMatchObject({ action: 'completion.correct', entityId: filing.id })
      // another region's filing answers as the correction form does
      expect(await refused(importCompletions, importRows(COMPLETION_FILINGS, [completion(code, number, { actualCost: '9150.5', actualArea: '' })]), w.actors.sanyaOfficer)).toEqual({
        2: [['整行', '未找到竣工验收备案']],
      })
    })

    it('checks the days against the permit and today, on their columns; 三亚 cannot file for 海口', async () => {
      const code = await throughSupervision()
      await importPass(t.db, w.actors.haikouOfficer, importPermits, importRows(CONSTRUCTION_PERMITS, [permit(code, permitNumber())]), NOW, FILE)
      expect(
        await refused(
          importCompletions,
          importRows(COMPLETION_FILINGS, [
            completion(code, filingNumber('20260605'), { acceptedOn: '2026-06-01' }),
            completion(code, filingNumber(), { acceptedOn: '2026-06-05' }),
            completion(code, filingNumber('20260705'), { acceptedOn: '2026-06-30' }),
            completion(code, filingNumber(), { acceptedOn: '2026-06-25' }),
          ]),
        ),
      ).toEqual({
        2: [['备案日期', '不能早于施工许可日期 2026-06-10']],
        3: [['竣工验收日期', '竣工验收日期不能早于施工许可日期 2026-06-10']],
        4: [['备案日期', '备案日期不能晚于今天']],
        5: [['备案日期', '备案日期不能早于竣工验收日期']],
      })
      expect(await refused(importCompletions, importRows(COMPLETION_FILINGS, [completion(code, filingNumber())]), w.actors.sanyaOfficer)).toEqual({ 2: [['整行', '未找到项目']] })
    })
  })
})
