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
