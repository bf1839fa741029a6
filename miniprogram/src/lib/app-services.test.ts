// A scan from start to end against a real HTTP server standing in for the portal: the offline
// verdict at once, then the online answer or each way of not getting one.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppServices, type AppServices } from './app-services'
import { fetchHttpClient } from './http'
import { memoryStorage } from './storage'
import { json, stall, startServer, type TestServer } from './testing/server'
import { manualDeadlines, type ManualDeadlines } from './testing/deadlines'
import {
  bundled,
  forgedPermit,
  genuinePermit,
  permitFields,
  platformJwks,
  rotatedPermit,
  validAnswer,
} from './testing/fixtures'
import { signCertificate } from '@shared/certificates'
import { describeVerdict } from './verdict'

let server: TestServer
let app: AppServices
// deadlines fire when a test fires them; each kind of request has its own length, so a test can
// fire the verification's alone
let deadlines: ManualDeadlines
const TIMEOUTS = { verify: 301, jwks: 302, read: 303 }

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

beforeEach(() => {
  server.requests.length = 0
  deadlines = manualDeadlines()
  // the portal's own origin is the test server: its QR codes point there
  app = createAppServices(
    { storage: memoryStorage(), http: fetchHttpClient(fetch as never, deadlines.timer) },
    { portalOrigin: server.origin, bundled: bundled(platformJwks()), timeouts: TIMEOUTS },
  )
  server.route('/api/v1/verify', json(200, validAnswer(permitFields())))
  server.route('/.well-known/jwks.json', json(200, platformJwks({ rotated: true })))
})

const verifyCalls = () => server.requests.filter((r) => r.url.startsWith('/api/v1/verify')).length

