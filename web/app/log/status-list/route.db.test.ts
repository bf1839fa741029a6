// GET /log/status-list and GET /certificates/<serial>/tlog-proof against a real database on every
// test provider (only getDb() replaced by the test database): 404 before the first list; the list
// a phone fetches verifies with the log key and changes on the request after a revocation; the
// proof file downloads as a .tlog-proof attachment for the issuance and, after it, the revocation;
// bad serials and events are 400 naming the parameter, unknown ones 404.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { makeCertificateSerial } from '@shared/validators/codes'
import { parseTlogProof } from '@shared/transparency-log/proof-file'
import { decodeLogEntry } from '@shared/transparency-log/log-entry'
import { isSerialRevoked, verifyStatusList } from '@shared/transparency-log/status-list'
import type { Db } from '@web/lib/db'
import { revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { logKey } from '@web/server/transparency-log/log-key'
import { seedDatabase } from '../../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../../scripts/seed/test-signing-keys'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))

const statusList = await import('./route')
const tlogProof = await import('../../certificates/[serial]/tlog-proof/route')

const providers = await testProviders()
const KEYS = createTestSigningKeys()
const BASE = 'http://localhost:3000'
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const getList = (method = 'GET') => statusList.GET(new Request(`${BASE}/log/status-list`, { method }), none)
const getProof = (serial: string, query = '') =>
  tlogProof.GET(new Request(`${BASE}/certificates/${serial}/tlog-proof${query}`), { params: Promise.resolve({ serial }) })

describe.each(providers)('status list and tlog-proof routes on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    database.current = t.db
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  it('404 before the first list is signed', async () => {
    const response = await getList()
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  it('serves the signed list; a revocation shows in it on the next request', async () => {
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 'status-list-route', asOf: '2026-06-30' })
    const response = await getList()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const now = Date.parse('2026-07-01T00:00:00Z')
    const list = verifyStatusList(await response.text(), { verifierKeys: [logKey().verifierKey], origin: logKey().origin, now })
    if (!list.ok) throw new Error(list.reason)
    expect((await getList('HEAD')).status).toBe(200)

    const target = await t.db.certificate.findFirstOrThrow({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, select: { serial: true } })
    expect(isSerialRevoked(list.list, target.serial)).toBe(false)
    await revokeCertificate(t.db, { serial: target.serial, reason: '以欺骗手段取得施工许可', userId: null }, new Date(now))
    const after = verifyStatusList(await (await getList()).text(), { verifierKeys: [logKey().verifierKey], now })
    if (!after.ok) throw new Error(after.reason)
    expect(isSerialRevoked(after.list, target.serial)).toBe(true)

    // the revoked certificate's proof files: issuance, then revocation
    const issued = await getProof(target.serial)
    expect(issued.status).toBe(200)
    expect(issued.headers.get('content-disposition')).toBe(`attachment; filename="${target.serial}-issued.tlog-proof"`)
    const issuedProof = parseTlogProof(await issued.text())!
    expect(decodeLogEntry(issuedProof.extraData!)).toMatchObject({ event: 'ISSUED', serial: target.serial })
    const revoked = await getProof(target.serial, '?event=REVOKED')
    expect(revoked.status).toBe(200)
    const revokedProof = parseTlogProof(await revoked.text())!
    expect(decodeLogEntry(revokedProof.extraData!)).toMatchObject({ event: 'REVOKED', serial: target.serial })
    expect(revokedProof.index).toBeGreaterThan(issuedProof.index)
  })

  it('tlog-proof: 400 naming the parameter for a bad serial or event, 404 for what the log does not hold', async () => {
    const valid = await t.db.certificate.findFirstOrThrow({ where: { status: 'VALID' }, orderBy: { serial: 'desc' }, select: { serial: true } })
    const badSerial = await getProof('P2026')
    expect(badSerial.status).toBe(400)
    expect(await badSerial.json()).toMatchObject({ error: { issues: [{ parameter: 'serial' }] } })
    const badEvent = await getProof(valid.serial, '?event=DELETED')
    expect(badEvent.status).toBe(400)
    expect(await badEvent.json()).toMatchObject({ error: { issues: [{ parameter: 'event' }] } })
    expect((await getProof(valid.serial, '?event=REVOKED')).status).toBe(404)
    expect((await getProof(makeCertificateSerial('CONSTRUCTION_PERMIT', 2026, '460100', 999_999))).status).toBe(404)
  })
})
