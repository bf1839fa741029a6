// Correcting an issued permit (施工许可变更) or completion filing on both databases: the row
// changes, the old certificate is SUPERSEDED and points to a new one that verifies genuine over the
// corrected facts, with one audit entry; every refusal (another region, a role without the
// permission, bad input, a revoked permit, no signing key, a failing audit insert) writes nothing;
// a correction racing a revocation of the same certificate lets exactly one of them win.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb, type Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, NoSigningKeyError, parseKeyFile } from '@shared/certificates/key-file'
import { isValidCertificateSerial } from '@shared/validators/codes'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { createCertificatesRepository } from '@web/server/certificates/certificates-repository'
import { nodeVerifySignature } from '@web/server/certificates/node-signature-verifier'
import { printedCode } from '@web/server/certificates/printed-code'
import { verifyScannedCode } from '@web/server/certificates/verify-certificate'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { revokeProjectCertificate } from './change-project-certificate'
import { correctCompletionFiling } from './correct-completion-filing'
import { correctPermit } from './correct-permit'
import { fileCompletion } from './file-completion'
import { fileContract } from './file-contract'
import { fileSupervision } from './file-supervision'
import { issuePermit } from './issue-permit'
import { recordDrawingReview } from './record-drawing-review'
import { registerProject } from './register-project'
import { createProjectWorld, projectInput, stageInputs, USCC, type ProjectWorld } from './testing/fixtures'

// the audit store can be made to fail, to prove a correction and its entry commit together
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
/** the permit and the completion filing are issued on 2026-07-01 (China) */
const NOW = new Date('2026-07-01T03:00:00Z')
/** the corrections are made later, on 2026-09-01 (China) */
const LATER = new Date('2026-09-01T03:00:00Z')

async function footprint(db: Db) {
  const [permits, completions, certificates, keyPeople, audits, validCertificates] = await Promise.all([
    db.constructionPermit.findMany({ orderBy: { id: 'asc' } }),
    db.completionFiling.findMany({ orderBy: { id: 'asc' } }),
    db.certificate.count(),
    db.projectKeyPerson.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
    db.certificate.findMany({ where: { status: 'VALID' }, select: { serial: true }, orderBy: { serial: 'asc' } }),
  ])
  return { permits, completions, certificates, keyPeople, audits, validCertificates }
}

