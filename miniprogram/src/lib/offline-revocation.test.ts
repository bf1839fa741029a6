// A certificate revoked while the phone had signal, scanned later without signal — including one
// this phone never verified online (its place in the list comes from the scanned serial): the app's
// services against a real HTTP server standing in for the portal, with a transparency log,
// checkpoints and status lists made in the test with the shared codecs and a generated log key.
import type http from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from './app-services'
import { fetchHttpClient } from './http'
import { memoryStorage, type KeyValueStorage } from './storage'
import { json, startServer, type TestServer } from './testing/server'
import { bundled, completionFields, genuineCompletion, genuinePermit, permitFields, platformJwks, validAnswer } from './testing/fixtures'
import { certificateEntry, newLogSigner, otherEntry, signedStatusList, TestLog } from './testing/log'
import { describeVerdict } from './verdict'
import { makeCertificateSerial } from '@shared/validators/codes'

const T0 = new Date('2025-03-10T02:00:00.000Z')
const DAY = 24 * 3600_000
/** the completion filing's neighbours in its status group (C2026460200, sequences 44 and 46; it is 45) */
const NEIGHBOURS = [44, 46].map((seq) => makeCertificateSerial('COMPLETION_FILING', 2026, '460200', seq))
/** entries before the certificate's own in the test log */
const EARLIER_ENTRIES = 5

const text =
  (body: string) =>
  (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(body)
  }

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

const signer = newLogSigner()
let log: TestLog
let issued: number
let storage: KeyValueStorage
const clock = { now: T0 }

function newApp(): AppServices {
  return createAppServices(
    { storage, http: fetchHttpClient(fetch as never), clock: () => clock.now },
    { portalOrigin: server.origin, bundled: bundled(platformJwks()), bundledLogKey: signer.vkey },
  )
}

function serveList(revoked: string[], issuedAt: Date, validFor = 7 * DAY) {
  server.route('/log/status-list', text(signedStatusList(signer, { revoked, issuedAt, validUntil: new Date(issuedAt.getTime() + validFor) })))
}

beforeEach(async () => {
  storage = memoryStorage()
  clock.now = T0
  log = new TestLog(signer)
  for (let i = 0; i < EARLIER_ENTRIES; i++) log.append(otherEntry(i))
  issued = log.append(certificateEntry(genuinePermit, permitFields(), 'ISSUED'))
  log.append(otherEntry(50), otherEntry(51))
  server.route('/log/checkpoint', text(log.checkpoint()))
  server.route('/log/vkey', text(signer.vkey))
  serveList([], T0)
  const permit = validAnswer(permitFields())
  server.route('/api/v1/verify', json(200, { ...permit, log: await log.answerLog([issued]) }))
})

async function scan(app: AppServices, qr: string) {
  const { entry } = app.startScan(qr)
  await app.completeScan(entry.id)
  return app.history.get(entry.id)!.verdict
}

