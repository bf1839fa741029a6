// One scan from start to end: the offline verdict at once (the signature is checked on the
// phone in a few milliseconds), then, with signal, the portal's answer, within a bounded time.
//
//   const offline = verifier.checkOffline(text)          // sync: show it immediately
//   const done = await verifier.confirmOnline(text, offline)   // never rejects, bounded by the deadlines
//
// On UNKNOWN_KEY the keys are refreshed from the portal (a key added after the app was built)
// while the portal is asked in parallel, so the extra step costs no extra wait.

import type { PortalApi } from './api-client'
import type { KeyStore } from './keys'
import type { TransparencyStore } from './transparency'
import { checkOffline, mergeVerdict, offlineVerdict, onlineOutcome, withLogEvidence, type OfflineCheck, type OnlineOutcome, type Verdict } from './verdict'

export interface VerifierOptions {
  keys: KeyStore
  api: Pick<PortalApi, 'verify' | 'jwks'>
  /** the portal origin the QR codes must point to */
  origin: string
  clock?: () => Date
  /** the log key, status list and kept proofs; without it verdicts carry no log evidence */
  transparency?: TransparencyStore
}

export interface ConfirmedScan {
  /** the offline check after any key refresh */
  offline: OfflineCheck
  verdict: Verdict
  keysRefreshed: boolean
}

export class Verifier {
  private readonly keys: KeyStore
  private readonly api: Pick<PortalApi, 'verify' | 'jwks'>
  private readonly origin: string
  private readonly clock: () => Date
  private readonly transparency: TransparencyStore | null

  constructor(options: VerifierOptions) {
    this.keys = options.keys
    this.api = options.api
    this.origin = options.origin
    this.clock = options.clock ?? (() => new Date())
    this.transparency = options.transparency ?? null
  }

  checkOffline(text: string): OfflineCheck {
    return checkOffline(text, this.keys.keys(), this.origin)
  }

  /** The verdict to show while confirmOnline runs (or the final one for a fake code). */
  initialVerdict(offline: OfflineCheck): Verdict {
    return offlineVerdict(offline, offline.kind === 'FAKE' ? { mode: 'OFFLINE_FINAL' } : { mode: 'PENDING' })
  }

  async confirmOnline(text: string, offline: OfflineCheck): Promise<ConfirmedScan> {
    if (offline.kind === 'FAKE') {
      return { offline, verdict: mergeVerdict(offline, { kind: 'SKIPPED' }), keysRefreshed: false }
    }
    const asking = this.ask(text)
    let check: OfflineCheck = offline
    let keysRefreshed = false
    if (offline.kind === 'UNDECIDED' && offline.reason === 'UNKNOWN_KEY') {
      const refreshed = await this.keys.refresh(this.api)
      if (refreshed.ok) {
        keysRefreshed = true
        check = this.checkOffline(text)
      }
    }
    const online = await asking
    const verdict = this.withLog(check, online, mergeVerdict(check, online, { keysRefreshed }))
    return { offline: check, verdict, keysRefreshed }
  }

  /**
   * With an answer: checks and keeps its inclusion proofs.
   * Without one: what the kept status list and proofs say (see transparency.ts).
   */
  private withLog(check: OfflineCheck, online: OnlineOutcome, verdict: Verdict): Verdict {
    const log = this.transparency
    if (!log || check.kind !== 'GENUINE') return verdict
    const { serial } = check.certificate
    if (verdict.confirmation.mode === 'ONLINE') {
      if (online.kind !== 'ANSWER' || !online.answer.genuine || online.answer.certificate?.serial !== serial) return verdict
      const answerLog = online.answer.log
      if (answerLog) log.observeCheckpoint(answerLog.checkpoint)
      const inclusion = answerLog ? log.inclusion(answerLog, serial, check.payload) : null
      log.rememberCertificate(serial, inclusion?.ok && answerLog ? { log: answerLog } : {})
      return inclusion ? withLogEvidence(verdict, { inclusion }) : verdict
    }
    if (verdict.confirmation.mode !== 'OFFLINE') return verdict
    const kept = log.certificate(serial)?.log
    const inclusion = kept ? log.inclusion(kept, serial, check.payload) : null
    return withLogEvidence(verdict, { revocation: log.revocation(serial), ...(inclusion ? { inclusion: { ...inclusion, cached: true } } : {}) })
  }

  private async ask(text: string): Promise<OnlineOutcome> {
    try {
      return onlineOutcome(await this.api.verify(text), this.clock())
    } catch (e) {
      // PortalApi never rejects; a replacement that does must not break the scan
      return { kind: 'FAILED', failure: { kind: 'NETWORK', message: e instanceof Error ? e.message : String(e) }, at: this.clock() }
    }
  }
}