describe.each(providers)('correcting an issued permit or completion filing on %s', (provider) => {
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

  /** expects the call to fail with `error` and to leave every row a correction touches as it was */
  async function refusedUnchanged(call: () => Promise<unknown>, error: abstract new (...args: never[]) => Error, message?: RegExp) {
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

  /** a 海口 project with an issued permit (and, if asked, a completion filing) */
  async function permitted(withCompletion = false) {
    const officer = w.actors.haikouOfficer
    const { projectCode: code } = await registerProject(t.db, officer, projectInput(), NOW)
    const s = stageInputs(code, w)
    await fileContract(t.db, officer, s.contractDesign, NOW)
    await fileContract(t.db, officer, s.contractBuild, NOW)
    await fileContract(t.db, officer, s.contractSupervise, NOW)
    await recordDrawingReview(t.db, officer, s.review, NOW)
    await fileSupervision(t.db, officer, s.supervision, NOW)
    const permit = await issuePermit(t.db, officer, RING, s.permit, NOW)
    const completion = withCompletion ? await fileCompletion(t.db, officer, RING, s.completion, NOW) : null
    // the correcting form's values: the permit as issued, without its project
    const { projectCode: _, ...issued } = s.permit
    return { code, permit, completion, issued }
  }

  const records = () => createCertificatesRepository(t.db)
  async function urlOf(serial: string) {
    const code = printedCode((await records().findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
    if (!code.ok) throw new Error(code.problem)
    return code.url
  }
  // Node's OpenSSL checks the signatures, not the portal's own Ed25519 code that signed them
  const verify = (db: Db, url: string) =>
    verifyScannedCode(url, LATER, {
      publicKeys: RING.publicKeys,
      origin: ORIGIN,
      findCertificateBySerial: createCertificatesRepository(db).findCertificateBySerial,
      signatureVerifier: nodeVerifySignature,
    })
  const lastSeq = async () => (await t.db.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0
  const entriesAfter = (seq: number) => t.db.auditLog.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: 'asc' } })

  describe('a permit', () => {
    it('is corrected: the row changes, the old certificate is superseded by a new one signed over the corrected facts, one audit entry', async () => {
      const { code, permit, issued } = await permitted()
      const oldUrl = await urlOf(permit.serial)
      const seq = await lastSeq()
      const reason = '合同价格和计划竣工日期登记有误，项目经理变更'
      const newSerial = await correctPermit(
        t.db,
        w.actors.haikouOfficer,
        RING,
        { ...issued, permitId: permit.id, contractPrice: '9000', plannedEndOn: '2028-12-31', floorArea: '', projectManagerId: w.people.secondManager, reason },
        LATER,
      )
      expect(isValidCertificateSerial(newSerial)).toBe(true)
      expect(newSerial).not.toBe(permit.serial)

      const row = await t.db.constructionPermit.findUniqueOrThrow({ where: { id: permit.id } })
      expect(row.contractPrice.toString()).toBe('9000')
      expect(row.plannedEndOn.toISOString().slice(0, 10)).toBe('2028-12-31')
      expect(row).toMatchObject({ floorArea: null, projectManagerId: w.people.secondManager, chiefSupervisorId: w.people.chief, status: 'ACTIVE', permitNumber: permit.permitNumber })

      const replacement = await t.db.certificate.findUniqueOrThrow({ where: { serial: newSerial } })
      expect(replacement).toMatchObject({ status: 'VALID', permitId: permit.id, keyId: '1', projectCode: code })
      expect(replacement.issuedOn.toISOString().slice(0, 10)).toBe('2026-09-01')
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial: permit.serial } })).toMatchObject({
        status: 'SUPERSEDED',
        statusReason: reason,
        supersededById: replacement.id,
        permitId: null,
      })

      // the new code verifies genuine and VALID, and what it certifies is the corrected permit
      expect(await verify(t.db, await urlOf(newSerial))).toMatchObject({ valid: true, genuine: true, status: 'VALID', certificate: { serial: newSerial, issuedOn: '2026-09-01' } })
      expect((await records().findCertificateBySerial(newSerial))?.facts).toMatchObject({
        permitNumber: permit.permitNumber,
        contractPrice: '9000',
        plannedStartOn: '2026-07-15',
        plannedEndOn: '2028-12-31',
        floorArea: null,
        contractorName: '海南建工集团有限公司',
      })
      // the code printed before the correction is still genuine, and says it was replaced
      expect(await verify(t.db, oldUrl)).toMatchObject({ valid: false, genuine: true, status: 'SUPERSEDED', certificate: { statusReason: reason } })

      const entries = await entriesAfter(seq)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'permit.correct', entity: 'ConstructionPermit', entityId: permit.id, userId: w.actors.haikouOfficer.userId })
      expect(JSON.parse(entries[0].changes)).toMatchObject({
        reason,
        before: { contractPrice: '8800', plannedEndOn: '2028-06-30', floorArea: 32000, projectManagerId: w.people.manager },
        after: { contractPrice: 9000, plannedEndOn: '2028-12-31', floorArea: null, projectManagerId: w.people.secondManager },
        certificate: { superseded: permit.serial, serial: newSerial, keyId: 1 },
      })
      expect(await verifyAuditChain(t.db)).toBeNull()

      // the replaced manager is no key person of the project any more; the chief supervisor stays
      const keyPeople = await t.db.projectKeyPerson.findMany({ where: { project: { projectCode: code } }, select: { role: true, personId: true } })
      // sorted here: the databases order an enum column differently (by name, by declaration)
      expect(keyPeople.sort((x, y) => x.role.localeCompare(y.role))).toEqual([
        { role: 'CHIEF_SUPERVISOR', personId: w.people.chief },
        { role: 'PROJECT_MANAGER', personId: w.people.secondManager },
      ])
    })

    it('may name another contractor of the project with its own manager, and be corrected again', async () => {
      const { code, permit, issued } = await permitted()
      await fileContract(t.db, w.actors.haikouOfficer, { ...stageInputs(code, w).contractBuild, partyUscc: USCC.otherContractor }, NOW)
      const first = await correctPermit(
        t.db,
        w.actors.haikouOfficer,
        RING,
        { ...issued, permitId: permit.id, contractorUscc: USCC.otherContractor, projectManagerId: w.people.otherManager, reason: '施工单位登记有误' },
        LATER,
      )
      expect((await records().findCertificateBySerial(first))?.facts).toMatchObject({ contractorName: '三亚建设工程有限公司' })
      const second = await correctPermit(t.db, w.actors.provinceOfficer, RING, { ...issued, permitId: permit.id, contractorUscc: USCC.otherContractor, projectManagerId: w.people.otherManager, scale: '地上20层 地下2层', reason: '建设规模登记有误' }, LATER)
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial: first } })).toMatchObject({ status: 'SUPERSEDED', supersededById: (await t.db.certificate.findUniqueOrThrow({ where: { serial: second } })).id })
      expect(await verify(t.db, await urlOf(second))).toMatchObject({ valid: true, genuine: true })
      expect((await t.db.constructionPermit.findUniqueOrThrow({ where: { id: permit.id }, select: { scale: true } })).scale).toBe('地上20层 地下2层')
    })

    it('refuses invalid input on its field and writes nothing', async () => {
      const { permit, issued } = await permitted()
      const officer = w.actors.haikouOfficer
      const base = { ...issued, permitId: permit.id, reason: '登记有误，予以更正' }
      // the other contractor has no construction contract on this project
      const notParticipant = await refusedUnchanged(() => correctPermit(t.db, officer, RING, { ...base, contractorUscc: USCC.otherContractor, projectManagerId: w.people.otherManager }, LATER), InputError)
      expect((notParticipant as InputError).fields).toEqual({ contractorUscc: '三亚建设工程有限公司不是本项目已备案施工合同的施工单位' })
      const endBeforeStart = await refusedUnchanged(() => correctPermit(t.db, officer, RING, { ...base, plannedEndOn: '2026-07-14' }, LATER), InputError)
      expect((endBeforeStart as InputError).fields).toEqual({ plannedEndOn: '计划竣工日期不能早于计划开工日期' })
      const unregistered = await refusedUnchanged(() => correctPermit(t.db, officer, RING, { ...base, projectManagerId: w.people.otherManager }, LATER), InputError)
      expect(Object.keys((unregistered as InputError).fields)).toEqual(['projectManagerId'])
      const expired = await refusedUnchanged(() => correctPermit(t.db, officer, RING, { ...base, projectManagerId: w.people.expiredManager }, LATER), InputError)
      expect(Object.keys((expired as InputError).fields)).toEqual(['projectManagerId'])
      const noReason = await refusedUnchanged(() => correctPermit(t.db, officer, RING, { ...base, reason: '错' }, LATER), InputError)
      expect(Object.keys((noReason as InputError).fields)).toEqual(['reason'])
    })

    it('answers another region as not found, and a role without both permissions as forbidden, writing nothing', async () => {
      const { permit, issued } = await permitted()
      const input = { ...issued, permitId: permit.id, reason: '越权更正测试' }
      await refusedUnchanged(() => correctPermit(t.db, w.actors.sanyaOfficer, RING, input, LATER), NotFoundError)
      await refusedUnchanged(() => correctPermit(t.db, w.actors.sanyaOfficer, RING, { ...input, permitId: 'no-such-permit' }, LATER), NotFoundError)
      for (const who of ['reviewer', 'auditor', 'admin'] as const) {
        await refusedUnchanged(() => correctPermit(t.db, w.actors[who], RING, input, LATER), ForbiddenError)
      }
    })

    it('refuses a revoked permit with a conflict, writing nothing', async () => {
      const { permit, issued } = await permitted()
      await revokeProjectCertificate(t.db, w.actors.haikouOfficer, { serial: permit.serial, reason: '以欺骗手段取得施工许可' }, NOW)
      await refusedUnchanged(
        () => correctPermit(t.db, w.actors.haikouOfficer, RING, { ...issued, permitId: permit.id, contractPrice: '9000', reason: '撤销后更正' }, LATER),
        ConflictError,
        /施工许可证 \d{18} 当前状态为“已撤销”/,
      )
    })

    it('refuses when this server holds no signing key, and rolls back when the audit entry fails, writing nothing', async () => {
      const { permit, issued } = await permitted()
      const input = { ...issued, permitId: permit.id, contractPrice: '9000', reason: '合同价格登记有误' }
      await refusedUnchanged(() => correctPermit(t.db, w.actors.haikouOfficer, { ...RING, active: null }, input, LATER), NoSigningKeyError)
      audit.fail = true
      await refusedUnchanged(() => correctPermit(t.db, w.actors.haikouOfficer, RING, input, LATER), Error, /audit store unavailable/)
    })
  })

  describe('a completion filing', () => {
    it('is corrected: the row changes, the old certificate is superseded by a new one signed over the corrected facts, one audit entry', async () => {
      const { completion } = await permitted(true)
      const filing = completion!
      const oldUrl = await urlOf(filing.serial)
      const seq = await lastSeq()
      const reason = '竣工验收日期和实际造价登记有误'
      const newSerial = await correctCompletionFiling(
        t.db,
        w.actors.haikouOfficer,
        RING,
        { completionFilingId: filing.id, acceptedOn: '2026-08-20', actualCost: '9150.5', actualArea: '', reason },
        LATER,
      )
      const row = await t.db.completionFiling.findUniqueOrThrow({ where: { id: filing.id } })
      expect(row.acceptedOn.toISOString().slice(0, 10)).toBe('2026-08-20')
      expect(row.actualCost.toString()).toBe('9150.5')
      expect(row).toMatchObject({ actualArea: null, status: 'ACTIVE' })

      const replacement = await t.db.certificate.findUniqueOrThrow({ where: { serial: newSerial } })
      expect(replacement).toMatchObject({ status: 'VALID', completionFilingId: filing.id, type: 'COMPLETION_FILING' })
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial: filing.serial } })).toMatchObject({ status: 'SUPERSEDED', supersededById: replacement.id, completionFilingId: null })
      expect(await verify(t.db, await urlOf(newSerial))).toMatchObject({ valid: true, genuine: true, status: 'VALID' })
      expect((await records().findCertificateBySerial(newSerial))?.facts).toMatchObject({ filingNumber: filing.filingNumber, acceptedOn: '2026-08-20', actualCost: '9150.5', actualArea: null })
      expect(await verify(t.db, oldUrl)).toMatchObject({ genuine: true, status: 'SUPERSEDED' })

      const entries = await entriesAfter(seq)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'completion.correct', entity: 'CompletionFiling', entityId: filing.id })
      expect(JSON.parse(entries[0].changes)).toMatchObject({
        reason,
        before: { acceptedOn: '2026-07-01', actualCost: '9100', actualArea: 32100 },
        after: { acceptedOn: '2026-08-20', actualCost: 9150.5, actualArea: null },
        certificate: { superseded: filing.serial, serial: newSerial },
      })
      expect(await verifyAuditChain(t.db)).toBeNull()
    })

    it('refuses an acceptance day before the permit or after today, another region, a reviewer and a revoked filing, writing nothing', async () => {
      const { completion } = await permitted(true)
      const input = { completionFilingId: completion!.id, acceptedOn: '2026-08-20', actualCost: '9100', reason: '竣工验收日期登记有误' }
      const early = await refusedUnchanged(() => correctCompletionFiling(t.db, w.actors.haikouOfficer, RING, { ...input, acceptedOn: '2026-06-30' }, LATER), InputError)
      expect((early as InputError).fields).toEqual({ acceptedOn: '竣工验收日期不能早于施工许可日期 2026-07-01' })
      const late = await refusedUnchanged(() => correctCompletionFiling(t.db, w.actors.haikouOfficer, RING, { ...input, acceptedOn: '2026-09-02' }, LATER), InputError)
      expect((late as InputError).fields).toEqual({ acceptedOn: '竣工验收日期不能晚于今天' })
      await refusedUnchanged(() => correctCompletionFiling(t.db, w.actors.sanyaOfficer, RING, input, LATER), NotFoundError)
      await refusedUnchanged(() => correctCompletionFiling(t.db, w.actors.reviewer, RING, input, LATER), ForbiddenError)
      await revokeProjectCertificate(t.db, w.actors.haikouOfficer, { serial: completion!.serial, reason: '竣工验收资料虚假' }, NOW)
      await refusedUnchanged(() => correctCompletionFiling(t.db, w.actors.haikouOfficer, RING, input, LATER), ConflictError, /当前状态为“已撤销”/)
    })
  })

  describe('a correction and a revocation of the same certificate at once', () => {
    let other: Db
    beforeAll(() => {
      other = createDb(t.url)
    })
    afterAll(async () => other?.$disconnect())

    // On PostgreSQL two clients (two portal processes) race, without control over how the two
    // transactions interleave: the outcome must be the same whichever gets the certificate's row
    // first. SQLite is the single-process set-up (see change-certificate-status.db.test.ts): there
    // the second runs after the first, in both orders.
    it('lets exactly one win; the other gets a conflict and writes nothing', async () => {
      for (const i of [0, 1]) {
        const { permit, issued } = await permitted()
        const seq = await lastSeq()
        const correct = () => correctPermit(i ? other : t.db, w.actors.haikouOfficer, RING, { ...issued, permitId: permit.id, contractPrice: '9999', reason: '并发更正测试' }, LATER)
        const revoke = () => revokeProjectCertificate(i ? t.db : other, w.actors.haikouOfficer, { serial: permit.serial, reason: '并发撤销测试' }, LATER)
        const settle = <T,>(f: () => Promise<T>) => f().then(() => null, (reason: unknown) => reason)
        let correction: unknown
        let revocation: unknown
        if (provider === 'postgresql') [correction, revocation] = await Promise.all([settle(correct), settle(revoke)])
        else if (i === 0) [correction, revocation] = [await settle(correct), await settle(revoke)]
        else [revocation, correction] = [await settle(revoke), await settle(correct)]
        // exactly one failed: a correction that lost conflicts; a revocation that lost conflicts, or
        // finds the old serial no longer certifying anything (superseded) when it looks it up later
        expect([correction, revocation].filter((e) => e === null)).toHaveLength(1)
        if (correction) expect(correction).toBeInstanceOf(ConflictError)
        if (revocation) expect(revocation instanceof ConflictError || revocation instanceof NotFoundError).toBe(true)
        const entries = await entriesAfter(seq)
        expect(entries).toHaveLength(1)
        const row = await t.db.constructionPermit.findUniqueOrThrow({ where: { id: permit.id }, include: { certificate: true } })
        if (entries[0].action === 'permit.correct') {
          expect(row).toMatchObject({ status: 'ACTIVE', certificate: { status: 'VALID' } })
          expect(row.contractPrice.toString()).toBe('9999')
        } else {
          expect(entries[0].action).toBe('certificate.revoke')
          expect(row).toMatchObject({ status: 'REVOKED', certificate: { serial: permit.serial, status: 'REVOKED' } })
          expect(row.contractPrice.toString()).toBe('8800')
        }
        expect(await verifyAuditChain(t.db)).toBeNull()
      }
    })
  })
})
