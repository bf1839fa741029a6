// The portal's transparency log as the phone uses it (docs/transparency-log.md, issue 16):
//
// - the LOG VERIFIER KEY (C2SP note vkey, a key of its own, not a certificate key) is embedded at
//   build time (TARO_APP_LOG_VKEY); a build without one (loopback portals, tests) pins the first
//   key it fetches from /log/vkey and never replaces it: a different key later is an alarm;
// - the SIGNED STATUS LIST (/log/status-list) is refreshed with signal, checked against that key
//   and the log's origin, and kept; an older list never replaces a newer one. Without signal it
//   answers 已撤销 for a certificate whose bit is set, with the list's age; a list past its
//   valid-until is stale and is never taken as "not revoked". The bit's place comes from the
//   scanned serial (group = its first 11 characters, index = its sequence), so this works for a
//   certificate the phone has never seen online; only the group asked about is inflated;
// - the NEWEST CHECKPOINT seen (from /log/checkpoint or a verify answer) is kept; one that is
//   smaller than it, or as large with another root, is an alarm (a rollback or a split view);
// - per certificate confirmed online, the answer's INCLUSION PROOFS are kept, so that a later scan
//   without signal can check them.
//
// Everything cryptographic is the shared code the portal and the monitor use.

import { decodeBase64url } from '@shared/certificates'
import { bytesEqual, decodeBase64 } from '@shared/transparency-log/bytes'
import { openCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash } from '@shared/transparency-log/hashes'
import { decodeLogEntry, payloadDigest } from '@shared/transparency-log/log-entry'
import { parseVerifierKey, type VerifierKey } from '@shared/transparency-log/note'
import { isSerialRevoked, verifyStatusList, type VerifiedStatusList } from '@shared/transparency-log/status-list'
import { verifyInclusion } from '@shared/transparency-log/tree'
import type { ApiResult } from './api-client'
import type { VerifyLog } from './api-schemas'
import { readJson, writeJson, type KeyValueStorage } from './storage'

export const LOG_STORAGE_KEY = 'inspector.log.v1'
export const CERTIFICATE_LOG_STORAGE_KEY = 'inspector.certificates.v1'
/** Certificates whose proofs are kept (the most recently confirmed). */
export const CERTIFICATE_LOG_CAP = 300
/** A list fetched longer ago than this is fetched again when the app shows the scan page. */
export const STATUS_LIST_REFRESH_MS = 10 * 60 * 1000
const ALARM_CAP = 20

export interface LogApi {
  statusList(): Promise<ApiResult<string>>
  logVerifierKey(): Promise<ApiResult<string>>
  checkpoint(): Promise<ApiResult<string>>
}

// ---------------------------------------------------------------- inclusion proofs

export type InclusionCheck =
  | {
      ok: true
      /** log index of the certificate's ISSUED entry */
      index: number
      /** size of the checkpoint the proofs lead to */
      treeSize: number
      /** the events proven to be in the log, in log order */
      events: string[]
    }
  | { ok: false; message: string }

/**
 * Checks a verify answer's `log` for the scanned certificate: the checkpoint is signed by the log
 * key for its origin and is the one the answer names; every entry decodes, is about this serial
 * and has a valid RFC 9162 inclusion proof; and there is an ISSUED entry whose payload hash is the
 * SHA-256 of exactly the payload scanned (so the log vouches for this QR, not just this serial).
 */
