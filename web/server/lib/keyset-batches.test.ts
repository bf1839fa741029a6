import { describe, expect, it } from 'vitest'
import { afterNameCursorWhere, keysetBatches, nameCursorOf, type NameCursor } from './keyset-batches'

describe('afterNameCursorWhere', () => {
  it('is empty for the first batch and (name, id) strictly after the cursor otherwise', () => {
    expect(afterNameCursorWhere(undefined)).toEqual({})
    expect(afterNameCursorWhere({ name: '海南', id: 'c9' })).toEqual({ OR: [{ name: { gt: '海南' } }, { name: '海南', id: { gt: 'c9' } }] })
  })
})

describe('keysetBatches by name', () => {
  it('visits every row once, in order, with bounded batches, also across equal names', async () => {
    const names = ['三亚', '海口', '海口', '海口', '儋州', '琼海', '海口', '万宁', '文昌', '三亚', '东方', '定安']
    const rows = names.map((name, i) => ({ name, id: `id${String(i).padStart(2, '0')}`, extra: i }))
    const cmp = (a: NameCursor, b: NameCursor) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    const sorted = [...rows].sort(cmp)
    const seen: string[] = []
    const cursors: (NameCursor | undefined)[] = []
    for await (const batch of keysetBatches(
      async (after: NameCursor | undefined, take) => {
        cursors.push(after)
        return sorted.filter((r) => !after || cmp(r, after) > 0).slice(0, take)
      },
      nameCursorOf,
      5,
    )) {
      expect(batch.length).toBeLessThanOrEqual(5)
      seen.push(...batch.map((r) => r.id))
    }
    expect(seen).toEqual(sorted.map((r) => r.id))
    // three queries, each after the last row of the one before, and the cursor carries only name and id
    expect(cursors).toEqual([undefined, nameCursorOf(sorted[4]), nameCursorOf(sorted[9])])
    expect(Object.keys(cursors[1]!)).toEqual(['name', 'id'])
  })
})

describe('keysetBatches with read-ahead', () => {
  const ids = Array.from({ length: 10 }, (_, i) => i + 1)
  const fetcher = (log: string[]) => async (after: number | undefined, take: number) => {
    log.push(`fetch after ${after ?? '-'}`)
    return ids.filter((id) => after === undefined || id > after).slice(0, take)
  }

  it('yields the same batches, querying the next one before the caller resumes', async () => {
    const log: string[] = []
    const seen: number[][] = []
    for await (const batch of keysetBatches(fetcher(log), (id) => id, 4, { readAhead: true })) {
      log.push(`use ${batch.join(',')}`)
      seen.push(batch)
    }
    expect(seen).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]])
    expect(log).toEqual(['fetch after -', 'fetch after 4', 'use 1,2,3,4', 'fetch after 8', 'use 5,6,7,8', 'use 9,10'])
  })

  it('without read-ahead queries the next batch only when the caller asks for it', async () => {
    const log: string[] = []
    for await (const batch of keysetBatches(fetcher(log), (id) => id, 4)) log.push(`use ${batch.join(',')}`)
    expect(log).toEqual(['fetch after -', 'use 1,2,3,4', 'fetch after 4', 'use 5,6,7,8', 'fetch after 8', 'use 9,10'])
  })

  it('leaves no unobserved failure when the caller stops early', async () => {
    let calls = 0
    const failing = async (_after: number | undefined, take: number) => {
      calls++
      if (calls > 1) throw new Error('database gone')
      return ids.slice(0, take)
    }
    for await (const batch of keysetBatches(failing, (id) => id, 4, { readAhead: true })) {
      expect(batch).toEqual([1, 2, 3, 4])
      break
    }
    expect(calls).toBe(2)
  })
})
