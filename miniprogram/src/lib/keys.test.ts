import { describe, expect, it } from 'vitest'
import type { ApiResult } from './api-client'
import { KEYS_STORAGE_KEY, KeyStore } from './keys'
import { memoryStorage } from './storage'
import { bundled, ok, platformJwks } from './testing/fixtures'

const BUILT = '2025-01-01T00:00:00.000Z'

function clockAt(iso: string) {
  let now = new Date(iso)
  return { clock: () => now, set: (next: string) => (now = new Date(next)) }
}

function apiAnswering(...answers: ApiResult<unknown>[]) {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    jwks: async () => answers[Math.min(calls++, answers.length - 1)],
  }
}

const fail = (kind: 'TIMEOUT' | 'NETWORK' | 'SERVER_ERROR', message: string = kind): ApiResult<unknown> => ({ ok: false, failure: { kind, message } })
const ids = (store: KeyStore) => store.keys().map((k) => k.keyId)

describe('KeyStore', () => {
  it('starts with the bundled keys, stale until fetched from the portal', () => {
    const store = new KeyStore({ storage: memoryStorage(), bundled: bundled() })
    expect(ids(store)).toEqual([1])
    expect(store.isStale()).toBe(true)
    expect(store.status()).toMatchObject({ origin: 'BUNDLED', fetchedAt: null, bundledSource: 'jwks.json', bundledError: null, lastAttempt: null })
    expect(store.status().keys[0]).toMatchObject({ keyId: 1, notBefore: '2014-01-01', notAfter: null, testKey: false })
    expect(store.status().keys[0].fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })

  it('holds no key without a bundled set, and says why a bad bundled set is unusable', () => {
    expect(new KeyStore({ storage: memoryStorage(), bundled: bundled(null) }).status()).toMatchObject({ origin: 'NONE', keys: [] })
    const bad = new KeyStore({ storage: memoryStorage(), bundled: bundled({ keys: [{ kty: 'RSA' }] }) })
    expect(bad.keys()).toEqual([])
    expect(bad.status().bundledError).toContain('invalid certificate JWKS')
  })

  it('a refreshed set replaces the keys held (a withdrawn key is dropped) and is cached with its time', async () => {
    const storage = memoryStorage()
    const t = clockAt('2025-08-01T08:00:00Z')
    const store = new KeyStore({ storage, bundled: bundled(), clock: t.clock })
    const rotated = platformJwks({ rotated: true })
    expect(await store.refresh(apiAnswering(ok(rotated)))).toEqual({ ok: true, changed: true, keyIds: [1, 2] })
    expect(ids(store)).toEqual([1, 2])
    expect(store.keys()[0].notAfter).toBe('2025-06-30')
    expect(store.isStale()).toBe(false)
    expect(store.status()).toMatchObject({ origin: 'PORTAL', fetchedAt: '2025-08-01T08:00:00.000Z', lastAttempt: { ok: true, message: '已从平台更新公钥' } })
    expect(JSON.parse(storage.getItem(KEYS_STORAGE_KEY)!)).toMatchObject({ jwks: rotated, fetchedAt: '2025-08-01T08:00:00.000Z' })

    // key 1 compromised: the portal withdraws it
    const withdrawn = { keys: rotated.keys.filter((k) => k.kid !== '1') }
    expect(await store.refresh(apiAnswering(ok(withdrawn)))).toMatchObject({ ok: true, changed: true, keyIds: [2] })
    expect(ids(store)).toEqual([2])

    expect(await store.refresh(apiAnswering(ok(withdrawn)))).toMatchObject({ ok: true, changed: false })
    expect(store.status().lastAttempt?.message).toBe('已与平台核对，公钥没有变化')
  })

  it('keeps the keys held when a refresh fails, whatever the failure', async () => {
    const storage = memoryStorage()
    const t = clockAt('2025-08-01T08:00:00Z')
    const store = new KeyStore({ storage, bundled: bundled(), clock: t.clock })
    await store.refresh(apiAnswering(ok(platformJwks({ rotated: true }))))
    t.set('2025-08-03T08:00:00Z')
    expect(store.isStale()).toBe(true)

    const failures: ApiResult<unknown>[] = [
      fail('NETWORK', '无法连接平台'),
      fail('TIMEOUT', '平台响应超时'),
      fail('SERVER_ERROR'),
      ok({ keys: [] }),
      ok({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'AAAA', kid: '1', nbf: 0 }] }),
      ok('<html>captive portal</html>'),
    ]
    for (const f of failures) {
      const outcome = await store.refresh(apiAnswering(f))
      expect(outcome.ok).toBe(false)
      expect(ids(store)).toEqual([1, 2])
      expect(store.status().fetchedAt).toBe('2025-08-01T08:00:00.000Z')
      expect(store.status().lastAttempt).toMatchObject({ ok: false, at: '2025-08-03T08:00:00.000Z' })
    }
    expect(store.status().lastAttempt?.message).toContain('继续使用本机已有的公钥')
    // the cached set survives the failed attempts
    const reloaded = new KeyStore({ storage, bundled: bundled(), clock: t.clock })
    expect(ids(reloaded)).toEqual([1, 2])
    expect(reloaded.status().lastAttempt?.ok).toBe(false)
  })

  it('a rejecting API is a failed refresh, not an exception', async () => {
    const store = new KeyStore({ storage: memoryStorage(), bundled: bundled() })
    const outcome = await store.refresh({ jwks: () => Promise.reject(new Error('boom')) })
    expect(outcome).toMatchObject({ ok: false })
    expect(ids(store)).toEqual([1])
  })

  it('shares one request between concurrent refreshes', async () => {
    const store = new KeyStore({ storage: memoryStorage(), bundled: bundled() })
    const api = apiAnswering(ok(platformJwks({ rotated: true })))
    await Promise.all([store.refresh(api), store.refresh(api), store.refresh(api)])
    expect(api.calls).toBe(1)
  })

  it('at start uses the newer of the cached and the bundled set', () => {
    const cachedAfterBuild = memoryStorage({
      [KEYS_STORAGE_KEY]: JSON.stringify({ jwks: platformJwks({ rotated: true }), fetchedAt: '2025-03-01T00:00:00.000Z' }),
    })
    expect(ids(new KeyStore({ storage: cachedAfterBuild, bundled: bundled(platformJwks(), { builtAt: BUILT }) }))).toEqual([1, 2])

    const cachedBeforeBuild = memoryStorage({
      [KEYS_STORAGE_KEY]: JSON.stringify({ jwks: platformJwks(), fetchedAt: '2024-06-01T00:00:00.000Z' }),
    })
    const store = new KeyStore({ storage: cachedBeforeBuild, bundled: bundled(platformJwks({ rotated: true }), { builtAt: BUILT }) })
    expect(ids(store)).toEqual([1, 2])
    expect(store.status().origin).toBe('BUNDLED')

    // no bundled keys: any valid cache is better than nothing
    const noBundle = new KeyStore({ storage: cachedBeforeBuild, bundled: bundled(null) })
    expect(ids(noBundle)).toEqual([1])
  })

  it('ignores a corrupt cache', () => {
    for (const value of ['not json', '"text"', '[]', '{"jwks": {"keys": []}, "fetchedAt": "2030-01-01T00:00:00Z"}', '{"fetchedAt": "yesterday", "jwks": {}}']) {
      const store = new KeyStore({ storage: memoryStorage({ [KEYS_STORAGE_KEY]: value }), bundled: bundled() })
      expect(ids(store)).toEqual([1])
      expect(store.status().origin).toBe('BUNDLED')
    }
  })

  it('survives a storage that throws', async () => {
    const broken = {
      getItem: () => {
        throw new Error('storage unavailable')
      },
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {},
    }
    const store = new KeyStore({ storage: broken, bundled: bundled() })
    expect(await store.refresh(apiAnswering(ok(platformJwks({ rotated: true }))))).toMatchObject({ ok: true })
    expect(ids(store)).toEqual([1, 2])
  })

  it('holds the public test key only when the build embedded it, and keeps it across refreshes', async () => {
    expect(ids(new KeyStore({ storage: memoryStorage(), bundled: bundled() }))).not.toContain(0)
    const store = new KeyStore({ storage: memoryStorage(), bundled: bundled(null, { publicTestKey: true }) })
    expect(ids(store)).toEqual([0])
    expect(store.status().keys[0].testKey).toBe(true)
    await store.refresh(apiAnswering(ok(platformJwks())))
    expect(ids(store)).toEqual([1, 0])
  })
})