export function checkInclusion(log: VerifyLog, { key, serial, payload }: { key: VerifierKey; serial: string; payload: string }): InclusionCheck {
  const opened = openCheckpoint(log.checkpoint, { verifierKeys: [key], origin: key.name })
  if (!opened.ok) return { ok: false, message: '检查点签名无效' }
  const { checkpoint } = opened
  const root = decodeBase64(log.rootHash)
  if (checkpoint.size !== log.treeSize || !root || !bytesEqual(root, checkpoint.rootHash)) {
    return { ok: false, message: '证明所附的树大小或根哈希与签名检查点不符' }
  }
  const payloadBytes = decodeBase64url(payload)
  if (!payloadBytes) return { ok: false, message: '二维码内容无法读取' }
  const scannedDigest = payloadDigest(payloadBytes)
  let issued: number | null = null
  const events: { index: number; event: string }[] = []
  for (const item of log.entries) {
    const bytes = decodeBase64(item.entry)
    const entry = bytes ? decodeLogEntry(bytes) : null
    if (!bytes || !entry) return { ok: false, message: '日志条目格式不正确' }
    if (entry.serial !== serial || entry.event !== item.event) return { ok: false, message: '日志条目与此证书不符' }
    const proof: Uint8Array[] = []
    for (const p of item.proof) {
      const hash = decodeBase64(p)
      if (!hash) return { ok: false, message: '包含证明格式不正确' }
      proof.push(hash)
    }
    if (!verifyInclusion({ leafIndex: item.index, treeSize: checkpoint.size, leafHash: leafHash(bytes), proof, rootHash: checkpoint.rootHash })) {
      return { ok: false, message: `第 ${item.index + 1} 条日志条目的包含证明不成立` }
    }
    if (entry.event === 'ISSUED' && bytesEqual(entry.payloadSha256, scannedDigest)) issued = item.index
    events.push({ index: item.index, event: entry.event })
  }
  if (issued === null) return { ok: false, message: '日志中没有此二维码的签发条目' }
  events.sort((a, b) => a.index - b.index)
  return { ok: true, index: issued, treeSize: checkpoint.size, events: events.map((e) => e.event) }
}

// ---------------------------------------------------------------- status list

export type RevocationEvidence =
  /** the phone holds a current list and the certificate's bit is set */
  | { result: 'REVOKED'; issuedAt: string; validUntil: string }
  /** a current list, bit not set: not revoked as of issuedAt (expiry and replacement are not in it) */
  | { result: 'NOT_REVOKED'; issuedAt: string; validUntil: string }
  /** the list is past valid-until: it cannot say "not revoked" */
  | { result: 'STALE'; issuedAt: string; validUntil: string; revokedInList: boolean }
  | { result: 'NO_LIST' }
  /** the signed list's group of this certificate does not inflate to a list: it answers nothing */
  | { result: 'UNREADABLE'; issuedAt: string; validUntil: string }

export type RevocationResult = RevocationEvidence['result']

// ---------------------------------------------------------------- storage

interface Alarm {
  at: string
  message: string
}

interface StoredLog {
  /** the vkey pinned from /log/vkey (only when the build embedded none) */
  pinnedKey?: string
  /** the newest signed checkpoint seen, and when */
  checkpoint?: string
  checkpointAt?: string
  statusList?: string
  statusListFetchedAt?: string
  lastAttempt?: { at: string; ok: boolean; message: string }
  alarms?: Alarm[]
}

