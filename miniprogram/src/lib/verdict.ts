// What the app says about a scanned code: the offline signature check, the merge with the
// portal's answer, and the words and colours the result page shows.
//
// Trust rules:
// - The offline check with the keys on the phone comes first and alone decides "假" for codes
//   that are not the platform's (another host, plain text, damaged, altered, forged): no portal
//   answer can make such a code genuine, so none is asked for.
// - A portal answer can only confirm or take away: it gives the current status (有效, 已撤销 …)
//   of a genuine code, and can declare a code the phone found genuine not genuine after all
//   (never issued, replaced by a newer code, facts changed, signed by a withdrawn key).
// - When the phone has no key for the code's key id (or does not know its format version) it
//   cannot judge: then the portal's answer decides, and without one the verdict is 无法确认
//   unless the keys were just refreshed from the portal (then: not the platform's key → 假).
// - An answer that does not fit the code (another serial, genuine without certificate) is
//   treated like no answer: a wrong answer must not override the phone's own check.
// - Only the portal's `valid` (genuine and currently VALID) makes a verdict 有效. An answer whose
//   `valid` contradicts its `genuine`/`status` fits nothing and is treated like no answer; an
//   answer without `valid` (a portal from before it) gets it derived from genuine and status.

import {
  bytesToHex,
  TEST_KEY_ID,
  verifyCertificateCode,
  type CertificatePublicKey,
  type VerifyFailureReason,
} from '@shared/certificates'
import { CERTIFICATE_TYPE_LABELS, type CertificateType } from '@shared/domain/enums'
import { describeFailure, type ApiFailure, type ApiResult } from './api-client'
import type { OnlineStatus, VerifyAnswer } from './api-schemas'
import { formatAge, formatDateTime } from './format'
import type { InclusionCheck, RevocationEvidence } from './transparency'

/** The certificate as the QR payload states it (and, once online, as the portal has it). */
export interface CertificateSummary {
  type: string
  serial: string
  projectCode: string
  holderUscc: string
  issuedOn: string
  projectName?: string
  holderName?: string
  statusChangedAt?: string | null
  statusReason?: string | null
  /** 施工许可证编号 / 竣工验收备案编号 */
  documentNumber?: string | null
  contractorName?: string | null
  supervisorName?: string | null
}

export type OfflineCheck =
  | {
      kind: 'GENUINE'
      certificate: CertificateSummary
      keyId: number
      factsDigest: string
      /** the signed payload, canonical base64url: its SHA-256 is what the log's ISSUED entry holds */
      payload: string
      /** signed with the public test key (only trusted in test builds) */
      testKey: boolean
    }
  /** definitely not the platform's code: no portal answer can change that */
  | { kind: 'FAKE'; reason: VerifyFailureReason; message: string }
  /** the phone cannot judge (key or format unknown here): the portal decides */
  | { kind: 'UNDECIDED'; reason: 'UNKNOWN_KEY' | 'UNSUPPORTED_VERSION'; message: string }

export function checkOffline(text: string, keys: readonly CertificatePublicKey[], expectedOrigin: string): OfflineCheck {
  const r = verifyCertificateCode(text, { keys, expectedOrigin })
  if (r.genuine) {
    return {
      kind: 'GENUINE',
      certificate: {
        type: r.fields.type,
        serial: r.fields.serial,
        projectCode: r.fields.projectCode,
        holderUscc: r.fields.holderUscc,
        issuedOn: r.fields.issuedOn,
      },
      keyId: r.keyId,
      factsDigest: bytesToHex(r.fields.factsDigest),
      payload: r.payload,
      testKey: r.keyId === TEST_KEY_ID,
    }
  }
  if (r.reason === 'UNKNOWN_KEY' || r.reason === 'UNSUPPORTED_VERSION') {
    return { kind: 'UNDECIDED', reason: r.reason, message: r.message }
  }
  return { kind: 'FAKE', reason: r.reason, message: r.message }
}

export type OnlineOutcome =
  | { kind: 'ANSWER'; answer: VerifyAnswer; at: Date }
  | { kind: 'FAILED'; failure: ApiFailure; at: Date }
  /** not asked: the offline check was final */
  | { kind: 'SKIPPED' }

export function onlineOutcome(result: ApiResult<VerifyAnswer>, at: Date): OnlineOutcome {
  return result.ok ? { kind: 'ANSWER', answer: result.data, at } : { kind: 'FAILED', failure: result.failure, at }
}

export type Authenticity = 'GENUINE' | 'FAKE' | 'UNCONFIRMED'

