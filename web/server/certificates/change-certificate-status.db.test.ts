// Revoking and re-issuing change what verification says at once, on another instance too (a
// second database client stands in for a second portal process), with an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { createDb } from '@db/client'
import type { Db } from '@db/client'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { parseKeyFile } from '@shared/certificates/key-file'
import { isValidCertificateSerial } from '@shared/validators/codes'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { CertificateChangeError } from './certificate-changes-repository'
import { createCertificatesRepository } from './certificates-repository'
import { reissueCertificate, revokeCertificate } from './change-certificate-status'
import { printedCode } from './printed-code'
import { verifyScannedCode } from './verify-certificate'

const providers = await testProviders()
const ORIGIN = 'https://portal.example.gov.cn'
const KEYS = createTestSigningKeys()
const RING = parseKeyFile(KEYS.keyFile)
const NOW = new Date('2026-07-01T03:00:00Z')

describe.each(providers)('certificate revocation and re-issue on %s', (provider) => {
  let t: TestDatabase
  let other: Db
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 11, asOf: '2026-06-30' })
    other = createDb(t.url)
  })
  afterAll(async () => {
    await other?.$disconnect()
    await t?.drop()
  })

  const validSerials = async (type: 'CONSTRUCTION_PERMIT' | 'COMPLETION_FILING', n: number) =>
    (await t.db.certificate.findMany({ where: { type, status: 'VALID' }, orderBy: { serial: 'asc' }, take: n, select: { serial: true } })).map((c) => c.serial)

  /** the printed code of a certificate, read through the first instance */
  async function codeOf(serial: string): Promise<string> {
    const code = printedCode((await createCertificatesRepository(t.db).findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
    if (!code.ok) throw new Error(`${serial}: ${code.problem}`)
    return code.url
  }
  /** what the second instance answers */
  const verifyElsewhere = (url: string) =>
    verifyScannedCode(url, NOW, { publicKeys: RING.publicKeys, origin: ORIGIN, findCertificateBySerial: createCertificatesRepository(other).findCertificateBySerial })

  it('revokes: the same printed code is at once answered REVOKED with the date and reason', async () => {
    const [serial] = await validSerials('CONSTRUCTION_PERMIT', 1)
    const url = await codeOf(serial)
    expect(await verifyElsewhere(url)).toMatchObject({ valid: true, genuine: true, status: 'VALID' })
    await revokeCertificate(t.db, { serial, reason: '以欺骗手段取得施工许可', userId: null }, NOW)
    const answer = await verifyElsewhere(url)
    expect(answer).toMatchObject({ valid: false, genuine: true, status: 'REVOKED', reason: 'REVOKED' })
    expect(answer.certificate).toMatchObject({ statusChangedAt: '2026-07-01', statusReason: '以欺骗手段取得施工许可' })
    const permit = await other.constructionPermit.findFirst({ where: { certificate: { serial } } })
    expect(permit).toMatchObject({ status: 'REVOKED', revocationReason: '以欺骗手段取得施工许可' })
    await expect(revokeCertificate(t.db, { serial, reason: '再次撤销' }, NOW)).rejects.toMatchObject({ problem: 'CONFLICT', message: expect.stringContaining('已撤销') })
  })

  it('re-issues: the old code says SUPERSEDED, the new one is VALID and signed with the active key', async () => {
    const [serial] = await validSerials('COMPLETION_FILING', 1)
    const oldUrl = await codeOf(serial)
    const newSerial = await reissueCertificate(t.db, RING, { serial, reason: '建设单位名称变更，重新签发' }, NOW)
    expect(isValidCertificateSerial(newSerial)).toBe(true)
    expect(newSerial).not.toBe(serial)
    expect(await verifyElsewhere(oldUrl)).toMatchObject({ valid: false, genuine: true, status: 'SUPERSEDED', certificate: { statusReason: '建设单位名称变更，重新签发' } })
    const newUrl = await codeOf(newSerial)
    expect(await verifyElsewhere(newUrl)).toMatchObject({ valid: true, genuine: true, status: 'VALID', certificate: { serial: newSerial, issuedOn: '2026-07-01' } })
    const old = await other.certificate.findUnique({ where: { serial }, include: { completionFiling: true } })
    expect(old?.completionFiling).toBeNull()
    expect(old?.supersededById).toBe((await other.certificate.findUnique({ where: { serial: newSerial } }))?.id)
  })

  it('writes nothing for bad input or an unknown certificate', async () => {
    const before = await t.db.auditLog.count()
    const [serial] = await validSerials('CONSTRUCTION_PERMIT', 1)
    await expect(revokeCertificate(t.db, { serial, reason: ' ' })).rejects.toBeInstanceOf(ZodError)
    await expect(revokeCertificate(t.db, { serial: 'P123', reason: '原因充分' })).rejects.toBeInstanceOf(ZodError)
    const unknown = serial.slice(0, 11) + '999999'
    await expect(revokeCertificate(t.db, { serial: unknown.slice(0, 17) + '0', reason: '原因充分' })).rejects.toSatisfy(
      (e) => e instanceof ZodError || (e instanceof CertificateChangeError && e.problem === 'NOT_FOUND'),
    )
    expect(await t.db.auditLog.count()).toBe(before)
    expect((await t.db.certificate.findUnique({ where: { serial } }))?.status).toBe('VALID')
  })

  it('keeps one unbroken audit chain under concurrent changes, and detects an edited entry', async () => {
    const serials = await validSerials('CONSTRUCTION_PERMIT', 6)
    // two clients stand for two portal processes on PostgreSQL; SQLite is the single-process
    // set-up (two writers there deadlock on deferred transactions), so one client queues them
    const writer = (i: number) => (provider === 'postgresql' && i % 2 ? other : t.db)
    await Promise.all(serials.map((serial, i) => revokeCertificate(writer(i), { serial, reason: `批量撤销测试 ${i}` }, NOW)))
    expect(await verifyAuditChain(t.db)).toBeNull()
    // this test's entries (the seed may write audit entries of its own before them)
    const entries = await t.db.auditLog.findMany({ where: { changes: { contains: '批量撤销测试' } }, orderBy: { seq: 'asc' } })
    expect(entries).toHaveLength(serials.length)
    const victim = entries[2]
    await t.db.auditLog.update({ where: { seq: victim.seq }, data: { changes: victim.changes.replace('批量', '单个') } })
    expect(await verifyAuditChain(t.db)).toBe(victim.seq)
    // put it back: the tests below check the chain again
    await t.db.auditLog.update({ where: { seq: victim.seq }, data: { changes: victim.changes } })
    expect(await verifyAuditChain(t.db)).toBeNull()
  })

  describe('a revoke and a re-issue of the same certificate at once', () => {
    // On PostgreSQL two clients (two portal processes) really race: both transactions start, the
    // conditional UPDATE lets one through and makes the other wait, then find no VALID row.
    // SQLite is the single-process set-up: two better-sqlite3 clients on one file deadlock
    // (Prisma opens deferred transactions; both take the read lock, and the synchronous busy wait
    // of one blocks the event loop the other needs to commit), so there the second change runs
    // after the first and must get the same conflict.
    const race = async <A, B>(a: () => Promise<A>, b: () => Promise<B>) =>
      provider === 'postgresql' ? Promise.allSettled([a(), b()]) : [await settle(a), await settle(b)]
    const settle = <T,>(f: () => Promise<T>) => f().then(
      (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
    )

    async function expectOneWinner(serial: string, results: PromiseSettledResult<unknown>[], auditBefore: number) {
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0].reason).toBeInstanceOf(CertificateChangeError)
      expect(lost[0].reason).toMatchObject({ problem: 'CONFLICT', message: expect.stringContaining('证书状态已被他人更改，请刷新后重试') })
      // exactly one audit entry, for the winner, and the chain still holds
      const entries = await t.db.auditLog.findMany({ where: { seq: { gt: auditBefore } }, orderBy: { seq: 'asc' } })
      expect(entries).toHaveLength(1)
      expect(JSON.parse(entries[0].changes)).toMatchObject({ serial })
      expect(await verifyAuditChain(t.db)).toBeNull()
      return { won: won[0] as PromiseFulfilledResult<unknown>, entry: entries[0] }
    }

    const lastSeq = async () => (await t.db.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0

    it('revoke against re-issue: one wins, the other gets a conflict and writes nothing', async () => {
      for (const [i, serial] of (await validSerials('CONSTRUCTION_PERMIT', 3)).entries()) {
        const before = await lastSeq()
        const certificatesBefore = await t.db.certificate.count()
        // alternate who starts first, so either side may win
        const revoke = () => revokeCertificate(i % 2 ? other : t.db, { serial, reason: '并发撤销测试' }, NOW)
        const reissue = () => reissueCertificate(i % 2 ? t.db : other, RING, { serial, reason: '并发重新签发测试' }, NOW)
        const results = i % 2 ? await race(reissue, revoke) : await race(revoke, reissue)
        const { won, entry } = await expectOneWinner(serial, results, before)
        const row = await t.db.certificate.findUnique({ where: { serial }, include: { permit: true } })
        if (typeof won.value === 'string') {
          // the re-issue won: one new VALID certificate has the permit, which was not revoked
          expect(entry.action).toBe('certificate.reissue')
          const replacement = await t.db.certificate.findUnique({ where: { serial: won.value }, include: { permit: true } })
          expect(row).toMatchObject({ status: 'SUPERSEDED', permit: null, supersededById: replacement?.id })
          expect(replacement).toMatchObject({ status: 'VALID', permit: { revokedOn: null } })
          expect(replacement?.permit?.status).not.toBe('REVOKED')
          expect(await t.db.certificate.count()).toBe(certificatesBefore + 1)
        } else {
          // the revocation won: no replacement was left behind
          expect(entry.action).toBe('certificate.revoke')
          expect(row).toMatchObject({ status: 'REVOKED', statusReason: '并发撤销测试', supersededById: null, permit: { status: 'REVOKED' } })
          expect(await t.db.certificate.count()).toBe(certificatesBefore)
        }
      }
    })

    it('two revocations: one wins, the other gets a conflict', async () => {
      const [serial] = await validSerials('COMPLETION_FILING', 1)
      const before = await lastSeq()
      const results = await race(
        () => revokeCertificate(t.db, { serial, reason: '第一位撤销' }, NOW),
        () => revokeCertificate(other, { serial, reason: '第二位撤销' }, NOW),
      )
      const { entry } = await expectOneWinner(serial, results, before)
      const row = await t.db.certificate.findUnique({ where: { serial }, include: { completionFiling: true } })
      // the stored reason is the winner's, not a mix of both
      expect(row?.statusReason).toBe(JSON.parse(entry.changes).reason)
      expect(row?.completionFiling).toMatchObject({ status: 'REVOKED', revocationReason: row?.statusReason })
    })

    it('two re-issues: one replacement, the other gets a conflict', async () => {
      const [serial] = await validSerials('COMPLETION_FILING', 1)
      const before = await lastSeq()
      const certificatesBefore = await t.db.certificate.count()
      const results = await race(
        () => reissueCertificate(t.db, RING, { serial, reason: '第一次重新签发' }, NOW),
        () => reissueCertificate(other, RING, { serial, reason: '第二次重新签发' }, NOW),
      )
      const { won } = await expectOneWinner(serial, results, before)
      expect(await t.db.certificate.count()).toBe(certificatesBefore + 1)
      const replacement = await t.db.certificate.findUnique({ where: { serial: won.value as string } })
      expect(replacement).toMatchObject({ status: 'VALID' })
      expect(await t.db.certificate.findUnique({ where: { serial } })).toMatchObject({ status: 'SUPERSEDED', supersededById: replacement?.id })
    })
  })
})