export interface CertificateLogRecord {
  /** the answer's log block, when it had one */
  log?: VerifyLog
  /** when the portal answered (ISO) */
  at: string
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function readStoredLog(storage: KeyValueStorage): StoredLog {
  const raw = readJson(storage, LOG_STORAGE_KEY)
  if (!raw || typeof raw !== 'object') return {}
  const r = raw as Record<string, unknown>
  const attempt = r.lastAttempt as Record<string, unknown> | undefined
  return {
    pinnedKey: str(r.pinnedKey),
    checkpoint: str(r.checkpoint),
    checkpointAt: str(r.checkpointAt),
    statusList: str(r.statusList),
    statusListFetchedAt: str(r.statusListFetchedAt),
    lastAttempt:
      attempt && typeof attempt.at === 'string' && typeof attempt.ok === 'boolean' && typeof attempt.message === 'string'
        ? { at: attempt.at, ok: attempt.ok, message: attempt.message }
        : undefined,
    alarms: Array.isArray(r.alarms) ? r.alarms.filter((a): a is Alarm => !!a && typeof a.at === 'string' && typeof a.message === 'string') : undefined,
  }
}

function isVerifyLog(v: unknown): v is VerifyLog {
  if (!v || typeof v !== 'object') return false
  const l = v as Record<string, unknown>
  return (
    typeof l.checkpoint === 'string' &&
    typeof l.treeSize === 'number' &&
    typeof l.rootHash === 'string' &&
    Array.isArray(l.entries) &&
    l.entries.every(
      (e) => !!e && typeof e.event === 'string' && typeof e.index === 'number' && typeof e.entry === 'string' && Array.isArray(e.proof) && e.proof.every((p: unknown) => typeof p === 'string'),
    )
  )
}

// ---------------------------------------------------------------- the store

export interface TransparencyStatus {
  /** the log verifier key in use, and where it came from */
  verifierKey: string | null
  keySource: 'BUNDLED' | 'PINNED' | 'NONE'
  checkpoint: { size: number; seenAt: string | null } | null
  statusList: { issuedAt: string; validUntil: string; fetchedAt: string | null; stale: boolean } | null
  lastAttempt: { at: string; ok: boolean; message: string } | null
  alarms: Alarm[]
}

export type LogRefreshOutcome = { ok: true; message: string } | { ok: false; message: string }

export interface TransparencyStoreOptions {
  storage: KeyValueStorage
  /** the vkey embedded at build time, or null */
  bundledKey: string | null
  clock?: () => Date
}

export class TransparencyStore {
  private readonly storage: KeyValueStorage
  private readonly bundledKey: VerifierKey | null
  private readonly bundledKeyText: string | null
  private readonly clock: () => Date
  /** used when the platform refuses to store: the app keeps working from memory */
  private memory: StoredLog | null = null
  private certificatesMemory: Record<string, CertificateLogRecord> | null = null
  private refreshing: Promise<LogRefreshOutcome> | null = null
  /** the held list verified once, with the groups inflated so far (see isSerialRevoked) */
  private verifiedList: { note: string; list: VerifiedStatusList } | null = null

  constructor(options: TransparencyStoreOptions) {
    this.storage = options.storage
    this.clock = options.clock ?? (() => new Date())
    this.bundledKey = options.bundledKey ? parseVerifierKey(options.bundledKey) : null
    this.bundledKeyText = this.bundledKey ? options.bundledKey : null
  }

  private load(): StoredLog {
    return this.memory ?? readStoredLog(this.storage)
  }

  private save(next: StoredLog): void {
    if (this.memory !== null || !writeJson(this.storage, LOG_STORAGE_KEY, next)) this.memory = next
  }

  private update(change: (s: StoredLog) => StoredLog): void {
    this.save(change(this.load()))
  }

  private alarm(message: string): void {
    const at = this.clock().toISOString()
    this.update((s) => ({ ...s, alarms: [{ at, message }, ...(s.alarms ?? [])].slice(0, ALARM_CAP) }))
  }

  /** The log verifier key: the embedded one, else the pinned one. */
  verifierKey(): VerifierKey | null {
    if (this.bundledKey) return this.bundledKey
    const pinned = this.load().pinnedKey
    return pinned ? parseVerifierKey(pinned) : null
  }

  status(): TransparencyStatus {
    const s = this.load()
    const key = this.verifierKey()
    const now = this.clock().getTime()
    const checkpoint = key && s.checkpoint ? openCheckpoint(s.checkpoint, { verifierKeys: [key], origin: key.name }) : null
    const list = key && s.statusList ? verifyStatusList(s.statusList, { verifierKeys: [key], origin: key.name, now }) : null
    return {
      verifierKey: this.bundledKeyText ?? s.pinnedKey ?? null,
      keySource: this.bundledKey ? 'BUNDLED' : key ? 'PINNED' : 'NONE',
      checkpoint: checkpoint?.ok ? { size: checkpoint.checkpoint.size, seenAt: s.checkpointAt ?? null } : null,
      statusList: list?.ok
        ? { issuedAt: new Date(list.list.issuedAt).toISOString(), validUntil: new Date(list.list.validUntil).toISOString(), fetchedAt: s.statusListFetchedAt ?? null, stale: list.stale }
        : null,
      lastAttempt: s.lastAttempt ?? null,
      alarms: s.alarms ?? [],
    }
  }

