// The monitor against recorded logs: a log written here entry by entry into C2SP tlog-tiles files
// (hash tiles at levels 0 and 1, entry bundles, full and partial) with a checkpoint signed by
// node:crypto's Ed25519, served as files, and then served dishonestly — history rewritten, a split
// view, a shrunk tree, a checkpoint signed by another key, tiles that do not match the root. The
// honest runs must pass and list the new entries; every dishonest one must alarm and leave the state.
// The CLI runs once as a child process against an HTTP server of these files (exit 0, then 1).
import { execFile } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { formatCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash } from '@shared/transparency-log/hashes'
import { encodeLogEntry, type LogEntry } from '@shared/transparency-log/log-entry'
import { formatSignedNote, formatVerifierKey, keyHash } from '@shared/transparency-log/note'
import { encodeEntryBundle, entriesTilePath, tilePath, tileWidthForSize, TILE_WIDTH } from '@shared/transparency-log/tiles'
import { rootFromLeafHashes } from '@shared/transparency-log/tree'
import { makeCertificateSerial } from '@shared/validators/codes'
import { monitorOnce, type MonitorResult, type MonitorState } from './log-monitor'

const PORTAL = 'https://portal.example.gov.cn'
const ORIGIN = 'portal.example.gov.cn/log'
const NOW = new Date('2026-07-01T00:00:00Z')

interface LogKey {
  privateKey: KeyObject
  publicKey: Uint8Array
}

function newKey(): LogKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privateKey, publicKey: new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')) }
}

function entry(i: number, event: LogEntry['event'] = 'ISSUED'): Uint8Array {
  const payloadSha256 = new Uint8Array(32).fill(i % 251)
  return encodeLogEntry({ event, certificateType: 'CONSTRUCTION_PERMIT', serial: makeCertificateSerial('CONSTRUCTION_PERMIT', 2026, '460100', i + 1), payloadSha256, keyId: '1', occurredAt: Date.UTC(2026, 0, 1) + i * 60_000 })
}

/** The files a tlog-tiles log of these entries serves, under /log/. */
function logFiles(entries: readonly Uint8Array[], key: LogKey): Map<string, Uint8Array> {
  const size = entries.length
  const leaves = entries.map(leafHash)
  const files = new Map<string, Uint8Array>()
  for (let level = 0; 256 ** level <= size; level++) {
    const span = 256 ** level
    for (let index = 0; index * TILE_WIDTH * span < size; index++) {
      const width = tileWidthForSize(level, index, size)
      if (width === 0) break
      const hashes = Array.from({ length: width }, (_, j) => {
        const first = (index * TILE_WIDTH + j) * span
        return rootFromLeafHashes(leaves.slice(first, first + span))
      })
      files.set(tilePath({ level, index, width }), Buffer.concat(hashes))
      if (level === 0) files.set(entriesTilePath({ index, width }), encodeEntryBundle(entries.slice(index * TILE_WIDTH, index * TILE_WIDTH + width)))
    }
  }
  const text = formatCheckpoint({ origin: ORIGIN, size, rootHash: rootFromLeafHashes(leaves) })
  const signature = new Uint8Array(sign(null, Buffer.from(text), key.privateKey))
  files.set('checkpoint', Buffer.from(formatSignedNote(text, [{ name: ORIGIN, keyHash: keyHash(ORIGIN, key.publicKey), signature }])))
  files.set('vkey', Buffer.from(`${formatVerifierKey(ORIGIN, key.publicKey)}\n`))
  return files
}

function serving(files: Map<string, Uint8Array>) {
  return async (url: string) => {
    const prefix = `${PORTAL}/log/`
    const file = url.startsWith(prefix) ? files.get(url.slice(prefix.length)) : undefined
    if (!file) throw new Error('HTTP 404')
    return new Uint8Array(file)
  }
}

