// The transparency log as the certificate paths write it, on both databases: the seed's back-fill
// logs every certificate event in order and is idempotent; a staff issue (permit, completion
// filing), a correction, a revocation, a re-issue and the operator command each append their
// entries in the same transaction, with the payload hash of the code actually printed; a write
// that fails leaves neither certificate change nor entry; concurrent writers on PostgreSQL (two
// clients) leave one consistent tree. The expected values come from outside the code under test:
// the root is recomputed here from RFC 6962's definition with node:crypto, the checkpoint's
// Ed25519 signature is checked with node:crypto, the payload hash is SHA-256 of the printed QR
// code's base64url payload.
import { spawnSync } from 'node:child_process'
import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import { decodeLogEntry } from '@shared/transparency-log/log-entry'
import { reissueCertificate, revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { createCertificatesRepository } from '@web/server/certificates/certificates-repository'
import { printedCode } from '@web/server/certificates/printed-code'
import { correctPermit } from '@web/server/projects/correct-permit'
import { fileCompletion } from '@web/server/projects/file-completion'
import { fileContract } from '@web/server/projects/file-contract'
import { fileSupervision } from '@web/server/projects/file-supervision'
import { issuePermit } from '@web/server/projects/issue-permit'
import { recordDrawingReview } from '@web/server/projects/record-drawing-review'
import { registerProject } from '@web/server/projects/register-project'
import { createProjectWorld, importPass, importRows, projectInput, stageInputs, USCC, type ProjectWorld } from '@web/server/projects/testing/fixtures'
import { createConstructionPermitsImport } from '@web/server/projects/import-construction-permits'
import { CONSTRUCTION_PERMITS } from '@shared/import/project-kinds'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { appendCertificateEvents } from './append-certificate-events'
import { backfillCertificateLog } from './backfill-certificate-log'
import { certificateLogEntry } from './certificate-log-entry'
import { createLogKey, logKey, useLogKey } from './log-key'
import { testLogKeyFile } from './testing/use-test-log-key'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
const ORIGIN = 'https://portal.example.gov.cn'
const NOW = new Date('2026-07-01T03:00:00Z')
const LATER = new Date('2026-09-01T03:00:00Z')
const SEED_KEYS = createTestSigningKeys()

// ---------------------------------------------------------------- an independent reference (RFC 6962 §2.1, node:crypto)

const sha256 = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest())
const rfcLeaf = (entry: Uint8Array) => sha256(Uint8Array.of(0), entry)
function rfcRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256()
  if (leaves.length === 1) return leaves[0]
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return sha256(Uint8Array.of(1), rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k)))
}

/** Checks the whole stored log against the reference; returns its entries. */
async function checkLog(db: Db) {
  const entries = await db.transparencyLogEntry.findMany({ orderBy: { index: 'asc' } })
  entries.forEach((e, i) => expect(e.index).toBe(i))
  const head = await db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })
  expect(head.size).toBe(entries.length)
  const leaves = entries.map((e) => rfcLeaf(e.entry))
  expect(Buffer.from(head.rootHash).toString('hex')).toBe(Buffer.from(rfcRoot(leaves)).toString('hex'))
  // every stored node is the reference hash of its subtree, and every complete subtree is stored
  const nodes = await db.transparencyLogNode.findMany()
  let complete = 0
  for (let level = 0; 2 ** level <= entries.length; level++) complete += Math.floor(entries.length / 2 ** level)
  expect(nodes).toHaveLength(complete)
  for (const n of nodes.filter((_, i) => i % 7 === 0)) {
    const span = 2 ** n.level
    expect(Buffer.from(n.hash).toString('hex'), `node ${n.level}/${n.index}`).toBe(Buffer.from(rfcRoot(leaves.slice(n.index * span, (n.index + 1) * span))).toString('hex'))
  }
  // the checkpoint (C2SP: origin, size, base64 root; a blank line; "— name base64(keyID ‖ sig)")
  const key = logKey()
  const [text, signatureLine] = head.checkpoint.split('\n\n')
  expect(text).toBe(`${key.origin}\n${entries.length}\n${Buffer.from(head.rootHash).toString('base64')}`)
  const m = /^— (\S+) (\S+)\n$/.exec(signatureLine)
  expect(m?.[1]).toBe(key.origin)
  const signature = Buffer.from(m![2], 'base64').subarray(4)
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey).toString('base64url') }, format: 'jwk' })
  expect(nodeVerify(null, Buffer.from(`${text}\n`), publicKey, signature)).toBe(true)
  return entries.map((e) => ({ ...e, decoded: decodeLogEntry(new Uint8Array(e.entry))! }))
}

