// The cache's contract with a memory store: entries live under the namespaces' versions taken
// before the load, a bump makes them unreachable, lifetimes end at the TTL and at China midnight,
// values come back with their Dates, and a failing store falls back to the load every time.
import { describe, expect, it } from 'vitest'
import { createAppCache, msToNextChinaMidnight, type CacheFailure } from './app-cache'
import { createMemoryCacheStore, type CacheStore } from './cache-store'
import { namespacesOfEntities, PUBLIC_DATA } from './namespaces'

// 2026-03-10 10:00 China time (02:00 UTC)
const T0 = Date.UTC(2026, 2, 10, 2, 0, 0)

function setup(ttlMs = 60_000) {
  let now = T0
  const store = createMemoryCacheStore({ clock: () => now })
  const failures: CacheFailure[] = []
  const cache = createAppCache({ store, ttlMs, clock: () => now, onStoreError: (_e, during) => failures.push(during) })
  let loads = 0
  let value = 'first'
  const load = async () => {
    loads++
    return { value, at: new Date(T0) }
  }
  const spec = { name: 'test.read', namespaces: [PUBLIC_DATA], key: ['a'] }
  return {
    cache,
    store,
    failures,
    load,
    spec,
    get loads() {
      return loads
    },
    setValue: (v: string) => (value = v),
    advance: (ms: number) => (now += ms),
  }
}

describe('application cache', () => {
  it('serves a stored entry without loading again, with its Dates restored', async () => {
    const t = setup()
    expect(await t.cache.read(t.spec, t.load)).toEqual({ value: 'first', at: new Date(T0) })
    const again = await t.cache.read(t.spec, t.load)
    expect(again.at).toBeInstanceOf(Date)
    expect(again).toEqual({ value: 'first', at: new Date(T0) })
    expect(t.loads).toBe(1)
  })

  it('keeps reads of other names and keys apart', async () => {
    const t = setup()
    await t.cache.read(t.spec, t.load)
    await t.cache.read({ ...t.spec, key: ['b'] }, t.load)
    await t.cache.read({ ...t.spec, name: 'test.other' }, t.load)
    expect(t.loads).toBe(3)
  })

  it('loads afresh after a bump of a namespace the read depends on, and not after another one', async () => {
    const t = setup()
    await t.cache.read(t.spec, t.load)
    await t.cache.bump(['elsewhere'])
    await t.cache.read(t.spec, t.load)
    expect(t.loads).toBe(1)
    t.setValue('second')
    await t.cache.bump([PUBLIC_DATA])
    expect((await t.cache.read(t.spec, t.load)).value).toBe('second')
    expect(t.loads).toBe(2)
  })

  it('never serves a value loaded before a bump that came during the load', async () => {
    const t = setup()
    // the write commits and bumps while the read is still loading what it read before the commit
    const slowLoad = async () => {
      const before = await t.load()
      t.setValue('second')
      await t.cache.bump([PUBLIC_DATA])
      return before
    }
    expect((await t.cache.read(t.spec, slowLoad)).value).toBe('first')
    expect((await t.cache.read(t.spec, t.load)).value).toBe('second')
  })

  it('lets an entry live for the TTL, no longer', async () => {
    const t = setup(60_000)
    await t.cache.read(t.spec, t.load)
    t.advance(59_999)
    await t.cache.read(t.spec, t.load)
    expect(t.loads).toBe(1)
    t.advance(1)
    await t.cache.read(t.spec, t.load)
    expect(t.loads).toBe(2)
  })

  it('ends every entry at midnight China time, however long the TTL', async () => {
    // 23:59:30 China time: 30 s to midnight
    const nearMidnight = Date.UTC(2026, 2, 10, 15, 59, 30)
    expect(msToNextChinaMidnight(nearMidnight)).toBe(30_000)
    expect(msToNextChinaMidnight(Date.UTC(2026, 2, 10, 16, 0, 0))).toBe(24 * 3600_000)
    const t = setup(3600_000)
    t.advance(nearMidnight - T0)
    await t.cache.read(t.spec, t.load)
    t.advance(29_000)
    await t.cache.read(t.spec, t.load)
    expect(t.loads).toBe(1)
    t.advance(1_000)
    await t.cache.read(t.spec, t.load)
    expect(t.loads).toBe(2)
  })

  it('reads from the database when the store fails, every time, and reports it', async () => {
    const broken: CacheStore = {
      name: 'broken',
      versions: async () => Promise.reject(new Error('down')),
      bump: async () => Promise.reject(new Error('down')),
      get: async () => Promise.reject(new Error('down')),
      set: async () => Promise.reject(new Error('down')),
      close: async () => {},
    }
    const failures: CacheFailure[] = []
    const cache = createAppCache({ store: broken, ttlMs: 60_000, onStoreError: (_e, during) => failures.push(during) })
    let loads = 0
    const load = async () => ++loads
    expect(await cache.read({ name: 'x', namespaces: [PUBLIC_DATA] }, load)).toBe(1)
    expect(await cache.read({ name: 'x', namespaces: [PUBLIC_DATA] }, load)).toBe(2)
    expect(failures).toEqual(['read', 'read'])
    await cache.bump([PUBLIC_DATA])
    expect(failures).toEqual(['read', 'read', 'bump'])
  })

  it('answers the loaded value when only storing it fails', async () => {
    const t = setup()
    const store: CacheStore = { ...t.store, set: async () => Promise.reject(new Error('full')) }
    const failures: CacheFailure[] = []
    const cache = createAppCache({ store, ttlMs: 60_000, onStoreError: (_e, during) => failures.push(during) })
    expect((await cache.read(t.spec, t.load)).value).toBe('first')
    expect(failures).toEqual(['store'])
  })

  it('serves a value it cannot store faithfully (a class instance) from the load every time', async () => {
    const t = setup()
    let loads = 0
    const load = async () => ({ n: ++loads, counts: new Map([['a', 1]]) })
    expect((await t.cache.read(t.spec, load)).counts).toBeInstanceOf(Map)
    expect((await t.cache.read(t.spec, load)).n).toBe(2)
    expect(t.failures).toEqual(['store', 'store'])
  })

  it('passes a failing load through and stores nothing', async () => {
    const t = setup()
    await expect(t.cache.read(t.spec, async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down')
    expect((await t.cache.read(t.spec, t.load)).value).toBe('first')
    expect(t.loads).toBe(1)
  })
})

describe('memory cache store', () => {
  it('drops the oldest entries beyond its size', async () => {
    const store = createMemoryCacheStore({ maxEntries: 2 })
    await store.set('a', '1', 60_000)
    await store.set('b', '2', 60_000)
    await store.set('c', '3', 60_000)
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([null, '2', '3'])
  })

  it('gives a namespace a new, different token on every bump', async () => {
    const store = createMemoryCacheStore()
    const [v1] = await store.versions(['n'])
    expect(await store.versions(['n'])).toEqual([v1])
    await store.bump(['n'])
    const [v2] = await store.versions(['n'])
    expect(v2).not.toBe(v1)
  })
})

describe('namespaces of a write', () => {
  it('leaves the public data alone for staff-only entities and touches it for anything else', () => {
    expect(namespacesOfEntities(['StaffSession', 'User'])).toEqual([])
    expect(namespacesOfEntities(['StaffSession', 'Enterprise'])).toEqual([PUBLIC_DATA])
    expect(namespacesOfEntities(['IntegrityRecord'])).toEqual([PUBLIC_DATA])
    expect(namespacesOfEntities(['SomethingNew'])).toEqual([PUBLIC_DATA])
    expect(namespacesOfEntities([])).toEqual([])
  })
})