describe('a scan end to end', () => {
  it('genuine + portal says VALID: pending at once, then 真 · 有效 confirmed online, stored in the history', async () => {
    const { entry } = app.startScan(genuinePermit.url(server.origin))
    expect(entry.verdict).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', confirmation: { mode: 'PENDING' } })
    const verdict = await app.completeScan(entry.id)
    expect(verdict).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', confirmation: { mode: 'ONLINE' } })
    expect(app.history.get(entry.id)?.verdict).toEqual(verdict)
    // completing again does not ask again
    await app.completeScan(entry.id)
    expect(verifyCalls()).toBe(1)
  })

  it('revoked: 真 · 已撤销', async () => {
    server.route('/api/v1/verify', json(200, validAnswer(permitFields(), { status: 'REVOKED', reason: 'REVOKED', message: '证书已撤销' })))
    const { entry } = app.startScan(genuinePermit.url(server.origin))
    const v = await app.completeScan(entry.id)
    expect(describeVerdict(v!).title).toBe('真 · 已撤销')
  })

  it.each([
    ['a server that never answers (timeout)', stall, 'TIMEOUT'],
    ['a 500', json(500, { error: { code: 'internal_error', message: '服务器内部错误' } }), 'SERVER_ERROR'],
    ['a 503', json(503, { error: { code: 'service_unavailable', message: '证书核验服务尚未配置，请稍后再试' } }), 'UNAVAILABLE'],
    ['a 429', json(429, { error: { code: 'rate_limited', message: '请求过于频繁' } }, { 'Retry-After': '12' }), 'RATE_LIMITED'],
    ['malformed JSON', json(200, '{"genuine":'), 'BAD_RESPONSE'],
  ])('genuine + %s → the offline verdict with the warning', async (_name, handler, kind) => {
    server.route('/api/v1/verify', handler)
    const { entry } = app.startScan(genuinePermit.url(server.origin))
    const completing = app.completeScan(entry.id)
    if (kind === 'TIMEOUT') {
      // the portal has the request and will never answer: the verification's deadline ends it
      await vi.waitFor(() => expect(verifyCalls()).toBe(1))
      expect(deadlines.fire(TIMEOUTS.verify)).toBe(1)
    }
    // every other failure is answered without any deadline firing
    const v = await completing
    expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', confirmation: { mode: 'OFFLINE', failure: { kind } } })
    expect(describeVerdict(v!).confirmationLine).toContain('仅离线核验了数字签名')
    expect(app.history.get(entry.id)?.verdict).toEqual(v)
  })

  it('genuine + no network at all → offline verdict with the warning', async () => {
    const closed = await startServer()
    const origin = closed.origin
    await closed.close()
    const offlineApp = createAppServices(
      { storage: memoryStorage(), http: fetchHttpClient(fetch as never) },
      { portalOrigin: origin, bundled: bundled(platformJwks()), timeouts: { verify: 2000 } },
    )
    const { entry } = offlineApp.startScan(genuinePermit.url(origin))
    const v = await offlineApp.completeScan(entry.id)
    expect(v).toMatchObject({ authenticity: 'GENUINE', confirmation: { mode: 'OFFLINE', failure: { kind: 'NETWORK' } } })
  })

  it('forged, foreign and plain-text codes are 假 at once, and the portal is not asked', async () => {
    for (const text of [forgedPermit.url(server.origin), genuinePermit.url('https://evil.example.com'), '施工许可证 P20244601000001236']) {
      const { entry } = app.startScan(text)
      expect(entry.verdict).toMatchObject({ authenticity: 'FAKE', confirmation: { mode: 'OFFLINE_FINAL' } })
      expect(await app.completeScan(entry.id)).toEqual(entry.verdict)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('a key the phone does not hold yet: the keys are refreshed while the portal is asked', async () => {
    server.route('/api/v1/verify', json(200, validAnswer(permitFields({ issuedOn: '2025-08-01' }))))
    const { entry, offline } = app.startScan(rotatedPermit.url(server.origin))
    expect(offline).toMatchObject({ kind: 'UNDECIDED', reason: 'UNKNOWN_KEY' })
    expect(entry.verdict.authenticity).toBe('UNCONFIRMED')
    const v = await app.completeScan(entry.id)
    expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', keyId: 2 })
    expect(app.keys.keys().map((k) => k.keyId)).toEqual([1, 2])
    // the next scan of it is genuine offline
    expect(app.startScan(rotatedPermit.url(server.origin)).offline.kind).toBe('GENUINE')
  })

  it('an unknown key id that turns out, after the refresh, to carry a forged signature → 假 offline', async () => {
    const forgedUnderKey2 = signCertificate(permitFields({ issuedOn: '2025-08-01' }), new Uint8Array(32).fill(5), 2)
    const { entry } = app.startScan(forgedUnderKey2.url(server.origin))
    expect(entry.verdict.authenticity).toBe('UNCONFIRMED')
    const v = await app.completeScan(entry.id)
    expect(v).toMatchObject({ authenticity: 'FAKE', reason: 'BAD_SIGNATURE', confirmation: { mode: 'OFFLINE_FINAL' } })
  })

  it('an unknown key that the portal does not publish either, without an answer → 假', async () => {
    const stranger = signCertificate(permitFields(), new Uint8Array(32).fill(7), 9)
    server.route('/api/v1/verify', stall)
    const { entry } = app.startScan(stranger.url(server.origin))
    const completing = app.completeScan(entry.id)
    // the portal never answers the verification: its deadline ends it
    await vi.waitFor(() => expect(verifyCalls()).toBe(1))
    expect(deadlines.fire(TIMEOUTS.verify)).toBe(1)
    const v = await completing
    expect(v).toMatchObject({ authenticity: 'FAKE', reason: 'UNKNOWN_KEY', confirmation: { mode: 'OFFLINE', keysRefreshed: true } })
  })

  it('refreshes stale keys in the background, and not when fresh', async () => {
    expect(await app.refreshKeysIfStale()).toMatchObject({ ok: true, keyIds: [1, 2] })
    expect(await app.refreshKeysIfStale()).toBeNull()
  })

  it('a history entry left pending (app closed mid-scan) is completed when opened again', async () => {
    const storage = memoryStorage()
    const first = createAppServices({ storage, http: fetchHttpClient(fetch as never) }, { portalOrigin: server.origin, bundled: bundled() })
    const { entry } = first.startScan(genuinePermit.url(server.origin))
    const second = createAppServices({ storage, http: fetchHttpClient(fetch as never) }, { portalOrigin: server.origin, bundled: bundled() })
    expect(second.history.get(entry.id)?.verdict.confirmation.mode).toBe('PENDING')
    expect(await second.completeScan(entry.id)).toMatchObject({ status: 'VALID', confirmation: { mode: 'ONLINE' } })
    expect(await second.completeScan('missing')).toBeNull()
  })
})
