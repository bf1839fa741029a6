// The app's services wired together from a platform (storage, HTTP, clock) and the build
// settings. src/services/index.ts calls this once with the Taro adapters; tests call it with
// memory storage and a local server.

import { PortalApi, type ApiTimeouts } from './api-client'
import { HistoryStore, type HistoryEntry } from './history'
import type { HttpClient } from './http'
import { KeyStore, type BundledKeySet, type RefreshOutcome } from './keys'
import type { KeyValueStorage } from './storage'
import { TransparencyStore, type LogRefreshOutcome } from './transparency'
import { Verifier } from './verification'
import type { OfflineCheck, Verdict } from './verdict'

export interface Platform {
  storage: KeyValueStorage
  http: HttpClient
  clock?: () => Date
}

export interface BuildSettings {
  portalOrigin: string
  bundled: BundledKeySet
  /** the log's verifier key embedded at build time (TARO_APP_LOG_VKEY), or null */
  bundledLogKey?: string | null
  timeouts?: Partial<ApiTimeouts>
  historyCap?: number
}

export interface StartedScan {
  entry: HistoryEntry
  offline: OfflineCheck
}

export interface AppServices {
  origin: string
  api: PortalApi
  keys: KeyStore
  history: HistoryStore
  verifier: Verifier
  transparency: TransparencyStore
  /**
   * A new scan: checks the signature offline, records the scan with that verdict (pending when
   * the portal is still to be asked) and returns at once.
   */
  startScan(text: string): StartedScan
  /**
   * Completes a recorded scan whose verdict is pending: asks the portal and stores the final
   * verdict. Returns the entry's verdict unchanged when it is not pending. Never rejects.
   */
  completeScan(entryId: string): Promise<Verdict | null>
  /** Refreshes the keys in the background when they are stale; resolves null when not needed. */
  refreshKeysIfStale(): Promise<RefreshOutcome | null>
  /**
   * Refreshes the status list (and the log key and checkpoint) when it is missing or old, or
   * follows the refresh under way; resolves null when none was needed.
   */
  refreshLogIfStale(): Promise<LogRefreshOutcome | null>
}

export function createAppServices(platform: Platform, build: BuildSettings): AppServices {
  const clock = platform.clock ?? (() => new Date())
  const api = new PortalApi({ http: platform.http, origin: build.portalOrigin, clock, timeouts: build.timeouts })
  const keys = new KeyStore({ storage: platform.storage, bundled: build.bundled, clock })
  const history = new HistoryStore({ storage: platform.storage, clock, cap: build.historyCap })
  const transparency = new TransparencyStore({ storage: platform.storage, bundledKey: build.bundledLogKey ?? null, clock })
  const verifier = new Verifier({ keys, api, origin: build.portalOrigin, clock, transparency })
  /** one completion per entry at a time, e.g. when the result page mounts twice */
  const completing = new Map<string, Promise<Verdict | null>>()

  return {
    origin: build.portalOrigin,
    api,
    keys,
    history,
    verifier,
    transparency,
    startScan(text) {
      const offline = verifier.checkOffline(text)
      const entry = history.add(text, verifier.initialVerdict(offline))
      return { entry, offline }
    },
    completeScan(entryId) {
      const running = completing.get(entryId)
      if (running) return running
      const run = (async () => {
        const entry = history.get(entryId)
        if (!entry) return null
        if (entry.verdict.confirmation.mode !== 'PENDING') return entry.verdict
        // recomputed rather than carried over: cheap, and uses the keys held now
        const offline = verifier.checkOffline(entry.text)
        const { verdict } = await verifier.confirmOnline(entry.text, offline)
        history.updateVerdict(entryId, verdict)
        return verdict
      })()
        .catch(() => history.get(entryId)?.verdict ?? null)
        .finally(() => completing.delete(entryId))
      completing.set(entryId, run)
      return run
    },
    refreshKeysIfStale() {
      return keys.isStale() ? keys.refresh(api) : Promise.resolve(null)
    },
    refreshLogIfStale() {
      return transparency.running() ?? (transparency.isStale() ? transparency.refresh(api) : Promise.resolve(null))
    },
  }
}
