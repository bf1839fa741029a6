import { describe, expect, it } from 'vitest'
import { fromJwks, signCertificate } from '@shared/certificates'
import { PUBLIC_TEST_KEY } from './keys'
import {
  alteredPayload,
  forgedPermit,
  genuineCompletion,
  genuinePermit,
  ORIGIN,
  permitFields,
  platformJwks,
  PUBLIC_TEST_SECRET,
  rotatedPermit,
  validAnswer,
  completionFields,
} from './testing/fixtures'
import { checkOffline, describeVerdict, isValidVerdict, mergeVerdict, offlineVerdict, type OfflineCheck, type OnlineOutcome, type Verdict } from './verdict'
import type { VerifyAnswer } from './api-schemas'

const keys = fromJwks(platformJwks())
const NOW = new Date('2025-05-06T02:03:04Z')

function offline(text: string, k = keys): OfflineCheck {
  return checkOffline(text, k, ORIGIN)
}

describe('checkOffline: scanned text → offline check', () => {
  it('accepts a genuine permit and completion filing (URL and bare payload) and reads their fields', () => {
    const permit = offline(genuinePermit.url(ORIGIN))
    expect(permit).toMatchObject({
      kind: 'GENUINE',
      keyId: 1,
      testKey: false,
      certificate: {
        type: 'CONSTRUCTION_PERMIT',
        serial: 'P20244601000001236',
        projectCode: '46010020240300017',
        holderUscc: '91460100MA5T0K3D2F',
        issuedOn: '2024-03-15',
      },
    })
    expect(offline(genuinePermit.payload).kind).toBe('GENUINE')
    expect(offline(genuineCompletion.url(ORIGIN))).toMatchObject({ kind: 'GENUINE', certificate: { type: 'COMPLETION_FILING', serial: 'C20264602000000457' } })
  })

  it('calls a code signed with another key under the platform key id a forgery', () => {
    expect(offline(forgedPermit.url(ORIGIN))).toMatchObject({ kind: 'FAKE', reason: 'BAD_SIGNATURE' })
  })

  it('calls an altered payload a forgery', () => {
    expect(offline(`${ORIGIN}/v/${alteredPayload(genuinePermit)}`)).toMatchObject({ kind: 'FAKE', reason: 'BAD_SIGNATURE' })
  })

  it('flags a genuine payload under another host as foreign', () => {
    const r = offline(genuinePermit.url('https://portal.example-gov.cn.evil.test'))
    expect(r).toMatchObject({ kind: 'FAKE', reason: 'FOREIGN_HOST' })
    expect(r.kind === 'FAKE' && r.message).toContain('不是官方证书二维码')
  })

  it('calls a truncated code truncated, and plain text or another scheme not a URL', () => {
    expect(offline(genuinePermit.url(ORIGIN).slice(0, -20))).toMatchObject({ kind: 'FAKE', reason: 'TRUNCATED' })
    expect(offline('今天天气很好')).toMatchObject({ kind: 'FAKE', reason: 'NOT_A_URL' })
    expect(offline('weixin://dl/business/?t=abc')).toMatchObject({ kind: 'FAKE', reason: 'NOT_A_URL' })
    expect(offline(`${ORIGIN}/permits/123`)).toMatchObject({ kind: 'FAKE', reason: 'MALFORMED' })
    expect(offline('')).toMatchObject({ kind: 'FAKE' })
    expect(offline('x'.repeat(5000))).toMatchObject({ kind: 'FAKE', reason: 'MALFORMED' })
  })

  it('cannot judge a code whose key the phone does not hold', () => {
    expect(offline(rotatedPermit.url(ORIGIN))).toMatchObject({ kind: 'UNDECIDED', reason: 'UNKNOWN_KEY' })
    expect(offline(genuinePermit.url(ORIGIN), [])).toMatchObject({ kind: 'UNDECIDED', reason: 'UNKNOWN_KEY' })
  })

  it('accepts the public test key only when it is among the keys, and marks it', () => {
    const testSigned = signCertificate(permitFields(), PUBLIC_TEST_SECRET, 0)
    expect(offline(testSigned.url(ORIGIN))).toMatchObject({ kind: 'UNDECIDED', reason: 'UNKNOWN_KEY' })
    expect(offline(testSigned.url(ORIGIN), [...keys, PUBLIC_TEST_KEY])).toMatchObject({ kind: 'GENUINE', keyId: 0, testKey: true })
  })
})

const answerAt = (answer: ReturnType<typeof validAnswer>): OnlineOutcome => ({ kind: 'ANSWER', answer, at: NOW })
const failedWith = (kind: 'TIMEOUT' | 'NETWORK' | 'SERVER_ERROR' | 'RATE_LIMITED' | 'BAD_RESPONSE', extra = {}): OnlineOutcome => ({
  kind: 'FAILED',
  failure: { kind, message: kind, ...extra },
  at: NOW,
})

