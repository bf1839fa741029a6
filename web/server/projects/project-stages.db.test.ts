// The back office's project use cases on both databases: the role × region matrix, the stage
// order, key personnel registered with the enterprise, the signed certificate verifying as genuine
// and valid (then revoked), and every change audited in its own transaction.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import type { Actor } from '@shared/staff/actor'
import { isValidPermitNumber, isValidProjectCode } from '@shared/validators/codes'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { createCertificatesRepository } from '@web/server/certificates/certificates-repository'
import { printedCode } from '@web/server/certificates/printed-code'
import { verifyScannedCode } from '@web/server/certificates/verify-certificate'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { reissueProjectCertificate, revokeProjectCertificate } from './change-project-certificate'
import { fileCompletion } from './file-completion'
import { fileContract } from './file-contract'
import { fileSupervision } from './file-supervision'
import { issuePermit } from './issue-permit'
import { recordDrawingReview } from './record-drawing-review'
import { registerProject } from './register-project'
import { createProjectWorld, HAIKOU, projectInput, SANYA, stageInputs, type ProjectWorld } from './testing/fixtures'
import { updateContract } from './update-contract'

// the audit store can be made to fail, to prove a change and its entry commit together
const audit = vi.hoisted(() => ({ fail: false }))
vi.mock('@web/server/audit/audit-log-repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@web/server/audit/audit-log-repository')>()
  return {
    ...actual,
    appendAuditEntry: async (...args: Parameters<typeof actual.appendAuditEntry>) => {
      if (audit.fail) throw new Error('audit store unavailable')
      return actual.appendAuditEntry(...args)
    },
  }
})

const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
const ORIGIN = 'https://portal.example.gov.cn'
const NOW = new Date('2026-07-01T03:00:00Z')

/** Row counts of everything a project write may touch. */
async function footprint(db: Db) {
  const [projects, contracts, reviews, supervisions, permits, completions, certificates, participants, keyPeople, audits] = await Promise.all([
    db.project.count(),
    db.contractFiling.count(),
    db.drawingReview.count(),
    db.supervisionFiling.count(),
    db.constructionPermit.count(),
    db.completionFiling.count(),
    db.certificate.count(),
    db.projectParticipant.count(),
    db.projectKeyPerson.count(),
    db.auditLog.count(),
  ])
  return { projects, contracts, reviews, supervisions, permits, completions, certificates, participants, keyPeople, audits }
}

