// The phone's side of the transparency log, against a log, checkpoints and status lists made in
// the test with the shared codecs and a key generated for the run.
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseVerifierKey } from '@shared/transparency-log/note'
import type { ApiResult } from './api-client'
import { memoryStorage, type KeyValueStorage } from './storage'
import { certificateEntry, newLogSigner, otherEntry, signedStatusList, TestLog, type LogSigner } from './testing/log'
import { genuineCompletion, genuinePermit, completionFields, ok, permitFields, PLATFORM_KEY_ID, PLATFORM_SECRET } from './testing/fixtures'
import { encodeBase64url, signCertificate } from '@shared/certificates'
import { formatStatusListText } from '@shared/transparency-log/status-list'
import { makeCertificateSerial } from '@shared/validators/codes'
import { CERTIFICATE_LOG_STORAGE_KEY, checkInclusion, LOG_STORAGE_KEY, TransparencyStore, type LogApi } from './transparency'

const SERIAL = permitFields().serial
/** the next certificate of SERIAL's status group (same type, year and region) */
const NEXT_IN_GROUP = makeCertificateSerial('CONSTRUCTION_PERMIT', Number(SERIAL.slice(1, 5)), SERIAL.slice(5, 11), Number(SERIAL.slice(11, 17)) + 1)
/** a certificate of another group */
const OTHER = makeCertificateSerial('COMPLETION_FILING', 2025, '460200', 9)
const T0 = new Date('2025-03-10T02:00:00.000Z')
const HOUR = 3600_000
const DAY = 24 * HOUR

const failed = <T>(): ApiResult<T> => ({ ok: false, failure: { kind: 'NETWORK', message: '无法连接平台（无网络或信号弱）' } })

/** A portal's /log/ routes as plain answers the test changes between calls. */
function fakeApi(signer: LogSigner, initial: { list?: string; checkpoint?: string } = {}) {
  const state = { vkey: signer.vkey as string | null, list: initial.list ?? null, checkpoint: initial.checkpoint ?? null, calls: 0 }
  const api: LogApi = {
    async logVerifierKey() {
      state.calls++
      return state.vkey === null ? failed() : ok(state.vkey)
    },
    async statusList() {
      state.calls++
      return state.list === null ? failed() : ok(state.list)
    },
    async checkpoint() {
      state.calls++
      return state.checkpoint === null ? failed() : ok(state.checkpoint)
    },
  }
  return { api, state }
}

function store(options: { signer?: LogSigner; bundled?: boolean; storage?: KeyValueStorage; now?: () => Date } = {}) {
  const clock = { now: T0 }
  const s = new TransparencyStore({
    storage: options.storage ?? memoryStorage(),
    bundledKey: options.bundled === false ? null : (options.signer?.vkey ?? null),
    clock: options.now ?? (() => clock.now),
  })
  return { store: s, clock }
}

async function permitLog(signer: LogSigner, { revoked = false } = {}) {
  const log = new TestLog(signer)
  for (let i = 0; i < 5; i++) log.append(otherEntry(i))
  const issued = log.append(certificateEntry(genuinePermit, permitFields(), 'ISSUED'))
  for (let i = 5; i < 9; i++) log.append(otherEntry(i))
  const indices = [issued]
  if (revoked) indices.push(log.append(certificateEntry(genuinePermit, permitFields(), 'REVOKED', Date.UTC(2025, 2, 5))))
  log.append(otherEntry(20))
  return { log, issued, answer: await log.answerLog(indices) }
}