  /** True when the list is missing or was fetched longer ago than STATUS_LIST_REFRESH_MS. */
  isStale(): boolean {
    const fetchedAt = this.load().statusListFetchedAt
    const at = fetchedAt ? Date.parse(fetchedAt) : NaN
    return !this.status().statusList || !Number.isFinite(at) || this.clock().getTime() - at > STATUS_LIST_REFRESH_MS
  }

  /** The refresh under way, if any. */
  running(): Promise<LogRefreshOutcome> | null {
    return this.refreshing
  }

  /**
   * Fetches the verifier key (if none is held), the newest checkpoint and the status list. Never
   * rejects; concurrent callers share one run. What fails keeps what is held.
   */
  refresh(api: LogApi): Promise<LogRefreshOutcome> {
    if (!this.refreshing) {
      this.refreshing = this.runRefresh(api).finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async runRefresh(api: LogApi): Promise<LogRefreshOutcome> {
    const outcome = await this.fetchAll(api).catch((e): LogRefreshOutcome => ({ ok: false, message: e instanceof Error ? e.message : String(e) }))
    const at = this.clock().toISOString()
    this.update((s) => ({ ...s, lastAttempt: { at, ok: outcome.ok, message: outcome.message } }))
    return outcome
  }

  private async fetchAll(api: LogApi): Promise<LogRefreshOutcome> {
    let key = this.verifierKey()
    if (!key) {
      const fetched = await api.logVerifierKey()
      if (!fetched.ok) return { ok: false, message: `未能获取日志公钥：${fetched.failure.message}` }
      const text = fetched.data.trim()
      const parsed = parseVerifierKey(text)
      if (!parsed) return { ok: false, message: '平台提供的日志公钥格式不正确' }
      this.update((s) => ({ ...s, pinnedKey: text }))
      key = parsed
    } else if (!this.bundledKey) {
      // a pinned key is never replaced; a portal that now serves another one is reported
      const fetched = await api.logVerifierKey()
      if (fetched.ok && fetched.data.trim() !== this.load().pinnedKey) this.alarm('平台提供的日志公钥与本机首次保存的不同')
    }
    const [checkpoint, list] = await Promise.all([api.checkpoint(), api.statusList()])
    if (checkpoint.ok) this.observeCheckpoint(checkpoint.data)
    if (!list.ok) return { ok: false, message: `未能更新撤销名单：${list.failure.message}` }
    const now = this.clock()
    const verified = verifyStatusList(list.data, { verifierKeys: [key], origin: key.name, now: now.getTime() })
    if (!verified.ok) return { ok: false, message: `撤销名单未通过核验（${verified.reason}），已保留本机原有名单` }
    const held = this.heldList()
    if (held && held.issuedAt > verified.list.issuedAt) {
      this.alarm('平台提供的撤销名单早于本机已有的名单（已保留较新的名单）')
      return { ok: false, message: '平台提供的撤销名单早于本机已有的名单，已保留较新的名单' }
    }
    this.update((s) => ({ ...s, statusList: list.data, statusListFetchedAt: now.toISOString() }))
    return { ok: true, message: '撤销名单已更新' }
  }

  private heldList(): VerifiedStatusList | null {
    const key = this.verifierKey()
    const note = this.load().statusList
    if (!key || !note) return null
    if (this.verifiedList?.note === note) return this.verifiedList.list
    const v = verifyStatusList(note, { verifierKeys: [key], origin: key.name, now: this.clock().getTime() })
    if (!v.ok) return null
    this.verifiedList = { note, list: v.list }
    return v.list
  }

  /**
   * Takes note of a signed checkpoint from the portal: kept when it is newer than the newest
   * held. Returns false when it does not verify or contradicts the newest (an alarm is raised).
   */
  observeCheckpoint(note: string): boolean {
    const key = this.verifierKey()
    if (!key) return false
    const opened = openCheckpoint(note, { verifierKeys: [key], origin: key.name })
    if (!opened.ok) {
      this.alarm(`平台提供的检查点未通过核验（${opened.reason}）`)
      return false
    }
    const held = this.load().checkpoint
    const heldOpen = held ? openCheckpoint(held, { verifierKeys: [key], origin: key.name }) : null
    if (heldOpen?.ok) {
      const old = heldOpen.checkpoint
      const next = opened.checkpoint
      if (next.size < old.size) {
        this.alarm(`日志检查点倒退：平台给出 ${next.size} 条，本机已见过 ${old.size} 条`)
        return false
      }
      if (next.size === old.size) {
        if (!bytesEqual(next.rootHash, old.rootHash)) {
          this.alarm(`日志出现分叉：同为 ${next.size} 条的两个检查点根哈希不同`)
          return false
        }
        return true
      }
    }
    this.update((s) => ({ ...s, checkpoint: note, checkpointAt: this.clock().toISOString() }))
    return true
  }

  // ---------------------------------------------------------------- per certificate

  private certificates(): Record<string, CertificateLogRecord> {
    if (this.certificatesMemory) return this.certificatesMemory
    const raw = readJson(this.storage, CERTIFICATE_LOG_STORAGE_KEY)
    const out: Record<string, CertificateLogRecord> = {}
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [serial, v] of Object.entries(raw as Record<string, unknown>)) {
        const r = v as Record<string, unknown> | null
        if (!r || typeof r.at !== 'string') continue
        out[serial] = { at: r.at, ...(isVerifyLog(r.log) ? { log: r.log } : {}) }
      }
    }
    return out
  }

