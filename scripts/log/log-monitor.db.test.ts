// The monitor against the portal's own /log/ route handlers over a real database, on every test
// provider (only getDb() replaced by the test database): the seeded log is accepted and listed,
// revocations made afterwards show as new entries, and then an insider rewrites history in the
// database — an old entry changed, every hash above it recomputed and the checkpoint re-signed
// with the real log key, so the log is internally consistent — and the monitor alarms.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { formatCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash, nodeHash } from '@shared/transparency-log/hashes'
import { decodeLogEntry, encodeLogEntry } from '@shared/transparency-log/log-entry'
import { formatSignedNote, keyHash, noteMessage } from '@shared/transparency-log/note'
import { rootFromLeafHashes } from '@shared/transparency-log/tree'
import type { Db } from '@web/lib/db'
import { revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { logKey } from '@web/server/transparency-log/log-key'
import { forgetCachedTiles } from '@web/server/transparency-log/read-log-tile'
import { seedDatabase } from '../seed/seed-database'
import { createTestSigningKeys } from '../seed/test-signing-keys'
import { monitorOnce, type MonitorState } from './log-monitor'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))

const checkpointRoute = await import('../../web/app/log/checkpoint/route')
const tileRoute = await import('../../web/app/log/tile/[...path]/route')
const vkeyRoute = await import('../../web/app/log/vkey/route')

const providers = await testProviders()
const KEYS = createTestSigningKeys()
const PORTAL = 'https://portal.example.gov.cn'
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }

/** GET <portal>/log/<path> through the route handlers, as fetch would. */
async function fetchBytes(url: string): Promise<Uint8Array> {
  const path = url.slice(`${PORTAL}/log/`.length)
  const request = new Request(url)
  const response =
    path === 'checkpoint'
      ? await checkpointRoute.GET(request, none)
      : path === 'vkey'
        ? await vkeyRoute.GET(request, none)
        : await tileRoute.GET(request, { params: Promise.resolve({ path: path.split('/').slice(1) }) })
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

const monitor = (state: MonitorState | null) => monitorOnce({ portal: PORTAL, state, fetchBytes, now: new Date('2026-07-01T00:00:00Z') })

/** What an insider with the database and the log key could do: change entry `index` and re-sign. */
async function rewriteEntry(db: Db, index: number): Promise<void> {
  const row = await db.transparencyLogEntry.findUniqueOrThrow({ where: { index } })
  const forged = encodeLogEntry({ ...decodeLogEntry(new Uint8Array(row.entry))!, event: 'REVOKED' })
  await db.transparencyLogEntry.update({ where: { index }, data: { entry: new Uint8Array(forged), event: 'REVOKED' } })
  const leaves = (await db.transparencyLogEntry.findMany({ orderBy: { index: 'asc' }, select: { entry: true } })).map((e) => leafHash(new Uint8Array(e.entry)))
  // every stored complete subtree, recomputed bottom-up from the forged leaves
  const nodes = await db.transparencyLogNode.findMany({ orderBy: [{ level: 'asc' }, { index: 'asc' }], select: { level: true, index: true } })
  const hashes = new Map<string, Uint8Array>()
  for (const { level, index: i } of nodes) {
    const hash = level === 0 ? leaves[i] : nodeHash(hashes.get(`${level - 1}/${2 * i}`)!, hashes.get(`${level - 1}/${2 * i + 1}`)!)
    hashes.set(`${level}/${i}`, hash)
    await db.transparencyLogNode.update({ where: { level_index: { level, index: i } }, data: { hash: new Uint8Array(hash) } })
  }
  const key = logKey()
  const rootHash = rootFromLeafHashes(leaves)
  const text = formatCheckpoint({ origin: key.origin, size: leaves.length, rootHash })
  const checkpoint = formatSignedNote(text, [{ name: key.origin, keyHash: keyHash(key.origin, key.publicKey), signature: key.sign!(noteMessage(text)) }])
  await db.transparencyLogHead.update({ where: { id: 1 }, data: { rootHash: new Uint8Array(rootHash), checkpoint } })
}

describe.each(providers)('log monitor against the /log/ route handlers on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 'log-monitor', asOf: '2026-06-30' })
    database.current = t.db
    // the server keeps full tiles in memory: not the previous provider's
    forgetCachedTiles()
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  it('accepts the seeded log, then lists the revocations appended after it; alarms once history is rewritten', async () => {
    const size = await t.db.transparencyLogEntry.count()
    const first = await monitor(null)
    if (!first.ok) throw new Error(first.alarms[0].message)
    expect(first.state.size).toBe(size)
    expect(first.state.vkey).toBe(logKey().verifierKey)
    expect(first.newEntries).toHaveLength(size)

    const serials = (await t.db.certificate.findMany({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, take: 2, select: { serial: true } })).map((c) => c.serial)
    for (const serial of serials) await revokeCertificate(t.db, { serial, reason: '以欺骗手段取得施工许可', userId: null }, new Date('2026-07-01T02:00:00Z'))
    const second = await monitor(first.state)
    if (!second.ok) throw new Error(second.alarms[0].message)
    expect(second.newEntries.map((e) => [e.index, e.entry.event, e.entry.serial])).toEqual(serials.map((s, i) => [size + i, 'REVOKED', s]))

    // a certificate issued in the past quietly turned into a revocation
    await rewriteEntry(t.db, 3)
    expect(await monitor(second.state)).toMatchObject({ ok: false, alarms: [{ kind: 'SPLIT_VIEW' }] })
    // … and grown by one more event, so the sizes differ: the consistency proof fails
    await revokeCertificate(t.db, { serial: (await t.db.certificate.findFirstOrThrow({ where: { status: 'VALID' }, select: { serial: true } })).serial, reason: '证书信息虚假', userId: null })
    expect(await monitor(second.state)).toMatchObject({ ok: false, alarms: [{ kind: 'INCONSISTENT' }] })
    // a monitor starting afresh against a restarted server (no full tiles kept in memory) sees
    // only the rewritten log, consistent in itself: what the state file of an earlier run is for
    forgetCachedTiles()
    expect(await monitor(null)).toMatchObject({ ok: true })
  })
})