describe('checkInclusion: the verify answer’s proofs, checked on the phone', () => {
  const signer = newLogSigner()
  const key = parseVerifierKey(signer.vkey)!

  it('accepts real proofs of the ISSUED (and REVOKED) entries against the signed checkpoint', async () => {
    const { issued, answer } = await permitLog(signer, { revoked: true })
    expect(checkInclusion(answer, { key, serial: SERIAL, payload: genuinePermit.payload })).toEqual({
      ok: true,
      index: issued,
      treeSize: 12,
      events: ['ISSUED', 'REVOKED'],
    })
  })

  it('refuses a checkpoint signed by another key, even with correct proofs', async () => {
    const { answer } = await permitLog(newLogSigner())
    expect(checkInclusion(answer, { key, serial: SERIAL, payload: genuinePermit.payload })).toEqual({ ok: false, message: '检查点签名无效' })
  })

  it('refuses a proof with one hash changed', async () => {
    const { answer } = await permitLog(signer)
    const proof = [...answer.entries[0].proof]
    proof[1] = proof[0]
    const bad = { ...answer, entries: [{ ...answer.entries[0], proof }] }
    expect(checkInclusion(bad, { key, serial: SERIAL, payload: genuinePermit.payload })).toMatchObject({ ok: false, message: expect.stringContaining('包含证明不成立') })
  })

  it('refuses an entry moved to another index, and a tree size the checkpoint does not say', async () => {
    const { answer } = await permitLog(signer)
    const moved = { ...answer, entries: [{ ...answer.entries[0], index: answer.entries[0].index + 1 }] }
    expect(checkInclusion(moved, { key, serial: SERIAL, payload: genuinePermit.payload }).ok).toBe(false)
    expect(checkInclusion({ ...answer, treeSize: answer.treeSize - 1 }, { key, serial: SERIAL, payload: genuinePermit.payload })).toMatchObject({ ok: false })
  })

  it('refuses proofs of another certificate, and an ISSUED entry of another QR with the same serial', async () => {
    const { answer } = await permitLog(signer)
    expect(checkInclusion(answer, { key, serial: completionFields().serial, payload: genuineCompletion.payload })).toEqual({ ok: false, message: '日志条目与此证书不符' })
    // the same serial signed again (as after a re-issue): the log holds the other payload's hash
    const other = signCertificate(permitFields({ issuedOn: '2024-03-16' }), PLATFORM_SECRET, PLATFORM_KEY_ID)
    expect(checkInclusion(answer, { key, serial: SERIAL, payload: other.payload })).toEqual({ ok: false, message: '日志中没有此二维码的签发条目' })
  })
})

