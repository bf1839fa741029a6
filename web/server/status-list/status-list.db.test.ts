// The signed revocation status list against a real database on every test provider: a revocation
// sets the certificate's bit and re-signs the list in its own transaction; a revocation that fails
// changes neither the certificate nor the list; two revocations at once (two clients, as two portal
// instances) both end up in the list; a refresh rebuilds the bits from the certificates.
// The list is read back as a phone would: signature checked with the log's verifier key, the bits
// inflated with node:zlib (not the codec that wrote them).
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { parseStatusListText, verifyStatusList } from '@shared/transparency-log/status-list'
import { keyHash, verifySignedNote } from '@shared/transparency-log/note'
import { revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { createLogKey, logKey, LogKeyError, useLogKey } from '@web/server/transparency-log/log-key'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { refreshStatusList, refreshStatusListIfDue } from './refresh-status-list'
import { getStatusList } from './get-status-list'
import { STATUS_LIST_VALIDITY_MS } from './sign-status-list'

const providers = await testProviders()
const KEYS = createTestSigningKeys()
const T0 = new Date('2026-07-01T02:00:00.000Z')
const DAY = 86_400_000
/** the log key's public half, as the note verifier takes it */
const verifier = () => ({ name: logKey().origin, keyHash: keyHash(logKey().origin, logKey().publicKey), publicKey: logKey().publicKey })

/** The list as a phone reads it: verified note, then the bits inflated independently. */
async function published(db: Db) {
  const list = await getStatusList(db)
  if (!list) throw new Error('no status list')
  const verified = verifySignedNote(list.signedNote, [verifier()])
  if (!verified.ok) throw new Error(`status list signature: ${verified.reason}`)
  const text = parseStatusListText(verified.text)!
  const bits = new Uint8Array(gunzipSync(Buffer.from(text.encodedList.slice(1), 'base64url')))
  const bit = (i: number) => (bits[Math.floor(i / 8)] >> (7 - (i % 8))) & 1
  return { ...list, text, bits, bit }
}

describe.each(providers)('revocation status list on %s', (provider) => {
  let t: TestDatabase
  let other: Db
  /** VALID certificates, each with a status index (given here if the log has not given one) */
  let valid: { serial: string; statusIndex: number }[]

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 23, asOf: '2026-06-30' })
    other = createDb(t.url)
    const rows = await t.db.certificate.findMany({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, take: 6, select: { serial: true, statusIndex: true } })
    let next = ((await t.db.certificate.aggregate({ _max: { statusIndex: true } }))._max.statusIndex ?? -1) + 1
    valid = []
    for (const row of rows) {
      // the second one stands for a certificate of a large log: an index past the first 131,072
      // bits, so that the list must grow (the seed's log is far smaller)
      const statusIndex = valid.length === 1 ? 131_072 + next++ : (row.statusIndex ?? next++)
      if (row.statusIndex !== statusIndex) await t.db.certificate.update({ where: { serial: row.serial }, data: { statusIndex } })
      valid.push({ serial: row.serial, statusIndex })
    }
  })
  afterAll(async () => {
    await other?.$disconnect()
    await t?.drop()
  })

  it('the seed leaves a list signed as of its as-of day with the bits of the revocations it made', async () => {
    const seeded = await published(t.db)
    expect(seeded.issuedAt.toISOString()).toBe('2026-06-30T00:00:00.000Z')
    const revoked = await t.db.certificate.findMany({ where: { status: 'REVOKED' }, select: { statusIndex: true } })
    expect(revoked.length).toBeGreaterThan(0)
    // the seed's revoked certificates have no index moved by this test's set-up (only VALID ones)
    for (const c of revoked) expect(seeded.bit(c.statusIndex!)).toBe(1)
  })

  it('a refresh signs every revoked certificate’s bit and nothing else, valid for 7 days', async () => {
    await refreshStatusList(t.db, T0)
    const list = await published(t.db)
    expect(list.issuedAt.toISOString()).toBe(T0.toISOString())
    expect(list.validUntil.getTime() - T0.getTime()).toBe(STATUS_LIST_VALIDITY_MS)
    expect(list.text.issuedAt).toBe(T0.getTime())
    expect(list.bits.length * 8).toBe(list.text.length)
    expect(list.text.length % 131_072).toBe(0)
    const indexed = await t.db.certificate.findMany({ where: { statusIndex: { not: null } }, select: { status: true, statusIndex: true } })
    expect(indexed.length).toBeGreaterThan(valid.length - 1)
    for (const c of indexed) expect([c.statusIndex, list.bit(c.statusIndex!)]).toEqual([c.statusIndex, c.status === 'REVOKED' ? 1 : 0])
    const setBits = [...list.bits].reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0)
    expect(setBits).toBe(indexed.filter((c) => c.status === 'REVOKED').length)
  })

  it('a revocation sets the bit and re-signs the list in the same transaction', async () => {
    const [target, far] = valid
    const before = await published(t.db)
    expect(before.bit(target.statusIndex)).toBe(0)
    const at = new Date(T0.getTime() + 3_600_000)
    await revokeCertificate(t.db, { serial: target.serial, reason: '以欺骗手段取得施工许可', userId: null }, at)
    // read through another client: committed, not just visible inside the transaction
    const after = await published(other)
    expect(after.bit(target.statusIndex)).toBe(1)
    expect(after.issuedAt.toISOString()).toBe(at.toISOString())
    expect(after.text.validUntil).toBe(at.getTime() + STATUS_LIST_VALIDITY_MS)
    expect(after.signedNote).not.toBe(before.signedNote)
    // every other bit as it was
    const changed = [...after.bits].flatMap((b, i) => (b !== (before.bits[i] ?? 0) ? [i] : []))
    expect(changed).toEqual([Math.floor(target.statusIndex / 8)])
    expect(far.statusIndex).toBeGreaterThanOrEqual(131_072)

    // an index past the first 16 KB grows the list by 16 KB
    await revokeCertificate(t.db, { serial: far.serial, reason: '证书信息虚假', userId: null }, at)
    const grown = await published(other)
    expect(grown.bit(far.statusIndex)).toBe(1)
    expect(grown.bit(target.statusIndex)).toBe(1)
    expect(grown.text.length).toBe(Math.ceil((far.statusIndex + 1) / 131_072) * 131_072)
  })

  it('a revocation that fails changes neither the certificate nor the list', async () => {
    const [, , target] = valid
    const before = await getStatusList(t.db)
    // an instance holding only the public log key (PORTAL_ROLE=public) cannot sign: the revocation rolls back
    const signing = logKey()
    useLogKey(createLogKey(signing.origin, signing.publicKey, null))
    try {
      await expect(revokeCertificate(t.db, { serial: target.serial, reason: '公开实例不得撤销', userId: null }, new Date(T0.getTime() + 7_200_000))).rejects.toBeInstanceOf(LogKeyError)
    } finally {
      useLogKey(signing)
    }
    expect(await other.certificate.findUnique({ where: { serial: target.serial }, select: { status: true } })).toEqual({ status: 'VALID' })
    expect(await getStatusList(other)).toEqual(before)
    // a revocation refused for its state (already revoked) leaves the list as it was too
    await expect(revokeCertificate(t.db, { serial: valid[0].serial, reason: '再次撤销', userId: null }, new Date(T0.getTime() + 7_200_000))).rejects.toMatchObject({ problem: 'CONFLICT' })
    expect(await getStatusList(other)).toEqual(before)
  })

  // PostgreSQL: SQLite has one writer at a time, a second client waits for the file lock instead
  it.runIf(provider === 'postgresql')('two revocations at once from two clients both end up in the list', async () => {
    const [, , , a, b] = valid
    const at = new Date(T0.getTime() + 10_800_000)
    await Promise.all([
      revokeCertificate(t.db, { serial: a.serial, reason: '并发撤销一', userId: null }, at),
      revokeCertificate(other, { serial: b.serial, reason: '并发撤销二', userId: null }, at),
    ])
    const list = await published(t.db)
    expect([list.bit(a.statusIndex), list.bit(b.statusIndex)]).toEqual([1, 1])
    expect(verifyStatusList(list.signedNote, { verifierKeys: [verifier()], now: at.getTime() })).toMatchObject({ ok: true, stale: false })
  })

  it('re-signs when a day old, not before; a list past its validity verifies as stale', async () => {
    const current = (await getStatusList(t.db))!
    expect(await refreshStatusListIfDue(t.db, new Date(current.issuedAt.getTime() + DAY - 1))).toBeNull()
    const later = new Date(current.issuedAt.getTime() + DAY)
    expect(await refreshStatusListIfDue(t.db, later)).toMatchObject({ issuedAt: later })
    const list = await published(t.db)
    for (const c of valid.slice(0, 2)) expect(list.bit(c.statusIndex)).toBe(1)
    const check = (now: number) => verifyStatusList(list.signedNote, { verifierKeys: [verifier()], now })
    expect(check(later.getTime() + STATUS_LIST_VALIDITY_MS)).toMatchObject({ ok: true, stale: false })
    expect(check(later.getTime() + STATUS_LIST_VALIDITY_MS + 1)).toMatchObject({ ok: true, stale: true })
  })
})