describe.each(providers)('back-office projects and stages on %s', (provider) => {
  let t: TestDatabase
  let w: ProjectWorld
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    w = await createProjectWorld(t.db)
  })
  afterAll(async () => t?.drop())
  beforeEach(() => {
    audit.fail = false
  })

  /** expects the call to fail with `error` and to leave every table as it was */
  async function refusedUnchanged(call: () => Promise<unknown>, error: new (...args: never[]) => Error, message?: RegExp) {
    const before = await footprint(t.db)
    const failure = await call().then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(error)
    if (message) expect((failure as Error).message).toMatch(message)
    expect(await footprint(t.db)).toEqual(before)
    return failure as Error
  }

  /** a Haikou project carried through the given stages by the Haikou officer */
  async function projectThrough(stages: number): Promise<{ code: string; serial?: string }> {
    const { projectCode: code } = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
    const s = stageInputs(code, w)
    const officer = w.actors.haikouOfficer
    if (stages >= 1) {
      await fileContract(t.db, officer, s.contractDesign, NOW)
      await fileContract(t.db, officer, s.contractBuild, NOW)
      await fileContract(t.db, officer, s.contractSupervise, NOW)
    }
    if (stages >= 2) await recordDrawingReview(t.db, officer, s.review, NOW)
    if (stages >= 3) await fileSupervision(t.db, officer, s.supervision, NOW)
    if (stages >= 4) return { code, serial: (await issuePermit(t.db, officer, RING, s.permit, NOW)).serial }
    return { code }
  }

  it('registers a project with the next project code of its region and month, owner as participant, audited', async () => {
    const before = await t.db.auditLog.count()
    const a = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
    const b = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
    expect(isValidProjectCode(a.projectCode)).toBe(true)
    expect(a.projectCode.slice(0, 12)).toBe('460100202607')
    expect(Number(b.projectCode.slice(12))).toBe(Number(a.projectCode.slice(12)) + 1)
    const project = await t.db.project.findUniqueOrThrow({ where: { projectCode: a.projectCode }, include: { participants: true } })
    expect(project.participants.map((p) => p.role)).toEqual(['OWNER'])
    const entries = await t.db.auditLog.findMany({ where: { seq: { gt: 0 } }, orderBy: { seq: 'asc' }, skip: before })
    expect(entries.map((e) => [e.action, e.userId, e.clientIp])).toEqual([
      ['project.register', w.actors.haikouOfficer.userId, '203.0.113.7'],
      ['project.register', w.actors.haikouOfficer.userId, '203.0.113.7'],
    ])
  })

  it('registers for any region as the province, only its own region as a city officer, an unknown owner refused', async () => {
    const { projectCode } = await registerProject(t.db, w.actors.provinceOfficer, projectInput(SANYA), NOW)
    expect(projectCode.startsWith(SANYA)).toBe(true)
    const e = await refusedUnchanged(() => registerProject(t.db, w.actors.haikouOfficer, projectInput(SANYA), NOW), InputError)
    expect((e as InputError).fields).toEqual({ regionCode: '只能登记本地区的项目' })
    const unknown = await refusedUnchanged(() => registerProject(t.db, w.actors.haikouOfficer, { ...projectInput(), ownerUscc: '91460100MA5T00000X' }, NOW), InputError)
    expect(Object.keys((unknown as InputError).fields)).toEqual(['ownerUscc'])
  })

  it('answers bad input field by field in Chinese and writes nothing', async () => {
    const e = await refusedUnchanged(() => registerProject(t.db, w.actors.haikouOfficer, { ...projectInput(), name: '', investment: 'abc' }, NOW), InputError)
    expect((e as InputError).fields).toMatchObject({ name: '请填写项目名称', investment: expect.stringContaining('总投资应为数字') })
  })

  describe('role × region matrix', () => {
    let code: string
    let serial: string
    beforeAll(async () => {
      const p = await projectThrough(3)
      code = p.code
    })

    const denied: [string, keyof ProjectWorld['actors']][] = [
      ['reviewer', 'reviewer'],
      ['auditor', 'auditor'],
      ['administrator', 'admin'],
    ]
    it.each(denied)('a %s may not write anything (403, nothing written)', async (_, who) => {
      const actor = w.actors[who]
      const s = stageInputs(code, w)
      await refusedUnchanged(() => registerProject(t.db, actor, projectInput(), NOW), ForbiddenError)
      await refusedUnchanged(() => fileContract(t.db, actor, s.contractDesign, NOW), ForbiddenError)
      await refusedUnchanged(() => recordDrawingReview(t.db, actor, { ...s.review, certificateNumber: 'SC-X0000001' }, NOW), ForbiddenError)
      await refusedUnchanged(() => fileSupervision(t.db, actor, s.supervision, NOW), ForbiddenError)
      await refusedUnchanged(() => issuePermit(t.db, actor, RING, s.permit, NOW), ForbiddenError)
      await refusedUnchanged(() => fileCompletion(t.db, actor, RING, s.completion, NOW), ForbiddenError)
      await refusedUnchanged(() => revokeProjectCertificate(t.db, actor, { serial: 'P20264601000000011', reason: '测试撤销' }, NOW), ForbiddenError)
    })

    it("an officer of 三亚 gets 404 for every write to a 海口 project, and nothing is written", async () => {
      const sanya = w.actors.sanyaOfficer
      const s = stageInputs(code, w)
      await refusedUnchanged(() => fileContract(t.db, sanya, s.contractDesign, NOW), NotFoundError)
      await refusedUnchanged(() => recordDrawingReview(t.db, sanya, { ...s.review, certificateNumber: 'SC-X0000002' }, NOW), NotFoundError)
      await refusedUnchanged(() => fileSupervision(t.db, sanya, s.supervision, NOW), NotFoundError)
      await refusedUnchanged(() => issuePermit(t.db, sanya, RING, s.permit, NOW), NotFoundError)
      await refusedUnchanged(() => fileCompletion(t.db, sanya, RING, s.completion, NOW), NotFoundError)
      const contract = await t.db.contractFiling.findFirstOrThrow({ where: { project: { projectCode: code } } })
      await refusedUnchanged(() => updateContract(t.db, sanya, { ...s.contractDesign, id: contract.id, contractPrice: '1' }, NOW), NotFoundError)
    })

    it('the 海口 officer and the province officer may write; then 三亚 cannot revoke or re-issue its certificate', async () => {
      const s = stageInputs(code, w)
      serial = (await issuePermit(t.db, w.actors.haikouOfficer, RING, s.permit, NOW)).serial
      await refusedUnchanged(() => revokeProjectCertificate(t.db, w.actors.sanyaOfficer, { serial, reason: '越权撤销' }, NOW), NotFoundError)
      await refusedUnchanged(() => reissueProjectCertificate(t.db, w.actors.sanyaOfficer, RING, { serial, reason: '越权换发' }, NOW), NotFoundError)
      // the province acts for every region
      await fileCompletion(t.db, w.actors.provinceOfficer, RING, s.completion, NOW)
    })
  })

  describe('stage order', () => {
    it('refuses a permit before the earlier stages, naming what is missing', async () => {
      const { code } = await projectThrough(1)
      const e = await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, stageInputs(code, w).permit, NOW), ConflictError)
      expect(e.message).toContain('尚未办理“施工图审查”、“质量安全报监”，不能办理施工许可')
    })

    it('refuses a drawing review before any contract, and a review dated before the contract', async () => {
      const { projectCode: code } = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
      const s = stageInputs(code, w)
      await refusedUnchanged(() => recordDrawingReview(t.db, w.actors.haikouOfficer, s.review, NOW), ConflictError, /尚未办理“合同备案”/)
      await fileContract(t.db, w.actors.haikouOfficer, s.contractDesign, NOW)
      const e = await refusedUnchanged(() => recordDrawingReview(t.db, w.actors.haikouOfficer, { ...s.review, passedOn: '2026-03-01' }, NOW), InputError)
      expect((e as InputError).fields).toEqual({ passedOn: '不能早于合同备案日期 2026-03-05' })
    })

    it('refuses a completion filing before a permit', async () => {
      const { code } = await projectThrough(3)
      await refusedUnchanged(() => fileCompletion(t.db, w.actors.haikouOfficer, RING, stageInputs(code, w).completion, NOW), ConflictError, /没有有效的施工许可证，不能办理竣工验收备案/)
    })

    it('refuses a second active permit for the same project', async () => {
      const { code } = await projectThrough(4)
      await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, stageInputs(code, w).permit, NOW), ConflictError, /已有有效的施工许可证 \d{18}，不能重复核发/)
    })

    it('freezes the earlier stages once the permit certificate exists', async () => {
      const { code } = await projectThrough(4)
      const contract = await t.db.contractFiling.findFirstOrThrow({ where: { project: { projectCode: code }, partyRole: 'DESIGN' } })
      await refusedUnchanged(
        () => updateContract(t.db, w.actors.haikouOfficer, { ...stageInputs(code, w).contractDesign, id: contract.id, contractPrice: '130' }, NOW),
        ConflictError,
        /施工许可证已签发/,
      )
    })

    it('edits an earlier stage before the permit, audited with before and after', async () => {
      const { code } = await projectThrough(2)
      const contract = await t.db.contractFiling.findFirstOrThrow({ where: { project: { projectCode: code }, partyRole: 'DESIGN' } })
      await updateContract(t.db, w.actors.haikouOfficer, { ...stageInputs(code, w).contractDesign, id: contract.id, contractPrice: '130' }, NOW)
      expect((await t.db.contractFiling.findUniqueOrThrow({ where: { id: contract.id } })).contractPrice.toString()).toBe('130')
      const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: 'contract.update', entityId: contract.id } })
      expect(JSON.parse(entry.changes)).toMatchObject({ before: { contractPrice: '120.5' }, after: { contractPrice: 130 } })
    })
  })

  describe('key personnel', () => {
    it('refuses a project manager not registered with the contractor, and one whose registration expired', async () => {
      const { code } = await projectThrough(3)
      const s = stageInputs(code, w)
      const e = await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, { ...s.permit, projectManagerId: w.people.otherManager }, NOW), InputError)
      expect((e as InputError).fields).toEqual({ projectManagerId: expect.stringContaining('没有注册在海南建工集团有限公司的有效执业注册') })
      await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, { ...s.permit, projectManagerId: w.people.expiredManager }, NOW), InputError)
      const chief = await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, { ...s.permit, chiefSupervisorId: w.people.manager }, NOW), InputError)
      expect(Object.keys((chief as InputError).fields)).toEqual(['chiefSupervisorId'])
    })

    it('refuses a contractor that is not a participant of the project', async () => {
      const { projectCode: code } = await registerProject(t.db, w.actors.haikouOfficer, projectInput(), NOW)
      const s = stageInputs(code, w)
      await fileContract(t.db, w.actors.haikouOfficer, s.contractDesign, NOW)
      await recordDrawingReview(t.db, w.actors.haikouOfficer, s.review, NOW)
      await fileSupervision(t.db, w.actors.haikouOfficer, s.supervision, NOW)
      const e = await refusedUnchanged(() => issuePermit(t.db, w.actors.haikouOfficer, RING, s.permit, NOW), InputError)
      expect(Object.keys((e as InputError).fields)).toEqual(['contractorUscc'])
    })
  })

  describe('certificates', () => {
    const verify = (db: Db, url: string) =>
      verifyScannedCode(url, NOW, { publicKeys: RING.publicKeys, origin: ORIGIN, findCertificateBySerial: createCertificatesRepository(db).findCertificateBySerial })
    async function urlOf(serial: string) {
      const code = printedCode((await createCertificatesRepository(t.db).findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
      if (!code.ok) throw new Error(code.problem)
      return code.url
    }

    it('a permit issues a certificate that verifies genuine and VALID; revoked, it verifies REVOKED', async () => {
      const before = await t.db.auditLog.count()
      const { code, serial } = await projectThrough(4)
      const permit = await t.db.constructionPermit.findFirstOrThrow({ where: { project: { projectCode: code } }, include: { certificate: true } })
      expect(isValidPermitNumber(permit.permitNumber)).toBe(true)
      expect(permit.certificate).toMatchObject({ serial, status: 'VALID', keyId: '1', projectCode: code })
      const url = await urlOf(serial!)
      expect(await verify(t.db, url)).toMatchObject({ valid: true, genuine: true, status: 'VALID' })
      // register + 3 contracts + review + supervision + permit: one entry each
      expect((await t.db.auditLog.count()) - before).toBe(7)
      const keyPeople = await t.db.projectKeyPerson.findMany({ where: { project: { projectCode: code } }, select: { role: true } })
      expect(keyPeople.map((k) => k.role).sort()).toEqual(['CHIEF_SUPERVISOR', 'PROJECT_MANAGER'])

      await revokeProjectCertificate(t.db, w.actors.haikouOfficer, { serial: serial!, reason: '以欺骗手段取得施工许可' }, NOW)
      expect(await verify(t.db, url)).toMatchObject({ valid: false, genuine: true, status: 'REVOKED' })
      await refusedUnchanged(() => revokeProjectCertificate(t.db, w.actors.haikouOfficer, { serial: serial!, reason: '再次撤销' }, NOW), ConflictError, /已撤销/)
      expect(await verifyAuditChain(t.db)).toBeNull()
    })

    it('re-issues with a reason: old code SUPERSEDED, the new one VALID; a completion filing issues its own', async () => {
      const { code, serial } = await projectThrough(4)
      const oldUrl = await urlOf(serial!)
      const replacement = await reissueProjectCertificate(t.db, w.actors.haikouOfficer, RING, { serial: serial!, reason: '建设单位名称变更' }, NOW)
      expect(await verify(t.db, oldUrl)).toMatchObject({ genuine: true, status: 'SUPERSEDED' })
      expect(await verify(t.db, await urlOf(replacement))).toMatchObject({ valid: true, status: 'VALID' })
      const filed = await fileCompletion(t.db, w.actors.haikouOfficer, RING, stageInputs(code, w).completion, NOW)
      expect(await verify(t.db, await urlOf(filed.serial))).toMatchObject({ valid: true, status: 'VALID' })
      await refusedUnchanged(() => fileCompletion(t.db, w.actors.haikouOfficer, RING, stageInputs(code, w).completion, NOW), ConflictError, /已办理竣工验收备案/)
    })

    it('refuses a permit when this server holds no signing key, writing nothing', async () => {
      const { code } = await projectThrough(3)
      const verifyOnly = { ...RING, active: null }
      const before = await footprint(t.db)
      await expect(issuePermit(t.db, w.actors.haikouOfficer, verifyOnly, stageInputs(code, w).permit, NOW)).rejects.toThrow(/签名私钥/)
      expect(await footprint(t.db)).toEqual(before)
    })
  })

  describe('audit in the same transaction', () => {
    it('a failing audit insert leaves nothing of the change, for every use case', async () => {
      const { code } = await projectThrough(3)
      const s = stageInputs(code, w)
      const officer: Actor = w.actors.haikouOfficer
      audit.fail = true
      await refusedUnchanged(() => registerProject(t.db, officer, projectInput(), NOW), Error, /audit store unavailable/)
      await refusedUnchanged(() => fileContract(t.db, officer, s.contractDesign, NOW), Error, /audit store unavailable/)
      await refusedUnchanged(() => recordDrawingReview(t.db, officer, { ...s.review, certificateNumber: 'SC-AUDIT0001' }, NOW), Error, /audit store unavailable/)
      await refusedUnchanged(() => fileSupervision(t.db, officer, s.supervision, NOW), Error, /audit store unavailable/)
      await refusedUnchanged(() => issuePermit(t.db, officer, RING, s.permit, NOW), Error, /audit store unavailable/)
      audit.fail = false
      const { serial } = await issuePermit(t.db, officer, RING, s.permit, NOW)
      audit.fail = true
      await refusedUnchanged(() => fileCompletion(t.db, officer, RING, s.completion, NOW), Error, /audit store unavailable/)
      await refusedUnchanged(() => revokeProjectCertificate(t.db, officer, { serial, reason: '审计失败测试' }, NOW), Error, /audit store unavailable/)
      audit.fail = false
      expect((await t.db.certificate.findUniqueOrThrow({ where: { serial } })).status).toBe('VALID')
    })
  })
})

void HAIKOU
