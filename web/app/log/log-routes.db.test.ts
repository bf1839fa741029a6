// The /log routes against a seeded database on both providers, read the way a third party would:
// a verifier that knows only the C2SP texts (shared/transparency-log) and a fetch of the portal's
// /log/ URLs — here the route handlers themselves — checks the checkpoint's signature with the key
// from /log/vkey, recomputes the root from the tiles, checks every entry bundle against the level-0
// tiles and the inclusion proof of a certificate's ISSUED entry. Also: caching headers (full tiles
// immutable, the checkpoint for seconds), 404 past the tree, 400 for a malformed path, CORS, HEAD.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { openCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash } from '@shared/transparency-log/hashes'
import { decodeLogEntry } from '@shared/transparency-log/log-entry'
import { decodeEntryBundle, entriesTilePath, readHashesFromTiles, tilePath, tileWidthForSize } from '@shared/transparency-log/tiles'
import { proveInclusion, treeHash, verifyInclusion } from '@shared/transparency-log/tree'
import { forgetCachedTiles } from '@web/server/transparency-log/read-log-tile'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))

const checkpointRoute = await import('./checkpoint/route')
const vkeyRoute = await import('./vkey/route')
const tileRoute = await import('./tile/[...path]/route')
const providers = await testProviders()
const BASE = 'https://portal.example.gov.cn/log/'

/** GET (or HEAD) of a path under /log/, answered by the route that serves it. */
function get(path: string, method = 'GET'): Promise<Response> {
  const request = new Request(BASE + path, { method })
  if (path === 'checkpoint') return checkpointRoute.GET(request, { params: Promise.resolve({}) })
  if (path === 'vkey') return vkeyRoute.GET(request, { params: Promise.resolve({}) })
  const [first, ...rest] = path.split('/')
  if (first !== 'tile') throw new Error(`no route for ${path}`)
  return tileRoute.GET(request, { params: Promise.resolve({ path: rest }) })
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await get(path)
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

describe.each(providers)('/log routes on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    database.current = t.db
    // the previous provider's log had tiles at the same paths
    forgetCachedTiles()
    await seedDatabase(t.db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'log-routes', asOf: '2026-06-30' })
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  it('a verifier from the specs alone: signature, root from the tiles, entries, an inclusion proof', async () => {
    const vkey = (await (await get('vkey')).text()).trim()
    const checkpointResponse = await get('checkpoint')
    expect(checkpointResponse.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const opened = openCheckpoint(await checkpointResponse.text(), { verifierKeys: [vkey] })
    if (!opened.ok) throw new Error(opened.reason)
    const { size, rootHash } = opened.checkpoint
    expect(size).toBeGreaterThan(256) // at least one full tile
    const read = readHashesFromTiles(fetchBytes, size)
    expect(Buffer.from(await treeHash(size, read)).equals(Buffer.from(rootHash))).toBe(true)

    // every entry bundle hashes to its level-0 tile
    const entries: Uint8Array[] = []
    for (let n = 0; n * 256 < size; n++) {
      const width = tileWidthForSize(0, n, size)
      const bundle = decodeEntryBundle(await fetchBytes(entriesTilePath({ index: n, width })))
      const tile = await fetchBytes(tilePath({ level: 0, index: n, width }))
      expect(bundle).toHaveLength(width)
      bundle.forEach((entry, i) => expect(Buffer.from(leafHash(entry)).equals(Buffer.from(tile.subarray(32 * i, 32 * i + 32)))).toBe(true))
      entries.push(...bundle)
    }
    expect(entries).toHaveLength(size)

    // a certificate decoded from its entry: its ISSUED entry is included in the checkpoint's tree
    const certificate = await t.db.certificate.findFirstOrThrow({ where: { status: 'REVOKED' }, orderBy: { serial: 'asc' } })
    const index = entries.findIndex((e) => decodeLogEntry(e)?.serial === certificate.serial && decodeLogEntry(e)?.event === 'ISSUED')
    expect(index).not.toBe(-1)
    const proof = await proveInclusion(index, size, read)
    expect(verifyInclusion({ leafIndex: index, treeSize: size, leafHash: leafHash(entries[index]), proof, rootHash })).toBe(true)
    expect(verifyInclusion({ leafIndex: index, treeSize: size, leafHash: leafHash(entries[index + 1]), proof, rootHash })).toBe(false)
    expect(entries.some((e) => decodeLogEntry(e)?.serial === certificate.serial && decodeLogEntry(e)?.event === 'REVOKED')).toBe(true)
  })

  it('caches full tiles forever, partial tiles for a minute, the checkpoint for seconds; CORS for any site', async () => {
    const full = await get('tile/0/000')
    expect(full.status).toBe(200)
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(full.headers.get('content-type')).toBe('application/octet-stream')
    expect(full.headers.get('access-control-allow-origin')).toBe('*')
    expect((await full.arrayBuffer()).byteLength).toBe(8192)
    const partial = await get('tile/0/000.p/5')
    expect(partial.headers.get('cache-control')).toBe('public, max-age=60')
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(new Uint8Array(await (await get('tile/0/000')).arrayBuffer()).subarray(0, 160))
    const maxAge = Number(/max-age=(\d+)/.exec((await get('checkpoint')).headers.get('cache-control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(5)
    const head = await get('tile/entries/000', 'HEAD')
    expect(head.status).toBe(200)
  })

  it('answers 404 past the tree and 400 (naming the path) for a malformed one', async () => {
    const size = (await t.db.transparencyLogHead.findUniqueOrThrow({ where: { id: 1 } })).size
    const lastTile = Math.floor(size / 256)
    const width = size % 256
    expect((await get(`tile/0/${String(lastTile).padStart(3, '0')}`)).status).toBe(404) // not full yet
    expect((await get(`tile/0/${String(lastTile).padStart(3, '0')}.p/${width}`)).status).toBe(200)
    if (width < 255) expect((await get(`tile/0/${String(lastTile).padStart(3, '0')}.p/${width + 1}`)).status).toBe(404)
    expect((await get('tile/entries/x999/999')).status).toBe(404)
    expect((await get('tile/3/000')).status).toBe(404)
    expect((await get('tile/63/x001/x000/000')).status).toBe(404)
    for (const bad of ['tile/0/1', 'tile/0/0001', 'tile/00/000', 'tile/64/000', 'tile/0/000.p/256', 'tile/0/000.p/0', 'tile/0/x000/001', 'tile/entries', 'tile/abc/000']) {
      const response = await get(bad)
      expect(response.status, bad).toBe(400)
      expect(await response.json(), bad).toMatchObject({ error: { code: 'bad_request', issues: [{ parameter: 'path' }] } })
    }
  })
})