describe('TransparencyStore: the status list', () => {
  const signer = newLogSigner()

  function listOf(revoked: string[], issuedAt = T0, validFor = 2 * DAY) {
    return signedStatusList(signer, { revoked, issuedAt, validUntil: new Date(issuedAt.getTime() + validFor) })
  }

  it('no list yet: says so; a refresh stores the verified list', async () => {
    const { store: s } = store({ signer })
    expect(s.revocation(SERIAL)).toEqual({ result: 'NO_LIST' })
    const { api } = fakeApi(signer, { list: listOf([SERIAL]) })
    expect(await s.refresh(api)).toEqual({ ok: true, message: '撤销名单已更新' })
    expect(s.revocation(SERIAL)).toEqual({ result: 'REVOKED', issuedAt: T0.toISOString(), validUntil: new Date(T0.getTime() + 2 * DAY).toISOString() })
  })

  it('answers by serial alone (never seen on this phone): bit clear or group absent NOT_REVOKED; a broken group UNREADABLE', async () => {
    const { store: s } = store({ signer })
    await s.refresh(fakeApi(signer, { list: listOf([NEXT_IN_GROUP, OTHER]) }).api)
    expect(s.certificate(SERIAL)).toBeNull()
    expect(s.revocation(SERIAL).result).toBe('NOT_REVOKED') // its group is listed, its bit clear
    expect(s.revocation(NEXT_IN_GROUP).result).toBe('REVOKED')
    expect(s.revocation(OTHER).result).toBe('REVOKED')
    expect(s.revocation(makeCertificateSerial('COMPLETION_FILING', 2030, '460100', 1)).result).toBe('NOT_REVOKED') // group absent
    // a list whose group for this serial does not inflate to 1,000,000 bits answers nothing for it
    const short = `u${encodeBase64url(gzipSync(new Uint8Array(131_072 / 8)))}`
    const broken = signer.sign(formatStatusListText({ origin: signer.origin, issuedAt: T0.getTime() + HOUR, validUntil: T0.getTime() + DAY, groups: [{ group: SERIAL.slice(0, 11), encodedList: short }] }))
    await s.refresh(fakeApi(signer, { list: broken }).api)
    expect(s.revocation(SERIAL)).toMatchObject({ result: 'UNREADABLE' })
    expect(s.revocation(OTHER).result).toBe('NOT_REVOKED')
  })

  it('past valid-until the list is STALE, whatever its bit says (and says what the bit was)', async () => {
    const { store: s, clock } = store({ signer })
    await s.refresh(fakeApi(signer, { list: listOf([SERIAL, OTHER]) }).api)
    clock.now = new Date(T0.getTime() + 2 * DAY + 1)
    expect(s.revocation(SERIAL)).toMatchObject({ result: 'STALE', revokedInList: true })
    expect(s.revocation(NEXT_IN_GROUP)).toMatchObject({ result: 'STALE', revokedInList: false })
    expect(s.status().statusList?.stale).toBe(true)
  })

  it('a list signed by another key, or for another log, is refused and the list held is kept', async () => {
    const { store: s } = store({ signer })
    await s.refresh(fakeApi(signer, { list: listOf([]) }).api)
    const forger = newLogSigner(signer.origin)
    const forged = signedStatusList(forger, { revoked: [], issuedAt: new Date(T0.getTime() + HOUR), validUntil: new Date(T0.getTime() + DAY) })
    expect(await s.refresh(fakeApi(signer, { list: forged }).api)).toMatchObject({ ok: false, message: expect.stringContaining('未通过核验') })
    const otherLog = newLogSigner('another.example/log')
    const foreign = signedStatusList(otherLog, { revoked: [SERIAL], issuedAt: new Date(T0.getTime() + HOUR), validUntil: new Date(T0.getTime() + DAY) })
    expect((await s.refresh({ ...fakeApi(signer).api, statusList: async () => ok(foreign) })).ok).toBe(false)
    expect(s.revocation(SERIAL).result).toBe('NOT_REVOKED')
  })

  it('an older list never replaces a newer one (a replayed list would hide a revocation)', async () => {
    const { store: s } = store({ signer })
    await s.refresh(fakeApi(signer, { list: listOf([SERIAL], new Date(T0.getTime() - HOUR)) }).api)
    const older = listOf([], new Date(T0.getTime() - 2 * HOUR))
    expect(await s.refresh(fakeApi(signer, { list: older }).api)).toMatchObject({ ok: false })
    expect(s.revocation(SERIAL).result).toBe('REVOKED')
    expect(s.status().alarms[0].message).toContain('撤销名单早于本机已有的名单')
  })

  it('no signal: the list held is kept, and the failure is recorded', async () => {
    const { store: s } = store({ signer })
    await s.refresh(fakeApi(signer, { list: listOf([]) }).api)
    const outcome = await s.refresh(fakeApi(signer).api)
    expect(outcome).toEqual({ ok: false, message: '未能更新撤销名单：无法连接平台（无网络或信号弱）' })
    expect(s.status().statusList).not.toBeNull()
    expect(s.status().lastAttempt).toMatchObject({ ok: false })
  })

  it('isStale: without a list, and once the list was fetched more than 10 minutes ago', async () => {
    const { store: s, clock } = store({ signer })
    expect(s.isStale()).toBe(true)
    await s.refresh(fakeApi(signer, { list: listOf([]) }).api)
    expect(s.isStale()).toBe(false)
    clock.now = new Date(T0.getTime() + 11 * 60_000)
    expect(s.isStale()).toBe(true)
  })

  it('keeps everything across a restart (storage), and works from memory when storage refuses', async () => {
    const storage = memoryStorage()
    const first = store({ signer, storage }).store
    await first.refresh(fakeApi(signer, { list: listOf([SERIAL]) }).api)
    expect(store({ signer, storage }).store.revocation(SERIAL).result).toBe('REVOKED')

    const refusing: KeyValueStorage = { getItem: () => null, setItem: () => { throw new Error('quota') }, removeItem: () => {} }
    const s = store({ signer, storage: refusing }).store
    await s.refresh(fakeApi(signer, { list: listOf([SERIAL]) }).api)
    expect(s.revocation(SERIAL).result).toBe('REVOKED')
  })

  it('ignores corrupt stored values', () => {
    const storage = memoryStorage({ [LOG_STORAGE_KEY]: '{"statusList": 5, "alarms": "x"}', [CERTIFICATE_LOG_STORAGE_KEY]: '[1,2]' })
    const { store: s } = store({ signer, storage })
    expect(s.revocation(SERIAL)).toEqual({ result: 'NO_LIST' })
    expect(s.status()).toMatchObject({ statusList: null, alarms: [], checkpoint: null })
  })
})