export type Confirmation =
  /** the portal answered just now */
  | { mode: 'ONLINE'; at: string }
  /** the offline check is final (a fake code): nothing to ask the portal */
  | { mode: 'OFFLINE_FINAL' }
  /** only the offline check: the portal could not be reached or gave no usable answer */
  | { mode: 'OFFLINE'; failure: Pick<ApiFailure, 'kind' | 'message' | 'status' | 'retryAfterSeconds'>; keysRefreshed: boolean }
  /** the offline verdict, while the portal is being asked (bounded by the request deadline) */
  | { mode: 'PENDING' }

/** Everything the result page and the history need; plain JSON so it can be stored. */
export interface Verdict {
  authenticity: Authenticity
  /** the certificate's current status; UNKNOWN unless the portal said otherwise */
  status: OnlineStatus
  /** machine code of why it is not 真·有效 (shared codec or portal reason) */
  reason?: string
  /** Chinese explanation */
  message: string
  confirmation: Confirmation
  certificate?: CertificateSummary
  keyId?: number
  testKey?: boolean
  /**
   * the portal said the certificate is genuine and currently valid (its `valid`); absent in
   * verdicts without a portal answer and in history entries stored before it existed
   */
  valid?: boolean
  /** without an answer: what the signed status list on the phone says (transparency.ts) */
  revocationList?: RevocationEvidence
  /** the inclusion proofs of the certificate's log entries, checked on the phone */
  logInclusion?: InclusionCheck & { cached?: boolean }
}

/**
 * Adds what the transparency log tells the phone to a verdict. Without a portal answer a set bit
 * in a current status list makes a genuine certificate 已撤销; nothing else changes the status
 * (a list cannot say "valid": expiry and replacement are not in it, and a stale list proves
 * nothing either way).
 */
export function withLogEvidence(v: Verdict, evidence: { revocation?: RevocationEvidence; inclusion?: Verdict['logInclusion'] }): Verdict {
  let next: Verdict = { ...v }
  if (evidence.inclusion) next.logInclusion = evidence.inclusion
  if (evidence.revocation && v.confirmation.mode === 'OFFLINE' && v.authenticity === 'GENUINE') {
    next.revocationList = evidence.revocation
    if (evidence.revocation.result === 'REVOKED') {
      next = { ...next, status: 'REVOKED', reason: 'REVOKED', valid: false, message: '此证书已被撤销（依据本机保存的平台签名撤销名单）。' }
    }
  }
  return next
}

/** The status-list line of the result page (offline verdicts only). */
export function revocationListLine(r: RevocationEvidence, now: Date): string {
  const age = (issuedAt: string) => formatAge(now.getTime() - Date.parse(issuedAt))
  switch (r.result) {
    case 'REVOKED':
      return `撤销名单更新于 ${age(r.issuedAt)}：此证书已撤销。名单由平台签名，已在本机核验。`
    case 'NOT_REVOKED':
      return `撤销名单更新于 ${age(r.issuedAt)}：名单中此证书未被撤销（是否过期或被替换需联网确认）。`
    case 'STALE':
      return `名单已过期，无法确认是否撤销：撤销名单更新于 ${age(r.issuedAt)}，有效期至 ${formatDateTime(r.validUntil, now)}${r.revokedInList ? '；该名单签发时此证书已被撤销' : ''}。请有信号后重新核验。`
    case 'UNREADABLE':
      return `撤销名单更新于 ${age(r.issuedAt)}，但其中此证书所在的部分无法读取，无法离线确认是否撤销。请有信号后重新核验。`
    case 'NO_LIST':
      return '本机没有撤销名单，无法离线确认是否撤销。有信号时打开小程序即会下载。'
  }
}

/** The transparency-log line of the result page. */
export function logInclusionLine(c: NonNullable<Verdict['logInclusion']>): string {
  if (!c.ok) return `公开日志的包含证明未通过核验：${c.message}。请联系发证机关核实。`
  const revoked = c.events.includes('REVOKED') ? '，撤销记录亦已收录' : ''
  return `已收录于公开日志：签发记录为日志第 ${c.index + 1} 条${revoked}（已用日志公钥核验${c.cached ? '本机保存的' : ''}包含证明，检查点共 ${c.treeSize} 条）。`
}

/** Whether the verdict may be shown as 有效 (for stored verdicts without `valid`: the old rule). */
export function isValidVerdict(v: Verdict): boolean {
  return v.valid ?? (v.authenticity === 'GENUINE' && v.status === 'VALID')
}

const NO_KEY_HERE = '本机保存的平台公钥中没有签发此证书的密钥，真伪由平台联网确认。'

