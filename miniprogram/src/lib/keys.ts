// The platform's public keys on the phone: the set embedded at build time, replaced by the
// portal's /.well-known/jwks.json whenever the app refreshes it with signal, and cached in
// storage so that the newest set a phone has seen survives a restart without signal.
//
// Rules (docs/certificate-format.md §5):
// - a refreshed set REPLACES the keys held, it is not merged: the portal withdraws a compromised
//   key by removing it, and the phone must stop trusting it;
// - a refresh that fails in any way (no signal, timeout, server error, a JWKS the shared fromJwks
//   rejects, an empty set) keeps the keys held, however old;
// - at start the newer of the embedded set and the cached set wins (an app update may embed
//   keys newer than an old cache);
// - the public test key is only ever held when the build embedded it on explicit request.

import { fromJwks, hexToBytes, TEST_KEY_ID, TEST_PUBLIC_KEY_HEX, bytesToHex, type CertificatePublicKey } from '@shared/certificates'
import type { ApiResult } from './api-client'
import { readJson, writeJson, type KeyValueStorage } from './storage'

export const KEYS_STORAGE_KEY = 'inspector.jwks.v1'
/** A set older than this is refreshed in the background when the app has signal. */
export const DEFAULT_MAX_AGE_MS = 12 * 3600 * 1000

export interface BundledKeySet {
  /** the embedded JWKS (build-time TARO_APP_JWKS_FILE), or null */
  jwks: unknown
  /** file name it came from, for the About page */
  source: string | null
  /** when the app was built (ISO); the embedded set is as new as the build */
  builtAt: string
  /** embed the public test key (TARO_APP_ALLOW_PUBLIC_TEST_KEY) */
  publicTestKey: boolean
}

export type KeySetOrigin = 'BUNDLED' | 'PORTAL' | 'NONE'

export interface HeldKey {
  keyId: number
  /** first 8 bytes of the public key in hex, to compare with the portal's JWKS by eye */
  fingerprint: string
  notBefore: string
  notAfter: string | null
  testKey: boolean
}

export interface RefreshAttempt {
  at: string
  ok: boolean
  /** Chinese, for the About page */
  message: string
}

export interface KeyStatus {
  keys: HeldKey[]
  /** where the set in use came from */
  origin: KeySetOrigin
  /** when the set in use was fetched from the portal (null for the embedded set) */
  fetchedAt: string | null
  bundledSource: string | null
  builtAt: string
  /** the embedded JWKS could not be parsed (should not happen: the build checks it) */
  bundledError: string | null
  lastAttempt: RefreshAttempt | null
}

export type RefreshOutcome = { ok: true; changed: boolean; keyIds: number[] } | { ok: false; message: string }

interface Cached {
  jwks: unknown
  fetchedAt: string
  lastAttempt?: RefreshAttempt
}

export const PUBLIC_TEST_KEY: CertificatePublicKey = {
  keyId: TEST_KEY_ID,
  publicKey: hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array,
  notBefore: '1970-01-01',
  notAfter: null,
}