const run = (files: Map<string, Uint8Array>, state: MonitorState | null, vkey?: string) => monitorOnce({ portal: PORTAL, state, vkey, fetchBytes: serving(files), now: NOW })

function accepted(result: MonitorResult): Extract<MonitorResult, { ok: true }> {
  if (!result.ok) throw new Error(`unexpected alarm: ${result.alarms.map((a) => `${a.kind} ${a.message}`).join('; ')}`)
  return result
}

const KEY = newKey()
const HONEST = Array.from({ length: 700 }, (_, i) => entry(i, i % 97 === 96 ? 'REVOKED' : 'ISSUED'))

describe('log monitor', () => {
  it('pins the key on first use, re-derives the root, then follows an append-only log and lists what is new', async () => {
    const first = accepted(await run(logFiles(HONEST.slice(0, 300), KEY), null))
    expect(first.pinnedKey).toBe(true)
    expect(first.state.vkey).toBe(formatVerifierKey(ORIGIN, KEY.publicKey))
    expect(first.newEntries.map((e) => e.index)).toEqual(Array.from({ length: 300 }, (_, i) => i))
    expect(first.newEntries[96].entry).toMatchObject({ event: 'REVOKED', serial: makeCertificateSerial('CONSTRUCTION_PERMIT', 2026, '460100', 97) })

    const second = accepted(await run(logFiles(HONEST.slice(0, 613), KEY), first.state))
    expect(second.pinnedKey).toBe(false)
    expect(second.previousSize).toBe(300)
    expect(second.newEntries.map((e) => e.index)).toEqual(Array.from({ length: 313 }, (_, i) => 300 + i))
    expect(second.state.size).toBe(613)

    const unchanged = accepted(await run(logFiles(HONEST.slice(0, 613), KEY), second.state))
    expect(unchanged.newEntries).toEqual([])

    // every size step from one entry on, so that partial and full tiles of both levels meet the frontier
    let state: MonitorState | null = null
    for (const size of [1, 2, 3, 255, 256, 257, 511, 512, 513, 700]) state = accepted(await run(logFiles(HONEST.slice(0, size), KEY), state)).state
    expect(state!.size).toBe(700)
  })

  it('alarms when history is rewritten: an old entry changed and the tree grown, signed by the log key', async () => {
    const before = accepted(await run(logFiles(HONEST.slice(0, 400), KEY), null))
    const rewritten = [...HONEST.slice(0, 450)]
    rewritten[5] = entry(5, 'REVOKED') // a certificate quietly marked revoked in the past
    const result = await run(logFiles(rewritten, KEY), before.state)
    expect(result).toMatchObject({ ok: false, alarms: [{ kind: 'INCONSISTENT' }] })
    // an entry removed from the past, the rest shifted down
    const removed = await run(logFiles([...HONEST.slice(0, 5), ...HONEST.slice(6, 460)], KEY), before.state)
    expect(removed).toMatchObject({ ok: false, alarms: [{ kind: 'INCONSISTENT' }] })
  })

  it('alarms on a split view (another tree of the same size) and on a shrunk tree', async () => {
    const before = accepted(await run(logFiles(HONEST.slice(0, 400), KEY), null))
    const other = [...HONEST.slice(0, 400)]
    other[399] = entry(10_000)
    expect(await run(logFiles(other, KEY), before.state)).toMatchObject({ ok: false, alarms: [{ kind: 'SPLIT_VIEW' }] })
    expect(await run(logFiles(HONEST.slice(0, 399), KEY), before.state)).toMatchObject({ ok: false, alarms: [{ kind: 'ROLLBACK' }] })
  })

  it('alarms on a checkpoint not signed by the pinned key, and on a key other than the one given', async () => {
    const before = accepted(await run(logFiles(HONEST.slice(0, 10), KEY), null))
    const impostor = logFiles(HONEST.slice(0, 20), newKey())
    expect(await run(impostor, before.state)).toMatchObject({ ok: false, alarms: [{ kind: 'BAD_SIGNATURE' }] })
    // first use with the published key given: the impostor's own /log/vkey is not believed
    expect(await run(impostor, null, before.state.vkey)).toMatchObject({ ok: false, alarms: [{ kind: 'BAD_SIGNATURE' }] })
    expect(await run(logFiles(HONEST.slice(0, 20), KEY), before.state, formatVerifierKey(ORIGIN, newKey().publicKey))).toMatchObject({ ok: false, alarms: [{ kind: 'KEY_CHANGED' }] })
  })

  it('alarms when the served entries or hash tiles do not match the signed root', async () => {
    const before = accepted(await run(logFiles(HONEST.slice(0, 300), KEY), null))
    const honest = logFiles(HONEST.slice(0, 320), KEY)

    // an entry bundle with another entry than the one logged
    const forgedEntries = new Map(honest)
    const bundle = [...HONEST.slice(256, 320)]
    bundle[50] = entry(20_000) // entry 306, one of the new ones
    forgedEntries.set(entriesTilePath({ index: 1, width: 64 }), encodeEntryBundle(bundle))
    expect(await run(forgedEntries, before.state)).toMatchObject({ ok: false, alarms: [{ kind: 'ROOT_MISMATCH' }] })
    // on a first run too, where the whole tree is re-derived
    expect(await run(forgedEntries, null)).toMatchObject({ ok: false, alarms: [{ kind: 'ROOT_MISMATCH' }] })

    // a level-0 hash tile that other verifiers would read wrong
    const forgedTile = new Map(honest)
    const tile = new Uint8Array(honest.get(tilePath({ level: 0, index: 1, width: 64 }))!)
    tile[32 * 50] ^= 1
    forgedTile.set(tilePath({ level: 0, index: 1, width: 64 }), tile)
    const result = await run(forgedTile, before.state)
    expect(result.ok).toBe(false)
    expect(['INCONSISTENT', 'TILE_MISMATCH']).toContain(!result.ok && result.alarms[0].kind)

    // bytes that are no log entry
    const garbage = new Map(honest)
    garbage.set(entriesTilePath({ index: 1, width: 64 }), encodeEntryBundle(Array.from({ length: 64 }, () => new Uint8Array([9, 9, 9]))))
    expect(await run(garbage, before.state)).toMatchObject({ ok: false, alarms: [{ kind: 'BAD_ENTRY' }] })
  })

  it('the command: exit 0 and the new entries listed; after history is rewritten, exit 1 with ALARM and the state kept', async () => {
    let files = logFiles(HONEST.slice(0, 300), KEY)
    const server = http.createServer((req, res) => {
      const file = req.url?.startsWith('/log/') ? files.get(req.url.slice('/log/'.length)) : undefined
      res.writeHead(file ? 200 : 404, { 'Content-Type': 'application/octet-stream' }).end(file)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-monitor-'))
    const stateFile = path.join(dir, 'state.json')
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    const monitor = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/log/monitor.ts', url, '--state', stateFile, '--vkey', formatVerifierKey(ORIGIN, KEY.publicKey)]).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      )
    try {
      const first = await monitor()
      expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('OK') })
      expect(first.stdout).toContain(`#299 ISSUED`)
      files = logFiles(HONEST.slice(0, 310), KEY)
      const second = await monitor()
      expect(second.code).toBe(0)
      expect(second.stdout).toMatch(/tree size 310 \(was 300\), root \S+, 10 new entries/)
      const kept = fs.readFileSync(stateFile, 'utf8')

      const rewritten = [...HONEST.slice(0, 320)]
      rewritten[0] = entry(0, 'REVOKED')
      files = logFiles(rewritten, KEY)
      const third = await monitor()
      expect(third.code).toBe(1)
      expect(third.stderr).toContain('ALARM INCONSISTENT')
      expect(fs.readFileSync(stateFile, 'utf8')).toBe(kept)
    } finally {
      server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