describe('TransparencyStore: the log key and the newest checkpoint', () => {
  it('embedded key: used at once; without one the first key fetched is pinned and a different one later raises an alarm', async () => {
    const signer = newLogSigner()
    expect(store({ signer }).store.status()).toMatchObject({ keySource: 'BUNDLED', verifierKey: signer.vkey })

    const storage = memoryStorage()
    const { store: s } = store({ signer, bundled: false, storage })
    expect(s.verifierKey()).toBeNull()
    const portal = fakeApi(signer, { list: signedStatusList(signer, { issuedAt: T0, validUntil: new Date(T0.getTime() + DAY) }) })
    expect((await s.refresh(portal.api)).ok).toBe(true)
    expect(s.status()).toMatchObject({ keySource: 'PINNED', verifierKey: signer.vkey })

    // the portal now serves another key (and lists signed with it): the pinned key stays
    const impostor = newLogSigner(signer.origin)
    portal.state.vkey = impostor.vkey
    portal.state.list = signedStatusList(impostor, { revoked: [OTHER], issuedAt: new Date(T0.getTime() + HOUR), validUntil: new Date(T0.getTime() + DAY) })
    expect((await s.refresh(portal.api)).ok).toBe(false)
    expect(s.status().verifierKey).toBe(signer.vkey)
    expect(s.status().alarms.map((a) => a.message)).toContain('平台提供的日志公钥与本机首次保存的不同')
  })

  it('keeps the newest checkpoint; a smaller one or a different root at the same size is an alarm', async () => {
    const signer = newLogSigner()
    const { log } = await permitLog(signer)
    const { store: s } = store({ signer })
    expect(s.observeCheckpoint(log.checkpoint(8))).toBe(true)
    expect(s.observeCheckpoint(log.checkpoint(11))).toBe(true)
    expect(s.status().checkpoint?.size).toBe(11)
    expect(s.observeCheckpoint(log.checkpoint(11))).toBe(true)
    expect(s.status().alarms).toEqual([])

    expect(s.observeCheckpoint(log.checkpoint(9))).toBe(false)
    expect(s.status().checkpoint?.size).toBe(11)
    expect(s.status().alarms[0].message).toBe('日志检查点倒退：平台给出 9 条，本机已见过 11 条')

    // a fork: another history of the same size
    const fork = new TestLog(signer)
    for (let i = 100; i < 111; i++) fork.append(otherEntry(i))
    expect(s.observeCheckpoint(fork.checkpoint(11))).toBe(false)
    expect(s.status().alarms[0].message).toBe('日志出现分叉：同为 11 条的两个检查点根哈希不同')

    // a checkpoint signed by someone else is not taken
    const stranger = new TestLog(newLogSigner(signer.origin))
    stranger.append(otherEntry(1))
    for (let i = 0; i < 20; i++) stranger.append(otherEntry(i + 2))
    expect(s.observeCheckpoint(stranger.checkpoint())).toBe(false)
    expect(s.status().checkpoint?.size).toBe(11)
  })

  it('a refresh also takes the portal’s current checkpoint', async () => {
    const signer = newLogSigner()
    const { log } = await permitLog(signer)
    const { store: s } = store({ signer })
    await s.refresh(fakeApi(signer, { checkpoint: log.checkpoint(), list: signedStatusList(signer, { issuedAt: T0, validUntil: new Date(T0.getTime() + DAY) }) }).api)
    expect(s.status().checkpoint).toEqual({ size: 11, seenAt: T0.toISOString() })
  })
})
