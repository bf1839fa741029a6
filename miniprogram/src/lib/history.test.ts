import { describe, expect, it } from 'vitest'
import { HISTORY_STORAGE_KEY, HistoryStore, MAX_STORED_TEXT } from './history'
import { memoryStorage } from './storage'
import type { Verdict } from './verdict'

const genuine: Verdict = {
  authenticity: 'GENUINE',
  status: 'VALID',
  message: '真实有效',
  confirmation: { mode: 'ONLINE', at: '2025-05-06T02:00:00.000Z' },
  certificate: { type: 'CONSTRUCTION_PERMIT', serial: 'P20244601000001236', projectCode: '46010020240300017', holderUscc: '91460100MA5T0K3D2F', issuedOn: '2024-03-15', projectName: '滨海花园二期' },
  keyId: 1,
}
const fake: Verdict = { authenticity: 'FAKE', status: 'UNKNOWN', reason: 'NOT_A_URL', message: '未识别', confirmation: { mode: 'OFFLINE_FINAL' } }
const pending: Verdict = { ...genuine, status: 'UNKNOWN', confirmation: { mode: 'PENDING' } }

function store(options: { cap?: number; storage?: ReturnType<typeof memoryStorage> } = {}) {
  let t = Date.parse('2025-05-06T00:00:00Z')
  let n = 0
  return new HistoryStore({
    storage: options.storage ?? memoryStorage(),
    cap: options.cap,
    clock: () => new Date((t += 1000)),
    newId: () => `id${++n}`,
  })
}

describe('HistoryStore', () => {
  it('lists scans newest first and finds them by id', () => {
    const h = store()
    h.add('text one', genuine)
    h.add('text two', fake)
    h.add('text three', pending)
    expect(h.list().map((e) => e.text)).toEqual(['text three', 'text two', 'text one'])
    expect(h.get('id2')).toMatchObject({ id: 'id2', text: 'text two', verdict: fake, scannedAt: '2025-05-06T00:00:02.000Z' })
    expect(h.get('nope')).toBeNull()
  })

  it('keeps at most `cap` scans, dropping the oldest', () => {
    const h = store({ cap: 3 })
    for (let i = 1; i <= 5; i++) h.add(`scan ${i}`, fake)
    expect(h.list().map((e) => e.text)).toEqual(['scan 5', 'scan 4', 'scan 3'])
  })

  it('persists across instances (a restart) and reads without signal from storage only', () => {
    const storage = memoryStorage()
    store({ storage }).add('persisted', genuine)
    const again = new HistoryStore({ storage })
    expect(again.list()).toHaveLength(1)
    expect(again.list()[0].verdict).toEqual(genuine)
  })

  it('updates a pending verdict in place', () => {
    const h = store()
    const e = h.add('scan', pending)
    h.add('later', fake)
    expect(h.updateVerdict(e.id, genuine)).toBe(true)
    expect(h.get(e.id)?.verdict).toEqual(genuine)
    expect(h.list().map((x) => x.text)).toEqual(['later', 'scan'])
    expect(h.updateVerdict('gone', genuine)).toBe(false)
  })

  it('clears everything', () => {
    const storage = memoryStorage()
    const h = store({ storage })
    h.add('a', genuine)
    h.add('b', fake)
    h.clear()
    expect(h.list()).toEqual([])
    expect(storage.getItem(HISTORY_STORAGE_KEY)).toBeNull()
    h.add('c', fake)
    expect(h.list().map((e) => e.text)).toEqual(['c'])
  })

  it('cuts very long scanned texts', () => {
    const h = store()
    expect(h.add('x'.repeat(5000), fake).text).toHaveLength(MAX_STORED_TEXT)
  })

  it('tolerates corrupt storage: not JSON, not a list, or broken entries', () => {
    for (const value of ['{{{', '"a string"', '{"entries": []}', 'null', '']) {
      const h = store({ storage: memoryStorage({ [HISTORY_STORAGE_KEY]: value }) })
      expect(h.list()).toEqual([])
      h.add('after corruption', fake)
      expect(h.list().map((e) => e.text)).toEqual(['after corruption'])
    }
    const good = { id: 'ok', scannedAt: '2025-05-01T00:00:00.000Z', text: 't', verdict: genuine }
    const mixed = [good, { id: 'bad' }, 42, null, { ...good, id: 'v', verdict: { ...genuine, authenticity: 'MAYBE' } }, { ...good }]
    const h = store({ storage: memoryStorage({ [HISTORY_STORAGE_KEY]: JSON.stringify(mixed) }) })
    expect(h.list().map((e) => e.id)).toEqual(['ok'])
  })

  it('keeps working in memory when the platform refuses to store', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota exceeded')
      },
      removeItem: () => {
        throw new Error('unavailable')
      },
    }
    const h = new HistoryStore({ storage: refusing })
    const e = h.add('scan', pending)
    expect(h.get(e.id)?.text).toBe('scan')
    expect(h.updateVerdict(e.id, genuine)).toBe(true)
    expect(h.get(e.id)?.verdict).toEqual(genuine)
    h.clear()
    expect(h.list()).toEqual([])
  })

  it('survives a storage whose reads throw', () => {
    const throwing = {
      getItem: () => {
        throw new Error('io')
      },
      setItem: () => {},
      removeItem: () => {},
    }
    expect(new HistoryStore({ storage: throwing }).list()).toEqual([])
  })
})