/** The verdict from the offline check alone, with how far the portal was consulted. */
export function offlineVerdict(offline: OfflineCheck, confirmation: Confirmation): Verdict {
  if (offline.kind === 'FAKE') {
    return { authenticity: 'FAKE', status: 'UNKNOWN', reason: offline.reason, message: offline.message, confirmation: { mode: 'OFFLINE_FINAL' } }
  }
  if (offline.kind === 'UNDECIDED') {
    return { authenticity: 'UNCONFIRMED', status: 'UNKNOWN', reason: offline.reason, message: offline.message, confirmation }
  }
  return {
    authenticity: 'GENUINE',
    status: 'UNKNOWN',
    message: '数字签名有效：此二维码由本平台签发，内容未被篡改。证书当前是否有效，以联网查询的状态为准。',
    confirmation,
    certificate: offline.certificate,
    keyId: offline.keyId,
    ...(offline.testKey ? { testKey: true } : {}),
  }
}

function fromAnswer(answer: VerifyAnswer): CertificateSummary | undefined {
  const c = answer.certificate
  if (!c) return undefined
  return {
    type: c.type,
    serial: c.serial,
    projectCode: c.projectCode,
    holderUscc: c.holderUscc,
    issuedOn: c.issuedOn,
    projectName: c.projectName,
    holderName: c.holderName,
    statusChangedAt: c.statusChangedAt,
    statusReason: c.statusReason,
    ...(c.documentNumber !== undefined ? { documentNumber: c.documentNumber } : {}),
    ...(c.contractorName !== undefined ? { contractorName: c.contractorName } : {}),
    ...(c.supervisorName !== undefined ? { supervisorName: c.supervisorName } : {}),
  }
}

/** `valid` as the portal said it; for a portal from before `valid`, derived the same way it defines it. */
export function answerValid(answer: VerifyAnswer): boolean {
  return answer.valid ?? (answer.genuine && answer.status === 'VALID')
}

/** Why an answer cannot be used for this code, or null when it fits. */
function answerMismatch(offline: OfflineCheck, answer: VerifyAnswer): string | null {
  if (answer.valid !== undefined && answer.valid !== (answer.genuine && answer.status === 'VALID')) return 'valid contradicts genuine and status'
  if (answer.genuine && !answer.certificate) return 'genuine without certificate'
  if (offline.kind === 'GENUINE' && answer.certificate && answer.certificate.serial !== offline.certificate.serial) {
    return 'answer is about another certificate'
  }
  return null
}

export interface MergeOptions {
  /** the keys were refreshed from the portal during this verification */
  keysRefreshed?: boolean
}

/** The final verdict from the offline check and the portal's answer (or its absence). */
export function mergeVerdict(offline: OfflineCheck, online: OnlineOutcome, options: MergeOptions = {}): Verdict {
  const keysRefreshed = options.keysRefreshed === true
  if (offline.kind === 'FAKE') return offlineVerdict(offline, { mode: 'OFFLINE_FINAL' })
  if (online.kind === 'SKIPPED') {
    return offlineVerdict(offline, { mode: 'OFFLINE', failure: { kind: 'NETWORK', message: '未联网查询' }, keysRefreshed })
  }

  let outcome = online
  if (outcome.kind === 'ANSWER' && answerMismatch(offline, outcome.answer) !== null) {
    outcome = { kind: 'FAILED', failure: { kind: 'BAD_RESPONSE', message: '平台答复与二维码不符' }, at: outcome.at }
  }

  if (outcome.kind === 'FAILED') {
    const failure = {
      kind: outcome.failure.kind,
      message: outcome.failure.message,
      ...(outcome.failure.status !== undefined ? { status: outcome.failure.status } : {}),
      ...(outcome.failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: outcome.failure.retryAfterSeconds } : {}),
    }
    if (offline.kind === 'UNDECIDED' && offline.reason === 'UNKNOWN_KEY' && keysRefreshed) {
      // the phone holds the portal's current key list and the key is not on it
      return {
        authenticity: 'FAKE',
        status: 'UNKNOWN',
        reason: 'UNKNOWN_KEY',
        message: '不是本平台签发的证书：签名密钥不在本平台公布的密钥列表中（已联网更新密钥列表）。',
        confirmation: { mode: 'OFFLINE', failure, keysRefreshed },
      }
    }
    return offlineVerdict(offline, { mode: 'OFFLINE', failure, keysRefreshed })
  }

  const { answer } = outcome
  const confirmation: Confirmation = { mode: 'ONLINE', at: outcome.at.toISOString() }
  const certificate = fromAnswer(answer) ?? (offline.kind === 'GENUINE' ? offline.certificate : undefined)
  const testKey = offline.kind === 'GENUINE' && offline.testKey ? { testKey: true } : {}
  if (!answer.genuine) {
    return {
      authenticity: 'FAKE',
      status: answer.status,
      reason: answer.reason,
      message: answer.message,
      confirmation,
      valid: false,
      ...(certificate ? { certificate } : {}),
      ...(offline.kind === 'GENUINE' ? { keyId: offline.keyId } : {}),
    }
  }
  return {
    authenticity: 'GENUINE',
    status: answer.status,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
    message: offline.kind === 'UNDECIDED' ? `${answer.message}${NO_KEY_HERE}` : answer.message,
    confirmation,
    valid: answerValid(answer),
    ...(certificate ? { certificate } : {}),
    ...(offline.kind === 'GENUINE' ? { keyId: offline.keyId } : {}),
    ...testKey,
  }
}