describe('offline revocation and inclusion proofs', () => {
  it('online: the answer’s inclusion proof verifies on the phone → 已收录于公开日志', async () => {
    const app = newApp()
    const verdict = await scan(app, genuinePermit.url(server.origin))
    expect(verdict).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', confirmation: { mode: 'ONLINE' }, logInclusion: { ok: true, index: issued, treeSize: 8 } })
    expect(describeVerdict(verdict, clock.now).logLine).toMatch(/^已收录于公开日志：签发记录为日志第 6 条/)
    expect(verdict.revocationList).toBeUndefined()
    expect(app.transparency.status().checkpoint?.size).toBe(8)
  })

  it('revoked after an online scan, list refreshed with signal, scanned without signal → 真 · 已撤销 with the list’s age', async () => {
    const app = newApp()
    await app.transparency.refresh(app.api)
    await scan(app, genuinePermit.url(server.origin))

    // the portal revokes it: a REVOKED entry and a new list, signed the same day
    const revokedAt = new Date(T0.getTime() + 3600_000)
    log.append(certificateEntry(genuinePermit, permitFields(), 'REVOKED', revokedAt.getTime()))
    server.route('/log/checkpoint', text(log.checkpoint()))
    serveList([permitFields().serial], revokedAt)
    clock.now = new Date(revokedAt.getTime() + 60_000)
    expect((await app.transparency.refresh(app.api)).ok).toBe(true)

    // three days later, on a site without signal
    server.route('/api/v1/verify', (req) => req.socket.destroy())
    clock.now = new Date(revokedAt.getTime() + 3 * DAY + 3600_000)
    const verdict = await scan(newApp(), genuinePermit.url(server.origin))
    expect(verdict).toMatchObject({
      authenticity: 'GENUINE',
      status: 'REVOKED',
      valid: false,
      confirmation: { mode: 'OFFLINE', failure: { kind: 'NETWORK' } },
      revocationList: { result: 'REVOKED', issuedAt: revokedAt.toISOString() },
      logInclusion: { ok: true, cached: true, index: issued },
    })
    const view = describeVerdict(verdict, clock.now)
    expect(view.title).toBe('真 · 已撤销')
    expect(view.revocationLine).toMatch(/^撤销名单更新于 3 天前：此证书已撤销。/)
    expect(view.confirmationLine).toContain('撤销状态取自本机保存的签名撤销名单')
  })

  it('a list past valid-until is reported as stale, not trusted either way', async () => {
    const app = newApp()
    serveList([permitFields().serial], T0, DAY)
    await app.transparency.refresh(app.api)
    await scan(app, genuinePermit.url(server.origin))
    server.route('/api/v1/verify', json(503, { error: { code: 'unavailable', message: '平台服务暂不可用' } }))
    clock.now = new Date(T0.getTime() + 2 * DAY)
    const verdict = await scan(app, genuinePermit.url(server.origin))
    expect(verdict).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', revocationList: { result: 'STALE', revokedInList: true } })
    const view = describeVerdict(verdict, clock.now)
    expect(view.statusWord).toBe('状态未确认')
    expect(view.revocationLine).toMatch(/^名单已过期，无法确认是否撤销：撤销名单更新于 2 天前/)
  })

  it('a current list with the bit clear: the status stays unconfirmed, the line says what the list says', async () => {
    const app = newApp()
    await app.transparency.refresh(app.api)
    await scan(app, genuinePermit.url(server.origin))
    server.route('/api/v1/verify', (req) => req.socket.destroy())
    clock.now = new Date(T0.getTime() + 5 * 3600_000)
    const verdict = await scan(app, genuinePermit.url(server.origin))
    expect(verdict).toMatchObject({ status: 'UNKNOWN', revocationList: { result: 'NOT_REVOKED' } })
    expect(describeVerdict(verdict, clock.now).revocationLine).toMatch(/^撤销名单更新于 5 小时前：名单中此证书未被撤销/)
  })

  it('a certificate this phone NEVER verified online, revoked, list refreshed, first scanned without signal → 真 · 已撤销', async () => {
    const app = newApp()
    const revokedAt = new Date(T0.getTime() + 3600_000)
    serveList([...NEIGHBOURS, completionFields().serial], revokedAt)
    clock.now = new Date(revokedAt.getTime() + 60_000)
    expect((await app.transparency.refresh(app.api)).ok).toBe(true)
    server.route('/api/v1/verify', (req) => req.socket.destroy())
    clock.now = new Date(revokedAt.getTime() + 2 * DAY)
    expect(app.transparency.certificate(completionFields().serial)).toBeNull() // never seen
    const verdict = await scan(app, genuineCompletion.url(server.origin))
    expect(verdict).toMatchObject({
      authenticity: 'GENUINE',
      status: 'REVOKED',
      valid: false,
      confirmation: { mode: 'OFFLINE' },
      revocationList: { result: 'REVOKED', issuedAt: revokedAt.toISOString() },
    })
    expect(verdict.certificate?.serial).toBe(completionFields().serial)
    const view = describeVerdict(verdict, clock.now)
    expect(view.title).toBe('真 · 已撤销')
    expect(view.revocationLine).toMatch(/^撤销名单更新于 2 天前：此证书已撤销。/)
  })

  it('no list on the phone says so; a never-seen certificate not in the list is answered by the list', async () => {
    const app = newApp()
    server.route('/api/v1/verify', (req) => req.socket.destroy())
    const noList = await scan(app, genuinePermit.url(server.origin))
    expect(describeVerdict(noList, clock.now).revocationLine).toBe('本机没有撤销名单，无法离线确认是否撤销。有信号时打开小程序即会下载。')

    // its neighbours revoked, not it: bit-exact
    serveList([permitFields().serial, ...NEIGHBOURS], T0)
    await app.transparency.refresh(app.api)
    const unseen = await scan(app, genuineCompletion.url(server.origin))
    expect(unseen).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', revocationList: { result: 'NOT_REVOKED' } })
    expect(unseen.certificate?.serial).toBe(completionFields().serial)
  })

  it('an answer whose proof does not verify: shown as such, and the proof is not kept', async () => {
    const app = newApp()
    const other = new TestLog(newLogSigner(signer.origin))
    other.append(certificateEntry(genuinePermit, permitFields(), 'ISSUED'))
    const permit = validAnswer(permitFields())
    server.route('/api/v1/verify', json(200, { ...permit, log: await other.answerLog([0]) }))
    const verdict = await scan(app, genuinePermit.url(server.origin))
    expect(verdict).toMatchObject({ status: 'VALID', logInclusion: { ok: false, message: '检查点签名无效' } })
    const view = describeVerdict(verdict, clock.now)
    expect(view.logLine).toMatch(/^公开日志的包含证明未通过核验/)
    expect(view.logTone).toBe('bad')
    expect(app.transparency.certificate(permitFields().serial)).not.toBeNull()
    expect(app.transparency.certificate(permitFields().serial)?.log).toBeUndefined()
  })

  it('the history keeps the offline evidence across a restart', async () => {
    const app = newApp()
    serveList([permitFields().serial], T0)
    await app.transparency.refresh(app.api)
    await scan(app, genuinePermit.url(server.origin))
    server.route('/api/v1/verify', (req) => req.socket.destroy())
    const verdict = await scan(app, genuinePermit.url(server.origin))
    const again = newApp().history.list()[0].verdict
    expect(again).toEqual(verdict)
    expect(again.revocationList?.result).toBe('REVOKED')
  })
})