function parseKeys(jwks: unknown): { keys: CertificatePublicKey[] } | { error: string } {
  try {
    const keys = fromJwks(jwks)
    return keys.length > 0 ? { keys } : { error: '密钥列表为空' }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

function keySignature(keys: readonly CertificatePublicKey[]): string {
  return keys
    .map((k) => `${k.keyId}:${bytesToHex(k.publicKey)}:${k.notBefore}:${k.notAfter ?? ''}`)
    .sort()
    .join('|')
}

export interface KeyStoreOptions {
  storage: KeyValueStorage
  bundled: BundledKeySet
  clock?: () => Date
  maxAgeMs?: number
}

export class KeyStore {
  private readonly storage: KeyValueStorage
  private readonly bundled: BundledKeySet
  private readonly clock: () => Date
  private readonly maxAgeMs: number
  private readonly bundledKeys: CertificatePublicKey[]
  private readonly bundledError: string | null
  private platformKeys: CertificatePublicKey[]
  private origin: KeySetOrigin
  private fetchedAt: string | null = null
  private lastAttempt: RefreshAttempt | null = null
  private inFlight: Promise<RefreshOutcome> | null = null

  constructor(options: KeyStoreOptions) {
    this.storage = options.storage
    this.bundled = options.bundled
    this.clock = options.clock ?? (() => new Date())
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS

    const parsedBundle = this.bundled.jwks == null ? { keys: [] } : parseKeys(this.bundled.jwks)
    this.bundledKeys = 'keys' in parsedBundle ? parsedBundle.keys : []
    this.bundledError = 'error' in parsedBundle ? parsedBundle.error : null
    this.platformKeys = this.bundledKeys
    this.origin = this.bundledKeys.length > 0 ? 'BUNDLED' : 'NONE'

    const cached = this.readCache()
    if (cached) {
      this.lastAttempt = cached.lastAttempt ?? null
      const parsed = parseKeys(cached.jwks)
      const newerThanBuild = Date.parse(cached.fetchedAt) >= Date.parse(this.bundled.builtAt)
      if ('keys' in parsed && (newerThanBuild || this.bundledKeys.length === 0)) {
        this.platformKeys = parsed.keys
        this.origin = 'PORTAL'
        this.fetchedAt = cached.fetchedAt
      }
    }
  }

  /** The keys to verify with now. */
  keys(): CertificatePublicKey[] {
    return this.bundled.publicTestKey ? [...this.platformKeys, PUBLIC_TEST_KEY] : [...this.platformKeys]
  }

  /** True when the set held was never fetched from the portal or is older than maxAge. */
  isStale(): boolean {
    if (this.fetchedAt === null) return true
    return this.clock().getTime() - Date.parse(this.fetchedAt) > this.maxAgeMs
  }

  status(): KeyStatus {
    return {
      keys: this.keys().map((k) => ({
        keyId: k.keyId,
        fingerprint: bytesToHex(k.publicKey).slice(0, 16),
        notBefore: k.notBefore,
        notAfter: k.notAfter ?? null,
        testKey: k.keyId === TEST_KEY_ID,
      })),
      origin: this.origin,
      fetchedAt: this.fetchedAt,
      bundledSource: this.bundled.source,
      builtAt: this.bundled.builtAt,
      bundledError: this.bundledError,
      lastAttempt: this.lastAttempt,
    }
  }

  /**
   * Fetches the portal's JWKS and, if it is a valid non-empty set, makes it the set in use and
   * caches it. Concurrent calls share one request. Never rejects.
   */
  refresh(api: { jwks(): Promise<ApiResult<unknown>> }): Promise<RefreshOutcome> {
    if (!this.inFlight) {
      this.inFlight = this.doRefresh(api).finally(() => {
        this.inFlight = null
      })
    }
    return this.inFlight
  }

  private async doRefresh(api: { jwks(): Promise<ApiResult<unknown>> }): Promise<RefreshOutcome> {
    let result: ApiResult<unknown>
    try {
      result = await api.jwks()
    } catch (e) {
      result = { ok: false, failure: { kind: 'NETWORK', message: e instanceof Error ? e.message : String(e) } }
    }
    const at = this.clock().toISOString()
    if (!result.ok) return this.failed(at, `更新失败：${result.failure.message}，继续使用本机已有的公钥`)
    const parsed = parseKeys(result.data)
    if ('error' in parsed) return this.failed(at, `平台公布的公钥无法使用（${parsed.error}），继续使用本机已有的公钥`)

    const changed = keySignature(parsed.keys) !== keySignature(this.platformKeys)
    this.platformKeys = parsed.keys
    this.origin = 'PORTAL'
    this.fetchedAt = at
    this.lastAttempt = { at, ok: true, message: changed ? '已从平台更新公钥' : '已与平台核对，公钥没有变化' }
    writeJson(this.storage, KEYS_STORAGE_KEY, { jwks: result.data, fetchedAt: at, lastAttempt: this.lastAttempt } satisfies Cached)
    return { ok: true, changed, keyIds: parsed.keys.map((k) => k.keyId) }
  }

  private failed(at: string, message: string): RefreshOutcome {
    this.lastAttempt = { at, ok: false, message }
    const cached = this.readCache()
    // remember the attempt next to the cached set, never instead of it
    if (cached) writeJson(this.storage, KEYS_STORAGE_KEY, { ...cached, lastAttempt: this.lastAttempt } satisfies Cached)
    return { ok: false, message }
  }

  private readCache(): Cached | null {
    const raw = readJson(this.storage, KEYS_STORAGE_KEY)
    if (typeof raw !== 'object' || raw === null) return null
    const c = raw as Partial<Cached>
    if (typeof c.fetchedAt !== 'string' || Number.isNaN(Date.parse(c.fetchedAt)) || !('jwks' in c)) return null
    const attempt = c.lastAttempt
    const validAttempt =
      attempt && typeof attempt.at === 'string' && typeof attempt.ok === 'boolean' && typeof attempt.message === 'string'
        ? attempt
        : undefined
    return { jwks: c.jwks, fetchedAt: c.fetchedAt, lastAttempt: validAttempt }
  }
}
