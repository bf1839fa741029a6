// Revoking and re-issuing change what verification says at once, on another instance too (a
// second database client stands in for a second portal process), with an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { createDb } from '@db/client'
import { seedDatabase } from '@db/seed/seed-database'
import { createTestSigningKeys } from '@db/seed/test-signing-keys'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { parseKeyFile } from '@shared/certificates/key-file'
import { isValidCertificateSerial } from '@shared/validators/codes'
import type { Db } from '@web/lib/db'
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
    expect(await verifyElsewhere(url)).toMatchObject({ genuine: true, status: 'VALID' })
    await revokeCertificate(t.db, { serial, reason: '以欺骗手段取得施工许可', userId: null }, NOW)
    const answer = await verifyElsewhere(url)
    expect(answer).toMatchObject({ genuine: true, status: 'REVOKED', reason: 'REVOKED' })
    expect(answer.certificate).toMatchObject({ statusChangedAt: '2026-07-01', statusReason: '以欺骗手段取得施工许可' })
    const permit = await other.constructionPermit.findFirst({ where: { certificate: { serial } } })
    expect(permit).toMatchObject({ status: 'REVOKED', revocationReason: '以欺骗手段取得施工许可' })
    await expect(revokeCertificate(t.db, { serial, reason: '再次撤销' }, NOW)).rejects.toMatchObject({ problem: 'NOT_VALID' })
  })

  it('re-issues: the old code says SUPERSEDED, the new one is VALID and signed with the active key', async () => {
    const [serial] = await validSerials('COMPLETION_FILING', 1)
    const oldUrl = await codeOf(serial)
    const newSerial = await reissueCertificate(t.db, RING, { serial, reason: '建设单位名称变更，重新签发' }, NOW)
    expect(isValidCertificateSerial(newSerial)).toBe(true)
    expect(newSerial).not.toBe(serial)
    expect(await verifyElsewhere(oldUrl)).toMatchObject({ genuine: true, status: 'SUPERSEDED', certificate: { statusReason: '建设单位名称变更，重新签发' } })
    const newUrl = await codeOf(newSerial)
    expect(await verifyElsewhere(newUrl)).toMatchObject({ genuine: true, status: 'VALID', certificate: { serial: newSerial, issuedOn: '2026-07-01' } })
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
    const entries = await t.db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    expect(entries.length).toBeGreaterThanOrEqual(serials.length)
    const victim = entries[2]
    await t.db.auditLog.update({ where: { seq: victim.seq }, data: { changes: victim.changes.replace('批量', '单个') } })
    expect(await verifyAuditChain(t.db)).toBe(victim.seq)
  })
})
