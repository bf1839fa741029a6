// The signed revocation status list against a real database on every test provider: a revocation
// sets the certificate's bit (group and index from its serial) and re-signs the list in its own
// transaction; a revocation that fails changes neither the certificate nor the list; two
// revocations at once (two clients, as two portal instances) both end up in the list; a refresh
// rebuilds the list from the certificates. The list is read back as a phone would: signature
// checked with the log's verifier key, each group inflated with node:zlib (not the codec that
// wrote it) and its set bits turned back into serials' group + sequence as docs/transparency-log.md
// describes, then compared with the database's REVOKED certificates.
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@db/client'
import { makeCertificateSerial, parseCertificateSerial } from '@shared/validators/codes'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { isSerialRevoked, parseStatusListText, statusGroupsOf, verifyStatusList } from '@shared/transparency-log/status-list'
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

/** The list as a phone reads it: verified note, then each group inflated independently. */
async function published(db: Db) {
  const list = await getStatusList(db)
  if (!list) throw new Error('no status list')
  const verified = verifySignedNote(list.signedNote, [verifier()])
  if (!verified.ok) throw new Error(`status list signature: ${verified.reason}`)
  const text = parseStatusListText(verified.text)!
  /** "group + 6-digit sequence" of every set bit: the serials without their check digit */
  const marked = new Set<string>()
  for (const { group, encodedList } of text.groups) {
    const bits = new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), 'base64url')))
    expect(bits.length).toBe(125_000)
    bits.forEach((b, i) => {
      for (let k = 0; k < 8; k++) if (b & (0x80 >> k)) marked.add(`${group}${String(i * 8 + k).padStart(6, '0')}`)
    })
  }
  const bit = (serial: string) => (marked.has(serial.slice(0, 17)) ? 1 : 0)
  return { ...list, text, marked, bit }
}

/** The database's REVOKED serials, as the list marks them (check digit dropped), sorted. */
async function revokedInDb(db: Db) {
  const rows = await db.certificate.findMany({ where: { status: 'REVOKED' }, select: { serial: true } })
  return rows.map((r) => r.serial.slice(0, 17)).sort()
}

describe.each(providers)('revocation status list on %s', (provider) => {
  let t: TestDatabase
  let other: Db
  /** VALID certificates */
  let valid: { serial: string }[]

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 23, asOf: '2026-06-30' })
    other = createDb(t.url)
    valid = await t.db.certificate.findMany({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, take: 6, select: { serial: true } })
    // the second one stands for a certificate of a year no seeded certificate has: its group is in
    // no list yet, so revoking it must add a group (the list holds only groups with a revocation)
    const parsed = parseCertificateSerial(valid[1].serial)!
    const moved = makeCertificateSerial(parsed.type, 2001, parsed.regionCode, 999_999)
    await t.db.certificate.update({ where: { serial: valid[1].serial }, data: { serial: moved } })
    valid[1] = { serial: moved }
  })
  afterAll(async () => {
    await other?.$disconnect()
    await t?.drop()
  })

  it('the seed leaves a list signed as of its as-of day with exactly the revocations it made', async () => {
    const seeded = await published(t.db)
    expect(seeded.issuedAt.toISOString()).toBe('2026-06-30T00:00:00.000Z')
    const revoked = await revokedInDb(t.db)
    expect(revoked.length).toBeGreaterThan(0)
    expect([...seeded.marked].sort()).toEqual(revoked)
  })

  it('a refresh signs every revoked certificate’s bit and nothing else, valid for 7 days', async () => {
    await refreshStatusList(t.db, T0)
    const list = await published(t.db)
    expect(list.issuedAt.toISOString()).toBe(T0.toISOString())
    expect(list.validUntil.getTime() - T0.getTime()).toBe(STATUS_LIST_VALIDITY_MS)
    expect(list.text.issuedAt).toBe(T0.getTime())
    expect([...list.marked].sort()).toEqual(await revokedInDb(t.db))
    // only groups with a revocation, each once, in order
    const groups = list.text.groups.map((g) => g.group)
    expect(groups).toEqual([...new Set((await revokedInDb(t.db)).map((s) => s.slice(0, 11)))].sort())
    for (const c of valid) expect(list.bit(c.serial)).toBe(0)
  })

  it('a revocation sets the bit and re-signs the list in the same transaction; a new group appears', async () => {
    const [target, far] = valid
    const before = await published(t.db)
    expect(before.bit(target.serial)).toBe(0)
    const at = new Date(T0.getTime() + 3_600_000)
    await revokeCertificate(t.db, { serial: target.serial, reason: '以欺骗手段取得施工许可', userId: null }, at)
    // read through another client: committed, not just visible inside the transaction
    const after = await published(other)
    expect(after.bit(target.serial)).toBe(1)
    expect(after.issuedAt.toISOString()).toBe(at.toISOString())
    expect(after.text.validUntil).toBe(at.getTime() + STATUS_LIST_VALIDITY_MS)
    expect(after.signedNote).not.toBe(before.signedNote)
    // every other bit as it was
    expect([...after.marked].filter((s) => !before.marked.has(s))).toEqual([target.serial.slice(0, 17)])
    expect(before.text.groups.map((g) => g.group)).not.toContain(far.serial.slice(0, 11))

    await revokeCertificate(t.db, { serial: far.serial, reason: '证书信息虚假', userId: null }, at)
    const grown = await published(other)
    expect(grown.bit(far.serial)).toBe(1)
    expect(grown.bit(target.serial)).toBe(1)
    expect(grown.text.groups.map((g) => g.group)).toContain(far.serial.slice(0, 11))
    expect(grown.text.groups.length).toBe(after.text.groups.length + 1)
    expect([...grown.marked].sort()).toEqual(await revokedInDb(other))
    // the revocations patched one group each: the same text as rebuilding every group from the database
    const allRevoked = (await other.certificate.findMany({ where: { status: 'REVOKED' }, select: { serial: true } })).map((r) => r.serial)
    expect(grown.text.groups).toEqual(statusGroupsOf(allRevoked))
    // and the shared reader answers by serial alone
    const verified = verifyStatusList(grown.signedNote, { verifierKeys: [verifier()], now: at.getTime() })
    if (!verified.ok) throw new Error(verified.reason)
    expect([isSerialRevoked(verified.list, far.serial), isSerialRevoked(verified.list, valid[2].serial)]).toEqual([true, false])
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
    expect([list.bit(a.serial), list.bit(b.serial)]).toEqual([1, 1])
    expect([...list.marked].sort()).toEqual(await revokedInDb(t.db))
    expect(verifyStatusList(list.signedNote, { verifierKeys: [verifier()], now: at.getTime() })).toMatchObject({ ok: true, stale: false })
  })

  it('re-signs when a day old, not before; a list past its validity verifies as stale', async () => {
    const current = (await getStatusList(t.db))!
    expect(await refreshStatusListIfDue(t.db, new Date(current.issuedAt.getTime() + DAY - 1))).toBeNull()
    const later = new Date(current.issuedAt.getTime() + DAY)
    expect(await refreshStatusListIfDue(t.db, later)).toMatchObject({ issuedAt: later })
    const list = await published(t.db)
    for (const c of valid.slice(0, 2)) expect(list.bit(c.serial)).toBe(1)
    const check = (now: number) => verifyStatusList(list.signedNote, { verifierKeys: [verifier()], now })
    expect(check(later.getTime() + STATUS_LIST_VALIDITY_MS)).toMatchObject({ ok: true, stale: false })
    expect(check(later.getTime() + STATUS_LIST_VALIDITY_MS + 1)).toMatchObject({ ok: true, stale: true })
  })
})
