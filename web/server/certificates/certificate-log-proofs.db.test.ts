// The verify answer's transparency-log proofs and the tlog-proof file, on every test provider, on
// the seeded demo data (whose certificates the seed logs): checked as a third party would — the
// checkpoint's signature with the log's verifier key, the leaf hash recomputed with node:crypto
// from the entry bytes, the entry's payload hash against the SHA-256 of the scanned QR payload,
// the RFC 9162 inclusion proof against the signed root.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { parseKeyFile } from '@shared/certificates/key-file'
import { openCheckpoint } from '@shared/transparency-log/checkpoint'
import { decodeLogEntry } from '@shared/transparency-log/log-entry'
import { makeCertificateSerial } from '@shared/validators/codes'
import { parseTlogProof, TLOG_PROOF_HEADER } from '@shared/transparency-log/proof-file'
import { verifyInclusion } from '@shared/transparency-log/tree'
import { logKey } from '@web/server/transparency-log/log-key'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findEntriesBySerial, readHead, readHeadWithEntries } from '@web/server/transparency-log/transparency-log-repository'
import { createCertificateChecker } from './check-certificate-code'
import { certificateTlogProof, createLogProver, findCertificateLogProofs, verifyLogOf } from './certificate-log-proofs'
import { createCertificatesRepository } from './certificates-repository'
import { reissueCertificate, revokeCertificate } from './change-certificate-status'
import { printedCode } from './printed-code'
import { verifyScannedCode, type VerifyAnswer } from './verify-certificate'

const providers = await testProviders()
const ORIGIN = 'https://portal.example.gov.cn'
const KEYS = createTestSigningKeys()
const RING = parseKeyFile(KEYS.keyFile)
const NOW = new Date('2026-07-01T03:00:00Z')

const sha256 = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest())

/** Checks an answer's log part as a client would; returns the decoded entries. */
function checkLog(answer: VerifyAnswer, scannedPayload: Uint8Array) {
  const log = answer.log
  if (!log) throw new Error('the answer carries no log proofs')
  const opened = openCheckpoint(log.checkpoint, { verifierKeys: [logKey().verifierKey], origin: logKey().origin })
  if (!opened.ok) throw new Error(`checkpoint: ${opened.reason}`)
  expect(opened.checkpoint.size).toBe(log.treeSize)
  expect(Buffer.from(opened.checkpoint.rootHash).toString('base64')).toBe(log.rootHash)
  return log.entries.map((e) => {
    const entry = new Uint8Array(Buffer.from(e.entry, 'base64'))
    const decoded = decodeLogEntry(entry)!
    expect(decoded.serial).toBe(answer.certificate?.serial)
    expect(Buffer.from(decoded.payloadSha256).toString('hex')).toBe(Buffer.from(sha256(scannedPayload)).toString('hex'))
    const included = verifyInclusion({
      leafIndex: e.index,
      treeSize: log.treeSize,
      leafHash: sha256(Uint8Array.of(0), entry),
      proof: e.proof.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
      rootHash: opened.checkpoint.rootHash,
    })
    expect(included).toBe(true)
    return { ...e, decoded }
  })
}

