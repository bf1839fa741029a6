import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from './history'
import type { KeyStatus } from './keys'
import { canRetry, certificateFacts, heldKeyViews, historyItemView, keySourceLine, keySummary, logView, statusListSummary } from './screen-views'
import type { TransparencyStatus } from './transparency'
import type { Verdict } from './verdict'

const NOW = new Date('2025-05-06T06:00:00Z')
const cert = { type: 'CONSTRUCTION_PERMIT', serial: 'P20244601000001236', projectCode: '46010020240300017', holderUscc: '91460100MA5T0K3D2F', issuedOn: '2024-03-15' }
const revoked: Verdict = {
  authenticity: 'GENUINE',
  status: 'REVOKED',
  message: '证书已撤销',
  confirmation: { mode: 'ONLINE', at: '2025-05-06T05:59:00Z' },
  certificate: {
    ...cert,
    projectName: '滨海花园二期',
    holderName: '海南滨海示例置业有限公司',
    statusChangedAt: '2025-04-01',
    statusReason: '违法分包',
    documentNumber: '460100202403150301',
    contractorName: '海南示例建设工程有限公司',
    supervisorName: null,
  },
  keyId: 1,
}
const offline: Verdict = { authenticity: 'GENUINE', status: 'UNKNOWN', message: '数字签名有效', confirmation: { mode: 'OFFLINE', failure: { kind: 'TIMEOUT', message: '平台响应超时' }, keysRefreshed: false }, certificate: cert, keyId: 1 }
const fake: Verdict = { authenticity: 'FAKE', status: 'UNKNOWN', reason: 'FOREIGN_HOST', message: '不是官方证书二维码', confirmation: { mode: 'OFFLINE_FINAL' } }

describe('result screen', () => {
  it('lists the certificate facts, with the status change when not valid', () => {
    expect(certificateFacts(revoked, '2025-05-06T05:58:00Z', NOW)).toEqual([
      { label: '证书类型', value: '建筑工程施工许可证' },
      { label: '证书编号', value: 'P20244601000001236' },
      { label: '许可证编号', value: '460100202403150301' },
      { label: '工程名称', value: '滨海花园二期' },
      { label: '项目编码', value: '46010020240300017' },
      { label: '建设单位', value: '海南滨海示例置业有限公司（91460100MA5T0K3D2F）' },
      { label: '施工单位', value: '海南示例建设工程有限公司' },
      { label: '发证日期', value: '2024-03-15' },
      { label: '状态变更', value: '2025-04-01，违法分包' },
      { label: '签名密钥', value: '编号 1' },
      { label: '扫描时间', value: '今天 13:58:00' },
    ])
    expect(certificateFacts(offline).map((f) => f.label)).toEqual(['证书类型', '证书编号', '项目编码', '建设单位', '发证日期', '签名密钥'])
    expect(certificateFacts(fake)).toEqual([])
  })

  it('offers 重新核验 only when the portal was not reached', () => {
    expect(canRetry(offline)).toBe(true)
    expect(canRetry({ ...offline, confirmation: { mode: 'PENDING' } })).toBe(true)
    expect(canRetry(revoked)).toBe(false)
    expect(canRetry(fake)).toBe(false)
  })
})

describe('history screen', () => {
  const entry = (verdict: Verdict, text = 'https://portal.example.gov.cn/v/AQ…'): HistoryEntry => ({ id: 'a', scannedAt: '2025-05-05T02:00:00Z', text, verdict })

  it('shows time, verdict, certificate and project', () => {
    expect(historyItemView(entry(revoked), NOW)).toEqual({
      id: 'a',
      time: '2025-05-05 10:00:00',
      title: '真 · 已撤销',
      tone: 'warn',
      certificate: '建筑工程施工许可证 P20244601000001236',
      project: '滨海花园二期',
      note: '已联网确认',
    })
    expect(historyItemView(entry(offline), NOW)).toMatchObject({ title: '真 · 状态未确认', project: '项目编码 46010020240300017', note: '仅离线核验' })
    expect(historyItemView(entry(fake, 'https://evil.example.com/v/' + 'x'.repeat(100)), NOW)).toMatchObject({
      title: '假',
      tone: 'bad',
      certificate: '不是官方证书二维码',
      note: '离线判定',
    })
    expect(historyItemView(entry({ ...offline, confirmation: { mode: 'PENDING' } })).note).toBe('联网确认未完成')
  })
})