/** SHA-256 of the printed code's payload (the base64url after /v/). */
async function printedPayloadSha(db: Db, serial: string, publicKeys = RING.publicKeys): Promise<string> {
  const code = printedCode((await createCertificatesRepository(db).findCertificateBySerial(serial))!, ORIGIN, publicKeys)
  if (!code.ok) throw new Error(code.problem)
  return createHash('sha256').update(Buffer.from(code.url.split('/v/')[1], 'base64url')).digest('hex')
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe.each(providers)('the certificate transparency log on %s', (provider) => {
  describe('after the seed', () => {
    let t: TestDatabase
    beforeAll(async () => {
      t = await createTestDatabase(provider)
      await seedDatabase(t.db, { signer: SEED_KEYS.signer, scale: 0.02, seed: 'log', asOf: '2026-06-30' })
    })
    afterAll(async () => t?.drop())

    it('holds every certificate event in date order, each certificate’s ISSUED entry once', async () => {
      const entries = await checkLog(t.db)
      const certificates = await t.db.certificate.findMany({ select: { serial: true, status: true, issuedOn: true, statusChangedAt: true } })
      const revoked = certificates.filter((c) => c.status === 'REVOKED')
      expect(revoked.length).toBeGreaterThan(0)
      expect(entries).toHaveLength(certificates.length + revoked.length)
      const days = entries.map((e) => e.decoded.occurredAt)
      expect(days).toEqual([...days].sort((a, b) => a - b))
      for (const c of certificates) {
        const issued = entries.filter((e) => e.serial === c.serial && e.event === 'ISSUED')
        expect(issued).toHaveLength(1)
        expect(issued[0].decoded.occurredAt).toBe(c.issuedOn.getTime())
        if (c.status === 'REVOKED') expect(entries.find((e) => e.serial === c.serial && e.event === 'REVOKED')?.decoded.occurredAt).toBe(c.statusChangedAt!.getTime())
      }
      // the payload hash is that of the code printed on the certificate
      const sample = certificates[Math.floor(certificates.length / 2)].serial
      const entry = entries.find((e) => e.serial === sample && e.event === 'ISSUED')!
      expect(hex(entry.decoded.payloadSha256)).toBe(await printedPayloadSha(t.db, sample, SEED_KEYS.publicKeys))
    })

    it('a second back-fill appends nothing and leaves the checkpoint as it was', async () => {
      const before = await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })
      expect(await backfillCertificateLog(t.db)).toMatchObject({ appended: 0, size: before.size })
      expect((await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })).checkpoint).toBe(before.checkpoint)
    })

    it('a back-fill cut short is continued where it stopped', async () => {
      // drop the last 10 entries as if the run had stopped before them (entries, their nodes, head)
      const size = (await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })).size
      const kept = size - 10
      const expected = await t.db.transparencyLogEntry.findMany({ where: { index: { gte: kept } }, orderBy: { index: 'asc' } })
      await t.db.transparencyLogEntry.deleteMany({ where: { index: { gte: kept } } })
      for (let level = 0; 2 ** level <= size; level++) {
        await t.db.transparencyLogNode.deleteMany({ where: { level, index: { gte: Math.floor(kept / 2 ** level) } } })
      }
      const leaves = (await t.db.transparencyLogEntry.findMany({ orderBy: { index: 'asc' } })).map((e) => rfcLeaf(e.entry))
      await t.db.transparencyLogHead.update({ where: { id: 1 }, data: { size: kept, rootHash: Uint8Array.from(rfcRoot(leaves)) } })
      expect(await backfillCertificateLog(t.db)).toMatchObject({ appended: 10, size })
      const again = await t.db.transparencyLogEntry.findMany({ where: { index: { gte: kept } }, orderBy: { index: 'asc' } })
      expect(again.map((e) => [e.index, e.serial, e.event, hex(e.entry)])).toEqual(expected.map((e) => [e.index, e.serial, e.event, hex(e.entry)]))
      await checkLog(t.db)
    })
  })

  describe('live certificate writes', () => {
    let t: TestDatabase
    let w: ProjectWorld
    beforeAll(async () => {
      t = await createTestDatabase(provider)
      w = await createProjectWorld(t.db)
    })
    afterAll(async () => t?.drop())

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
      const { projectCode: _, ...issued } = s.permit
      return { permit, completion, issued }
    }
    const entriesOf = async (serial: string) => (await checkLog(t.db)).filter((e) => e.serial === serial)

    it('a staff issue of a permit and of a completion filing appends their ISSUED entries', async () => {
      const { permit, completion } = await permitted(true)
      for (const serial of [permit.serial, completion!.serial]) {
        const [entry, ...more] = await entriesOf(serial)
        expect(more).toEqual([])
        expect(entry.decoded).toMatchObject({ event: 'ISSUED', serial, keyId: '1', occurredAt: Date.parse('2026-07-01T00:00:00Z') })
        expect(hex(entry.decoded.payloadSha256)).toBe(await printedPayloadSha(t.db, serial))
      }
    })

    it('a bulk import of permits (the handler the exchange API’s batches use too) appends each issue, and a corrected row SUPERSEDED + ISSUED', async () => {
      const officer = w.actors.haikouOfficer
      const { projectCode } = await registerProject(t.db, officer, projectInput(), NOW)
      const s = stageInputs(projectCode, w)
      for (const step of [s.contractDesign, s.contractBuild, s.contractSupervise]) await fileContract(t.db, officer, step, NOW)
      await recordDrawingReview(t.db, officer, s.review, NOW)
      await fileSupervision(t.db, officer, s.supervision, NOW)
      const number = async (personId: string) => (await t.db.registration.findFirstOrThrow({ where: { personId } })).number
      const row = {
        permitNumber: '460100202606109901',
        issuedOn: '2026-06-10',
        projectCode,
        scale: '地上18层 地下2层',
        floorArea: '32000',
        contractPrice: '8800',
        plannedStartOn: '2026-06-15',
        plannedEndOn: '2028-06-30',
        contractorUscc: USCC.contractor,
        supervisorUscc: USCC.supervisor,
        projectManagerRegistrationNumber: await number(w.people.manager),
        chiefSupervisorRegistrationNumber: await number(w.people.chief),
      }
      const handler = createConstructionPermitsImport(RING)
      const first = await importPass(t.db, officer, handler, importRows(CONSTRUCTION_PERMITS, [row]), NOW)
      expect(first.results.map((r) => ('outcome' in r ? r.outcome : r))).toEqual(['create'])
      const serial = (await t.db.certificate.findFirstOrThrow({ where: { permit: { permitNumber: row.permitNumber } } })).serial
      const [issued] = await entriesOf(serial)
      expect(issued.decoded).toMatchObject({ event: 'ISSUED', serial })
      expect(hex(issued.decoded.payloadSha256)).toBe(await printedPayloadSha(t.db, serial))
      const second = await importPass(t.db, officer, handler, importRows(CONSTRUCTION_PERMITS, [{ ...row, contractPrice: '8900' }]), NOW)
      expect(second.results.map((r) => ('outcome' in r ? r.outcome : r))).toEqual(['change'])
      expect((await entriesOf(serial)).map((e) => e.event)).toEqual(['ISSUED', 'SUPERSEDED'])
      const replacement = (await t.db.certificate.findFirstOrThrow({ where: { permit: { permitNumber: row.permitNumber } } })).serial
      expect((await entriesOf(replacement)).map((e) => e.event)).toEqual(['ISSUED'])
    })

    it('a correction appends SUPERSEDED for the old certificate (its printed payload) and ISSUED for the new', async () => {
      const { permit, issued } = await permitted()
      const oldSha = await printedPayloadSha(t.db, permit.serial)
      const newSerial = await correctPermit(t.db, w.actors.haikouOfficer, RING, { ...issued, permitId: permit.id, contractPrice: '9100', reason: '合同价格登记有误' }, LATER)
      const old = await entriesOf(permit.serial)
      expect(old.map((e) => e.event)).toEqual(['ISSUED', 'SUPERSEDED'])
      expect(hex(old[1].decoded.payloadSha256)).toBe(oldSha)
      expect(old[1].decoded.occurredAt).toBe(Date.parse('2026-09-01T00:00:00Z'))
      const [replacement] = await entriesOf(newSerial)
      expect(replacement).toMatchObject({ event: 'ISSUED', index: old[1].index + 1 })
      expect(hex(replacement.decoded.payloadSha256)).toBe(await printedPayloadSha(t.db, newSerial))
    })

    it('a revocation and a re-issue append REVOKED, and SUPERSEDED + ISSUED', async () => {
      const a = (await permitted()).permit.serial
      const b = (await permitted()).permit.serial
      const shaA = await printedPayloadSha(t.db, a)
      await revokeCertificate(t.db, { serial: a, reason: '以欺骗手段取得施工许可', userId: null }, LATER)
      const revoked = await entriesOf(a)
      expect(revoked.map((e) => e.event)).toEqual(['ISSUED', 'REVOKED'])
      expect(hex(revoked[1].decoded.payloadSha256)).toBe(shaA)
      const c = await reissueCertificate(t.db, RING, { serial: b, reason: '重新签发' }, LATER)
      expect((await entriesOf(b)).map((e) => e.event)).toEqual(['ISSUED', 'SUPERSEDED'])
      expect((await entriesOf(c)).map((e) => e.event)).toEqual(['ISSUED'])
    })

    it('the operator command (npm run cert:revoke) appends REVOKED in its transaction', async () => {
      const serial = (await permitted()).permit.serial
      const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'log-key-')), 'log-key.json')
      fs.writeFileSync(keyFile, JSON.stringify(testLogKeyFile()), { mode: 0o600 })
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/certificates/change-certificate.ts', 'revoke', '--serial', serial, '--reason', '撤销测试'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.url, LOG_KEY_FILE: keyFile, LOG_SIGNING_KEY_HEX: '', NODE_OPTIONS: '' },
        encoding: 'utf8',
      })
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain(`已撤销证书 ${serial}`)
      expect((await entriesOf(serial)).map((e) => e.event)).toEqual(['ISSUED', 'REVOKED'])
    })

    it('a write that fails leaves neither the certificate change nor an entry', async () => {
      const serial = (await permitted()).permit.serial
      const before = await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })
      // an instance without the log's signing key cannot append, so it cannot revoke either
      const signer = logKey()
      useLogKey(createLogKey(signer.origin, signer.publicKey, null))
      try {
        await expect(revokeCertificate(t.db, { serial, reason: '无日志密钥', userId: null }, LATER)).rejects.toThrow(/log signing key/)
        await expect(permitted()).rejects.toThrow(/log signing key/)
      } finally {
        useLogKey(signer)
      }
      // and a transaction that fails after its append takes the append with it
      await expect(
        t.db.$transaction(async (tx) => {
          const record = (await createCertificatesRepository(t.db).findCertificateBySerial(serial))!
          await tx.certificate.update({ where: { serial }, data: { status: 'REVOKED' } })
          await appendCertificateEvents(tx, [certificateLogEntry('REVOKED', { type: record.type, serial, keyId: 1, payload: null }, LATER)])
          throw new Error('crash after the append')
        }),
      ).rejects.toThrow('crash after the append')
      expect(await t.db.certificate.findUniqueOrThrow({ where: { serial } })).toMatchObject({ status: 'VALID' })
      expect(await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before)
      expect((await entriesOf(serial)).map((e) => e.event)).toEqual(['ISSUED'])
    })

    it.runIf(provider === 'postgresql')('concurrent writers through two clients leave one consistent tree', async () => {
      const serials = [] as string[]
      for (let i = 0; i < 6; i++) serials.push((await permitted()).permit.serial)
      const other = createDb(t.url)
      try {
        const clients = [t.db, other]
        await Promise.all(
          serials.map((serial, i) =>
            i % 2 === 0
              ? revokeCertificate(clients[i % 2 === 0 ? (i / 2) % 2 : 0], { serial, reason: '并发撤销', userId: null }, LATER)
              : reissueCertificate(clients[((i - 1) / 2) % 2], RING, { serial, reason: '并发换发' }, LATER),
          ),
        )
        const entries = await checkLog(other)
        for (const serial of serials) expect((await entriesOf(serial)).length).toBe(2)
        expect(new Set(entries.map((e) => `${e.serial} ${e.event}`)).size).toBe(entries.length)
      } finally {
        await other.$disconnect()
      }
    })
  })
})