describe.each(providers)('certificate log proofs on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 31, asOf: '2026-06-30' })
  })
  afterAll(async () => {
    await t?.drop()
  })

  const validSerials = async (n: number) =>
    (await t.db.certificate.findMany({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, take: n, select: { serial: true } })).map((c) => c.serial)
  async function scan(serial: string) {
    const code = printedCode((await createCertificatesRepository(t.db).findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
    if (!code.ok) throw new Error(`${serial}: ${code.problem}`)
    const payload = new Uint8Array(Buffer.from(code.payload, 'base64url'))
    const verify = () =>
      verifyScannedCode(code.url, NOW, {
        publicKeys: RING.publicKeys,
        origin: ORIGIN,
        findCertificateBySerial: createCertificatesRepository(t.db).findCertificateBySerial,
        findLogProofs: async (s) => {
          const proofs = await findCertificateLogProofs(t.db, s)
          return proofs && verifyLogOf(proofs)
        },
      })
    return { payload, verify }
  }

  it('a valid certificate: its issuance entry is proved included in the signed checkpoint', async () => {
    const [serial] = await validSerials(1)
    const { payload, verify } = await scan(serial)
    const answer = await verify()
    expect(answer).toMatchObject({ valid: true, genuine: true })
    const entries = checkLog(answer, payload)
    expect(entries.map((e) => e.event)).toEqual(['ISSUED'])
    // the status list finds it by its serial: no index in the answer
    expect(answer.certificate).not.toHaveProperty('statusIndex')
  })

  it('after a revocation: the issuance and the revocation, both against the new checkpoint', async () => {
    const [, serial] = await validSerials(2)
    const { payload, verify } = await scan(serial)
    const before = checkLog(await verify(), payload)
    await revokeCertificate(t.db, { serial, reason: '以欺骗手段取得施工许可', userId: null }, NOW)
    const answer = await verify()
    expect(answer).toMatchObject({ valid: false, genuine: true, status: 'REVOKED' })
    const entries = checkLog(answer, payload)
    expect(entries.map((e) => e.event)).toEqual(['ISSUED', 'REVOKED'])
    expect(entries[0].index).toBe(before[0].index)
    expect(entries[1].index).toBeGreaterThan(entries[0].index)
    expect(answer.log!.treeSize).toBeGreaterThan(entries[1].index)
  })

  it('after a re-issue: the old code shows its replacement entry, the new code its own issuance', async () => {
    const [, , serial] = await validSerials(3)
    const old = await scan(serial)
    const newSerial = await reissueCertificate(t.db, RING, { serial, reason: '建设单位名称变更，重新签发' }, NOW)
    expect(checkLog(await old.verify(), old.payload).map((e) => e.event)).toEqual(['ISSUED', 'SUPERSEDED'])
    const replacement = await scan(newSerial)
    const entries = checkLog(await replacement.verify(), replacement.payload)
    expect(entries.map((e) => [e.event, e.decoded.serial])).toEqual([['ISSUED', newSerial]])
  })

  it('a subtree hash altered in the store gives no proof, and the prover keeps nothing of that read', async () => {
    const [, , , serial] = await validSerials(4)
    const [issued] = await findEntriesBySerial(t.db, serial)
    const head = (await readHead(t.db))!
    // the leaf's sibling is the proof's first hash
    const sibling = { level: 0, index: issued.index ^ 1 }
    expect(sibling.index).toBeLessThan(head.size)
    const where = { level_index: sibling }
    const { hash } = await t.db.transparencyLogNode.findUniqueOrThrow({ where })
    const prove = createLogProver(t.db)
    await t.db.transparencyLogNode.update({ where, data: { hash: new Uint8Array(32) } })
    try {
      expect(await prove(serial)).toBeNull()
    } finally {
      await t.db.transparencyLogNode.update({ where, data: { hash } })
    }
    // the same prover reads the restored hash again: the bad one was not kept
    const proofs = (await prove(serial))!
    expect(proofs.inclusions.map((i) => [i.event, i.index])).toEqual([['ISSUED', issued.index]])
    expect(Buffer.from(proofs.inclusions[0].proof[0])).toEqual(Buffer.from(hash))
    const leaf = sha256(Uint8Array.of(0), proofs.inclusions[0].entry)
    expect(verifyInclusion({ leafIndex: issued.index, treeSize: proofs.treeSize, leafHash: leaf, proof: proofs.inclusions[0].proof, rootHash: proofs.rootHash })).toBe(true)
    // a second call answers the same from what it kept
    expect(await prove(serial)).toEqual(proofs)
  })

  it('the status row and the log in one statement read what the two separate reads do', async () => {
    const repo = createCertificatesRepository(t.db)
    const [serial] = await validSerials(1)
    const revoked = (await t.db.certificate.findFirstOrThrow({ where: { status: 'REVOKED' }, select: { serial: true } })).serial
    for (const s of [serial, revoked]) {
      const joined = (await repo.findCertificateStateWithLog(s))!
      expect(joined.state).toEqual(await repo.findCertificateState(s))
      expect(joined.log).toEqual(await readHeadWithEntries(t.db, s))
      expect(joined.log!.entries.length).toBeGreaterThan(0)
    }
    expect(await repo.findCertificateStateWithLog(makeCertificateSerial('CONSTRUCTION_PERMIT', 2026, '460100', 999_998))).toBeNull()
  })

  it("the portal's checker (one statement per answer) shows a revocation and its proof on the next scan", async () => {
    const [, , , , serial] = await validSerials(5)
    const { payload } = await scan(serial)
    const keysFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checker-keys-')), 'keys.json')
    fs.writeFileSync(keysFile, JSON.stringify(KEYS.keyFile))
    const check = createCertificateChecker({
      keys: { keysFile },
      origin: ORIGIN,
      certificates: createCertificatesRepository(t.db),
      findLogProofs: async (s, read) => {
        const proofs = await findCertificateLogProofs(t.db, s, read)
        return proofs && verifyLogOf(proofs)
      },
    })
    const code = printedCode((await createCertificatesRepository(t.db).findCertificateBySerial(serial))!, ORIGIN, RING.publicKeys)
    if (!code.ok) throw new Error(code.problem)
    expect(checkLog(await check(code.url, NOW), payload).map((e) => e.event)).toEqual(['ISSUED'])
    await revokeCertificate(t.db, { serial, reason: '以欺骗手段取得施工许可', userId: null }, NOW)
    const answer = await check(code.url, NOW)
    expect(answer).toMatchObject({ valid: false, genuine: true, status: 'REVOKED' })
    expect(checkLog(answer, payload).map((e) => e.event)).toEqual(['ISSUED', 'REVOKED'])
  })

  it('the tlog-proof file: C2SP format, the entry as extra data, verifiable offline', async () => {
    const [serial] = await validSerials(1)
    const { payload } = await scan(serial)
    const file = (await certificateTlogProof(t.db, serial, 'ISSUED'))!
    const lines = file.split('\n')
    expect(lines[0]).toBe(TLOG_PROOF_HEADER)
    expect(lines[1]).toMatch(/^extra [A-Za-z0-9+/]+=*$/)
    expect(lines[2]).toMatch(/^index (0|[1-9][0-9]*)$/)
    const proof = parseTlogProof(file)!
    const opened = openCheckpoint(proof.checkpointNote, { verifierKeys: [logKey().verifierKey], origin: logKey().origin })
    if (!opened.ok) throw new Error(opened.reason)
    const entry = decodeLogEntry(proof.extraData!)!
    expect(entry).toMatchObject({ event: 'ISSUED', serial })
    expect(Buffer.from(entry.payloadSha256)).toEqual(Buffer.from(sha256(payload)))
    expect(
      verifyInclusion({ leafIndex: proof.index, treeSize: opened.checkpoint.size, leafHash: sha256(Uint8Array.of(0), proof.extraData!), proof: proof.proof, rootHash: opened.checkpoint.rootHash }),
    ).toBe(true)
    // no revocation entry for a valid certificate; nothing for a serial never logged
    expect(await certificateTlogProof(t.db, serial, 'REVOKED')).toBeNull()
    expect(await findCertificateLogProofs(t.db, makeCertificateSerial('CONSTRUCTION_PERMIT', 2026, '460100', 999_999))).toBeNull()
  })
})