describe('keys on the scan and about screens', () => {
  const status: KeyStatus = {
    keys: [{ keyId: 1, fingerprint: '0011223344556677', notBefore: '2014-01-01', notAfter: '2025-06-30', testKey: false }, { keyId: 2, fingerprint: 'aabbccddeeff0011', notBefore: '2025-07-01', notAfter: null, testKey: false }],
    origin: 'PORTAL',
    fetchedAt: '2025-05-06T01:00:00Z',
    bundledSource: 'jwks.json',
    builtAt: '2025-01-01T00:00:00Z',
    bundledError: null,
    lastAttempt: null,
  }
  it('summarises the keys held', () => {
    expect(keySummary(status, NOW)).toEqual({ line: '本机保存平台公钥 2 个，今天 09:00:00 从平台更新，无信号也能核验签名。', tone: 'info' })
    expect(keySummary({ ...status, keys: [{ ...status.keys[0], keyId: 0, testKey: true }] }).tone).toBe('warn')
    expect(keySourceLine(status, NOW)).toBe('来自平台公布的公钥列表，今天 09:00:00 更新')
    expect(keySourceLine({ ...status, origin: 'BUNDLED', fetchedAt: null }, NOW)).toBe('安装包内置（jwks.json，构建于 2025-01-01 08:00:00），尚未从平台更新')
    expect(heldKeyViews(status)[1]).toEqual({ title: '密钥 2', detail: '可签发 2025-07-01 至 今 的证书；指纹 aabbccddeeff0011' })
  })
})

describe('statusListSummary (scan page) and logView (about page)', () => {
  const now = new Date('2025-03-10T08:00:00.000Z')
  const base: TransparencyStatus = { verifierKey: null, keySource: 'NONE', checkpoint: null, statusList: null, lastAttempt: null, alarms: [] }
  const list = { issuedAt: '2025-03-10T05:00:00.000Z', validUntil: '2025-03-11T05:00:00.000Z', fetchedAt: '2025-03-10T05:01:00.000Z', stale: false }

  it('says whether a list is held, how old it is, whether it has expired, and any alarm first', () => {
    expect(statusListSummary(base, now)).toEqual({ line: '本机尚无撤销名单：无信号时无法确认证书是否已撤销。', tone: 'warn', issuedAt: null })
    expect(statusListSummary({ ...base, statusList: list }, now)).toEqual({ line: '撤销名单更新于 3 小时前，无信号也能查出已撤销的证书。', tone: 'info', issuedAt: list.issuedAt })
    expect(statusListSummary({ ...base, statusList: { ...list, stale: true } }, now).line).toBe('撤销名单更新于 3 小时前，已过期：无信号时无法确认是否撤销。')
    const alarmed = statusListSummary({ ...base, statusList: list, alarms: [{ at: now.toISOString(), message: '日志出现分叉' }] }, now)
    expect(alarmed).toMatchObject({ tone: 'warn', line: expect.stringMatching(/^注意：日志出现分叉（详见“关于”）。撤销名单更新于/) })
  })

  it('the about page names the key’s source, the newest checkpoint and the list’s validity', () => {
    const v = logView({ ...base, verifierKey: 'portal.example/log+01234567+AQ', keySource: 'PINNED', checkpoint: { size: 42, seenAt: list.fetchedAt }, statusList: list }, now)
    expect(v.keyLine).toBe('portal.example/log+01234567+AQ（首次联网时从平台获取并固定）')
    expect(v.checkpointLine).toBe('本机见过的最新检查点：共 42 条，今天 13:01:00 收到')
    expect(v.statusListLine).toBe('撤销名单签发于 今天 13:00:00，有效期至 2025-03-11 13:00:00')
  })
})
