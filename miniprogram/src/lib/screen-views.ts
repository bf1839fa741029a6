// What the result, history, scan and about screens show, computed from the stored data, so that
// the page components only lay it out.

import { formatAge, formatDateTime } from './format'
import type { HistoryEntry } from './history'
import type { KeyStatus } from './keys'
import type { Fact } from './lookup'
import type { TransparencyStatus } from './transparency'
import { certificateTypeLabel, describeVerdict, type Tone, type Verdict } from './verdict'

/** The certificate's facts, in the order a printed certificate has them. */
export function certificateFacts(v: Verdict, scannedAt?: string, now?: Date): Fact[] {
  const c = v.certificate
  const facts: Fact[] = []
  if (c) {
    facts.push({ label: '证书类型', value: certificateTypeLabel(c.type) })
    facts.push({ label: '证书编号', value: c.serial })
    if (c.documentNumber) {
      facts.push({ label: c.type === 'COMPLETION_FILING' ? '备案编号' : '许可证编号', value: c.documentNumber })
    }
    if (c.projectName) facts.push({ label: '工程名称', value: c.projectName })
    facts.push({ label: '项目编码', value: c.projectCode })
    facts.push({ label: '建设单位', value: c.holderName ? `${c.holderName}（${c.holderUscc}）` : c.holderUscc })
    if (c.contractorName) facts.push({ label: '施工单位', value: c.contractorName })
    if (c.supervisorName) facts.push({ label: '监理单位', value: c.supervisorName })
    facts.push({ label: '发证日期', value: c.issuedOn })
    if (v.status !== 'VALID' && v.status !== 'UNKNOWN' && (c.statusChangedAt || c.statusReason)) {
      facts.push({ label: '状态变更', value: [c.statusChangedAt, c.statusReason].filter(Boolean).join('，') })
    }
  }
  if (v.keyId !== undefined) facts.push({ label: '签名密钥', value: `编号 ${v.keyId}` })
  if (scannedAt) facts.push({ label: '扫描时间', value: formatDateTime(scannedAt, now) })
  return facts
}

/** Whether "重新核验" makes sense: the portal could not be asked, or the scan never finished. */
export function canRetry(v: Verdict): boolean {
  return v.confirmation.mode === 'OFFLINE' || v.confirmation.mode === 'PENDING'
}

export interface HistoryItemView {
  id: string
  time: string
  title: string
  tone: Tone
  certificate: string
  project: string
  /** how far the verdict was confirmed */
  note: string
}

export function historyItemView(e: HistoryEntry, now?: Date): HistoryItemView {
  const v = e.verdict
  const view = describeVerdict(v, now)
  const c = v.certificate
  let note: string
  switch (v.confirmation.mode) {
    case 'ONLINE':
      note = '已联网确认'
      break
    case 'OFFLINE':
      note = '仅离线核验'
      break
    case 'PENDING':
      note = '联网确认未完成'
      break
    default:
      note = '离线判定'
  }
  return {
    id: e.id,
    time: formatDateTime(e.scannedAt, now),
    title: view.title,
    tone: view.tone,
    certificate: c ? `${certificateTypeLabel(c.type)} ${c.serial}` : v.message,
    project: c ? c.projectName ?? `项目编码 ${c.projectCode}` : shorten(e.text, 60),
    note,
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export interface KeySummary {
  /** one line for the scan page */
  line: string
  tone: Tone
}

export function keySummary(s: KeyStatus, now?: Date): KeySummary {
  const platform = s.keys.filter((k) => !k.testKey)
  if (platform.length === 0) {
    return { line: '本机尚无平台公钥：无信号时无法核验签名。请联网后在“关于”页更新公钥。', tone: 'warn' }
  }
  const when = s.fetchedAt ? `，${formatDateTime(s.fetchedAt, now)} 从平台更新` : '（安装时内置）'
  return { line: `本机保存平台公钥 ${platform.length} 个${when}，无信号也能核验签名。`, tone: 'info' }
}

export interface HeldKeyView {
  title: string
  detail: string
}

export function heldKeyViews(s: KeyStatus): HeldKeyView[] {
  return s.keys.map((k) => ({
    title: k.testKey ? `密钥 ${k.keyId}（公开测试密钥，仅供测试）` : `密钥 ${k.keyId}`,
    detail: `可签发 ${k.notBefore} 至 ${k.notAfter ?? '今'} 的证书；指纹 ${k.fingerprint}`,
  }))
}

export function keySourceLine(s: KeyStatus, now?: Date): string {
  switch (s.origin) {
    case 'PORTAL':
      return `来自平台公布的公钥列表，${formatDateTime(s.fetchedAt as string, now)} 更新`
    case 'BUNDLED':
      return `安装包内置（${s.bundledSource ?? '构建时提供'}，构建于 ${formatDateTime(s.builtAt, now)}），尚未从平台更新`
    default:
      return '本机没有平台公钥'
  }
}

// ---------------------------------------------------------------- transparency log

/** The scan page's line about the revocation status list held for offline checks. */
export function statusListSummary(s: TransparencyStatus, now: Date): KeySummary & { issuedAt: string | null } {
  const alarm = s.alarms.length > 0 ? `注意：${s.alarms[0].message}（详见“关于”）。` : ''
  if (!s.statusList) {
    return { line: `${alarm}本机尚无撤销名单：无信号时无法确认证书是否已撤销。`, tone: 'warn', issuedAt: null }
  }
  const age = formatAge(now.getTime() - Date.parse(s.statusList.issuedAt))
  if (s.statusList.stale) {
    return { line: `${alarm}撤销名单更新于 ${age}，已过期：无信号时无法确认是否撤销。`, tone: 'warn', issuedAt: s.statusList.issuedAt }
  }
  return { line: `${alarm}撤销名单更新于 ${age}，无信号也能查出已撤销的证书。`, tone: alarm ? 'warn' : 'info', issuedAt: s.statusList.issuedAt }
}

export interface LogView {
  keyLine: string
  checkpointLine: string
  statusListLine: string
  lastAttemptLine: string | null
  alarms: string[]
}

/** The About page's section on the transparency log. */
export function logView(s: TransparencyStatus, now: Date): LogView {
  const keyLine = !s.verifierKey
    ? '本机没有日志公钥（联网后自动获取）'
    : `${s.verifierKey}（${s.keySource === 'BUNDLED' ? '安装包内置' : '首次联网时从平台获取并固定'}）`
  const checkpointLine = s.checkpoint
    ? `本机见过的最新检查点：共 ${s.checkpoint.size} 条${s.checkpoint.seenAt ? `，${formatDateTime(s.checkpoint.seenAt, now)} 收到` : ''}`
    : '本机尚未收到日志检查点'
  const statusListLine = s.statusList
    ? `撤销名单签发于 ${formatDateTime(s.statusList.issuedAt, now)}，有效期至 ${formatDateTime(s.statusList.validUntil, now)}${s.statusList.stale ? '（已过期）' : ''}`
    : '本机没有撤销名单'
  const lastAttemptLine = s.lastAttempt ? `${formatDateTime(s.lastAttempt.at, now)} ${s.lastAttempt.ok ? '更新成功' : '更新失败'}：${s.lastAttempt.message}` : null
  return { keyLine, checkpointLine, statusListLine, lastAttemptLine, alarms: s.alarms.map((a) => `${formatDateTime(a.at, now)} ${a.message}`) }
}