// ---------------------------------------------------------------- words and colours

export type Tone = 'good' | 'bad' | 'warn' | 'info'

export const STATUS_WORDS: Record<OnlineStatus, string> = {
  VALID: '有效',
  REVOKED: '已撤销',
  EXPIRED: '已过期',
  SUPERSEDED: '已替换',
  UNKNOWN: '状态未确认',
}

export interface VerdictView {
  /** 真 / 假 / 无法确认 */
  word: string
  /** 有效 / 已撤销 / 已过期 / 已替换 / 状态未确认; empty for 假 */
  statusWord: string
  /** the colour of the verdict block */
  tone: Tone
  /** one line for lists: "真 · 有效", "假" … */
  title: string
  /** says whether the status was confirmed online just now or only the signature offline */
  confirmationLine: string
  confirmationTone: Tone
  /** shown when the code was signed with the public test key */
  testKeyWarning: string | null
  /** what the status list on the phone says (offline verdicts of genuine codes) */
  revocationLine: string | null
  /** the transparency-log line and its colour */
  logLine: string | null
  logTone: Tone
}

export function certificateTypeLabel(type: string): string {
  return CERTIFICATE_TYPE_LABELS[type as CertificateType] ?? type
}

export function describeVerdict(v: Verdict, now?: Date): VerdictView {
  const word = v.authenticity === 'GENUINE' ? '真' : v.authenticity === 'FAKE' ? '假' : '无法确认'
  const statusWord = v.authenticity === 'GENUINE' ? STATUS_WORDS[v.status] : ''
  let tone: Tone
  if (v.authenticity === 'FAKE') tone = 'bad'
  else if (v.authenticity === 'UNCONFIRMED') tone = 'warn'
  else if (isValidVerdict(v)) tone = 'good'
  else if (v.status === 'UNKNOWN') tone = 'info'
  else tone = 'warn'
  const title = statusWord ? `${word} · ${statusWord}` : word

  let confirmationLine: string
  let confirmationTone: Tone
  const c = v.confirmation
  switch (c.mode) {
    case 'ONLINE':
      confirmationLine = `已联网确认：${formatDateTime(c.at, now)} 向平台查询，以上为平台当时的记录。`
      confirmationTone = 'good'
      break
    case 'OFFLINE_FINAL':
      confirmationLine = '离线判定：二维码未通过本机核验，无需联网查询。'
      confirmationTone = 'info'
      break
    case 'PENDING':
      confirmationLine = '已用本机公钥离线核验数字签名，正在联网确认证书当前状态…'
      confirmationTone = 'info'
      break
    case 'OFFLINE': {
      const why = describeFailure(c.failure as ApiFailure)
      if (v.authenticity === 'GENUINE' && v.revocationList?.result === 'REVOKED') {
        confirmationLine = `未能联网（${why}）：已离线核验数字签名，撤销状态取自本机保存的签名撤销名单。`
      } else if (v.authenticity === 'GENUINE') {
        confirmationLine = `仅离线核验了数字签名，未能联网确认证书当前状态（${why}）。证书可能已被撤销或替换，请有信号后重新核验。`
      } else if (v.authenticity === 'UNCONFIRMED') {
        confirmationLine = `未能联网（${why}），本机无法确认真伪。请有信号后重新核验。`
      } else {
        confirmationLine = `离线判定（${why}）。`
      }
      confirmationTone = 'warn'
      break
    }
  }
  return {
    word,
    statusWord,
    tone,
    title,
    confirmationLine,
    confirmationTone,
    testKeyWarning: v.testKey ? '此证书由公开的测试密钥签名，仅用于测试，不能证明任何事。' : null,
    revocationLine: v.revocationList ? revocationListLine(v.revocationList, now ?? new Date()) : null,
    logLine: v.logInclusion ? logInclusionLine(v.logInclusion) : null,
    logTone: v.logInclusion?.ok === false ? 'bad' : 'good',
  }
}