  /** What the phone keeps about a certificate from its last online confirmation. */
  certificate(serial: string): CertificateLogRecord | null {
    return this.certificates()[serial] ?? null
  }

  /** Keeps a confirmed certificate's proofs (the newest CERTIFICATE_LOG_CAP). */
  rememberCertificate(serial: string, record: { log?: VerifyLog }): void {
    const all = this.certificates()
    const previous = all[serial]
    all[serial] = {
      at: this.clock().toISOString(),
      ...(record.log ? { log: record.log } : previous?.log ? { log: previous.log } : {}),
    }
    const kept = Object.entries(all)
      .sort((a, b) => (a[1].at < b[1].at ? 1 : a[1].at > b[1].at ? -1 : 0))
      .slice(0, CERTIFICATE_LOG_CAP)
    const next = Object.fromEntries(kept)
    if (this.certificatesMemory !== null || !writeJson(this.storage, CERTIFICATE_LOG_STORAGE_KEY, next)) this.certificatesMemory = next
  }

  /**
   * What the status list held on the phone says about a certificate, now: its place is derived
   * from the (signature-checked) serial, so a certificate never seen online is answered too.
   */
  revocation(serial: string): RevocationEvidence {
    const list = this.heldList()
    if (!list) return { result: 'NO_LIST' }
    const issuedAt = new Date(list.issuedAt).toISOString()
    const validUntil = new Date(list.validUntil).toISOString()
    let revoked: boolean
    try {
      revoked = isSerialRevoked(list, serial)
    } catch {
      return { result: 'UNREADABLE', issuedAt, validUntil }
    }
    if (this.clock().getTime() > list.validUntil) return { result: 'STALE', issuedAt, validUntil, revokedInList: revoked }
    return { result: revoked ? 'REVOKED' : 'NOT_REVOKED', issuedAt, validUntil }
  }

  /** Checks a certificate's proofs (from an answer, or the ones kept) with the log key. */
  inclusion(log: VerifyLog, serial: string, payload: string): InclusionCheck | null {
    const key = this.verifierKey()
    return key ? checkInclusion(log, { key, serial, payload }) : null
  }
}