describe('mergeVerdict: offline check + portal answer', () => {
  const genuine = offline(genuinePermit.url(ORIGIN))

  it('genuine offline + VALID online → 真 · 有效, confirmed online now', () => {
    const v = mergeVerdict(genuine, answerAt(validAnswer(permitFields())))
    expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', confirmation: { mode: 'ONLINE', at: NOW.toISOString() }, keyId: 1 })
    expect(v.certificate?.projectName).toBe('海口市龙华区滨海花园二期住宅楼工程')
    const view = describeVerdict(v, NOW)
    expect(view).toMatchObject({ word: '真', statusWord: '有效', tone: 'good', title: '真 · 有效', confirmationTone: 'good' })
    expect(view.confirmationLine).toBe('已联网确认：今天 10:03:04 向平台查询，以上为平台当时的记录。')
  })

  it.each([
    ['REVOKED', '已撤销'],
    ['EXPIRED', '已过期'],
    ['SUPERSEDED', '已替换'],
  ] as const)('genuine offline + %s online → 真 · %s in warning colour', (status, word) => {
    const answer = validAnswer(permitFields(), { status, reason: status, message: '证书已撤销：…原因：违法分包', certificate: { ...validAnswer(permitFields()).certificate!, statusChangedAt: '2025-02-01', statusReason: '违法分包' } })
    const v = mergeVerdict(genuine, answerAt(answer))
    expect(v).toMatchObject({ authenticity: 'GENUINE', status, reason: status })
    expect(v.certificate).toMatchObject({ statusChangedAt: '2025-02-01', statusReason: '违法分包' })
    expect(describeVerdict(v)).toMatchObject({ word: '真', statusWord: word, tone: 'warn' })
  })

  it('genuine offline but the portal says not genuine (never issued, replaced code, facts changed) → 假 with the portal message', () => {
    for (const reason of ['NOT_ISSUED', 'SUPERSEDED_CODE', 'FACTS_CHANGED', 'UNKNOWN_KEY']) {
      const v = mergeVerdict(genuine, answerAt({ genuine: false, status: 'UNKNOWN', reason, message: `原因 ${reason}` }))
      expect(v).toMatchObject({ authenticity: 'FAKE', reason, message: `原因 ${reason}`, confirmation: { mode: 'ONLINE' } })
      expect(describeVerdict(v)).toMatchObject({ word: '假', statusWord: '', tone: 'bad', title: '假' })
    }
  })

  it.each([
    ['TIMEOUT', {}, '平台响应超时'],
    ['NETWORK', {}, '无法连接平台'],
    ['SERVER_ERROR', { status: 502 }, 'HTTP 502'],
    ['RATE_LIMITED', { retryAfterSeconds: 30 }, '约 30 秒后可再试'],
    ['BAD_RESPONSE', { status: 200 }, 'HTTP 200'],
  ] as const)('genuine offline + %s → 真 · 状态未确认 with the offline warning', (kind, extra, text) => {
    const messages = { TIMEOUT: '平台响应超时', NETWORK: '无法连接平台（无网络或信号弱）', SERVER_ERROR: '平台服务器出错', RATE_LIMITED: '查询过于频繁，平台暂时拒绝了请求', BAD_RESPONSE: '平台答复无法识别' }
    const v = mergeVerdict(genuine, { kind: 'FAILED', failure: { kind, message: messages[kind], ...extra }, at: NOW })
    expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', confirmation: { mode: 'OFFLINE', failure: { kind } } })
    expect(v.certificate?.serial).toBe('P20244601000001236')
    const view = describeVerdict(v)
    expect(view).toMatchObject({ word: '真', statusWord: '状态未确认', tone: 'info', confirmationTone: 'warn' })
    expect(view.confirmationLine).toContain('仅离线核验了数字签名')
    expect(view.confirmationLine).toContain(text)
  })

  it('ignores an answer about another certificate, or genuine without a certificate', () => {
    const other = mergeVerdict(genuine, answerAt(validAnswer(completionFields())))
    expect(other).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', confirmation: { mode: 'OFFLINE', failure: { kind: 'BAD_RESPONSE' } } })
    const bare = mergeVerdict(genuine, answerAt({ genuine: true, status: 'VALID', message: '真实有效' }))
    expect(bare).toMatchObject({ status: 'UNKNOWN', confirmation: { mode: 'OFFLINE', failure: { kind: 'BAD_RESPONSE' } } })
  })

  it('a forged code stays 假 offline: the portal is not asked and cannot change it', () => {
    const forged = offline(forgedPermit.url(ORIGIN))
    const skipped = mergeVerdict(forged, { kind: 'SKIPPED' })
    expect(skipped).toMatchObject({ authenticity: 'FAKE', reason: 'BAD_SIGNATURE', confirmation: { mode: 'OFFLINE_FINAL' } })
    expect(mergeVerdict(forged, answerAt(validAnswer(permitFields())))).toEqual(skipped)
    expect(describeVerdict(skipped).confirmationLine).toBe('离线判定：二维码未通过本机核验，无需联网查询。')
  })

  it('an unknown key: the portal decides; without it 无法确认, or 假 once the keys were refreshed', () => {
    const undecided = offline(rotatedPermit.url(ORIGIN))
    const confirmed = mergeVerdict(undecided, answerAt(validAnswer(permitFields({ issuedOn: '2025-08-01' }))))
    expect(confirmed).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', confirmation: { mode: 'ONLINE' } })
    expect(confirmed.message).toContain('真伪由平台联网确认')

    const denied = mergeVerdict(undecided, answerAt({ genuine: false, status: 'UNKNOWN', reason: 'UNKNOWN_KEY', message: '无法确认真伪' }))
    expect(denied.authenticity).toBe('FAKE')

    const noSignal = mergeVerdict(undecided, failedWith('NETWORK'))
    expect(noSignal).toMatchObject({ authenticity: 'UNCONFIRMED', reason: 'UNKNOWN_KEY' })
    expect(describeVerdict(noSignal)).toMatchObject({ word: '无法确认', tone: 'warn' })

    const afterRefresh = mergeVerdict(undecided, failedWith('TIMEOUT'), { keysRefreshed: true })
    expect(afterRefresh).toMatchObject({ authenticity: 'FAKE', reason: 'UNKNOWN_KEY', confirmation: { mode: 'OFFLINE', keysRefreshed: true } })
  })

  describe('valid: the one field that makes 有效', () => {
    /** the same answer as a portal from before `valid` sends it */
    const olderPortal = ({ valid: _, ...answer }: VerifyAnswer): VerifyAnswer => answer

    it('a VALID answer carries valid: true into the verdict', () => {
      const v = mergeVerdict(genuine, answerAt(validAnswer(permitFields())))
      expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', valid: true })
      expect(isValidVerdict(v)).toBe(true)
    })

    it.each(['REVOKED', 'SUPERSEDED', 'EXPIRED'] as const)('a genuine but %s answer is valid: false, never 有效', (status) => {
      const v = mergeVerdict(genuine, answerAt(validAnswer(permitFields(), { status, reason: status })))
      expect(v).toMatchObject({ authenticity: 'GENUINE', status, valid: false })
      expect(describeVerdict(v).tone).toBe('warn')
    })

    it('an answer whose valid contradicts genuine/status is not used: the offline verdict, never 有效', () => {
      const contradictions: VerifyAnswer[] = [
        validAnswer(permitFields(), { valid: false }),
        validAnswer(permitFields(), { valid: true, status: 'REVOKED', reason: 'REVOKED' }),
        { valid: true, genuine: false, status: 'VALID', reason: 'FACTS_CHANGED', message: '不一致', certificate: validAnswer(permitFields()).certificate },
      ]
      for (const answer of contradictions) {
        const v = mergeVerdict(genuine, answerAt(answer))
        expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN', confirmation: { mode: 'OFFLINE', failure: { kind: 'BAD_RESPONSE' } } })
        expect(isValidVerdict(v)).toBe(false)
        expect(describeVerdict(v).tone).not.toBe('good')
      }
    })

    it('an older portal without valid: derived from genuine and status, as before', () => {
      const good = mergeVerdict(genuine, answerAt(olderPortal(validAnswer(permitFields()))))
      expect(good).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', valid: true, confirmation: { mode: 'ONLINE' } })
      expect(describeVerdict(good)).toMatchObject({ title: '真 · 有效', tone: 'good' })
      const revoked = mergeVerdict(genuine, answerAt(olderPortal(validAnswer(permitFields(), { status: 'REVOKED', reason: 'REVOKED' }))))
      expect(revoked).toMatchObject({ status: 'REVOKED', valid: false })
      expect(describeVerdict(revoked)).toMatchObject({ title: '真 · 已撤销', tone: 'warn' })
      const fake = mergeVerdict(genuine, answerAt({ genuine: false, status: 'VALID', reason: 'SUPERSEDED_CODE', message: '已重新签发' }))
      expect(fake).toMatchObject({ authenticity: 'FAKE', valid: false })
    })

    it('a verdict stored before valid existed reads as before', () => {
      const stored: Verdict = { authenticity: 'GENUINE', status: 'VALID', message: '真实有效', confirmation: { mode: 'ONLINE', at: NOW.toISOString() } }
      expect(isValidVerdict(stored)).toBe(true)
      expect(describeVerdict(stored).tone).toBe('good')
      expect(isValidVerdict({ ...stored, status: 'REVOKED' })).toBe(false)
      expect(isValidVerdict({ ...stored, authenticity: 'FAKE' })).toBe(false)
    })
  })

  it('the pending verdict says the portal is being asked', () => {
    const v = offlineVerdict(genuine, { mode: 'PENDING' })
    expect(v).toMatchObject({ authenticity: 'GENUINE', status: 'UNKNOWN' })
    expect(describeVerdict(v).confirmationLine).toContain('正在联网确认')
  })

  it('warns about the public test key', () => {
    const testSigned = signCertificate(permitFields(), PUBLIC_TEST_SECRET, 0)
    const check = checkOffline(testSigned.url(ORIGIN), [PUBLIC_TEST_KEY], ORIGIN)
    const v = mergeVerdict(check, failedWith('NETWORK'))
    expect(v.testKey).toBe(true)
    expect(describeVerdict(v).testKeyWarning).toContain('测试密钥')
  })
})
