// Reading a list in disjoint branches and merging: the merged page is the page one query over the
// OR would give, in either reading direction and after skipped rows; the count sums and caps.
import { describe, expect, it } from 'vitest'
import { countInBranches, findInBranches, keyOrderBy, keysetWhere, type KeyOrder, type KeysetRead } from './keyset-page'

interface Row {
  id: string
  day: Date
}

const ORDER: KeyOrder = { field: 'day', kind: 'date', dir: 'desc', idDir: 'desc' }
const row = (id: string, day: string): Row => ({ id, day: new Date(`${day}T00:00:00Z`) })
const keyOf = (r: Row) => ({ value: r.day, id: r.id })

// two branches (say enterprises' and practitioners' records), with ties on the day across them
const A = [row('a1', '2026-01-01'), row('a2', '2026-01-03'), row('a3', '2026-01-03'), row('a4', '2026-01-07')]
const B = [row('b1', '2026-01-02'), row('b2', '2026-01-03'), row('b3', '2026-01-08')]

/** One branch as a database would read it: in `read.orderBy`, skip, take. */
function branchRead(rows: Row[], read: KeysetRead): Row[] {
  const dir = (read.orderBy[0] as Record<string, string>).day === 'desc' ? -1 : 1
  const idDir = (read.orderBy[1] as Record<string, string>).id === 'desc' ? -1 : 1
  return [...rows]
    .sort((x, y) => dir * (x.day.getTime() - y.day.getTime()) || idDir * (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(read.skip, read.skip + read.take)
}

const read = (skip: number, take: number, reverse = false): KeysetRead => ({ where: keysetWhere(ORDER, undefined), orderBy: keyOrderBy(ORDER, reverse), skip, take })
const ids = (rows: Row[]) => rows.map((r) => r.id)

describe('findInBranches', () => {
  const branches = [A, B]
  const find = (r: KeysetRead) => findInBranches(ORDER, r, branches, (rows, each) => Promise.resolve(branchRead(rows, each)), keyOf)

  it('gives the page the one query over both branches gives, after skipped rows', async () => {
    const all = [...A, ...B]
    for (const [skip, take] of [
      [0, 3],
      [2, 3],
      [5, 10],
      [0, 7],
    ]) {
      expect(ids(await find(read(skip, take)))).toEqual(ids(branchRead(all, read(skip, take))))
    }
    // newest first, ties on the day by id, highest first: b3 a4 b2 a3 a2 b1 a1
    expect(ids(await find(read(0, 7)))).toEqual(['b3', 'a4', 'b2', 'a3', 'a2', 'b1', 'a1'])
  })

  it('reads backwards (a previous page) in the reversed order', async () => {
    expect(ids(await find(read(0, 3, true)))).toEqual(['a1', 'b1', 'a2'])
  })

  it('passes a single branch the read unchanged (the database skips)', async () => {
    const seen: KeysetRead[] = []
    await findInBranches(ORDER, read(40, 21), [A], (_rows, each) => (seen.push(each), Promise.resolve([])), keyOf)
    expect(seen).toEqual([read(40, 21)])
  })

  it('refuses text keys, whose collation JavaScript does not share', async () => {
    const byName: KeyOrder = { field: 'name', kind: 'text', dir: 'asc', idDir: 'asc' }
    const named = [[{ id: 'x', name: '王' }], [{ id: 'y', name: '李' }]]
    await expect(
      findInBranches(byName, { where: {}, orderBy: keyOrderBy(byName), skip: 0, take: 2 }, named, (rows) => Promise.resolve(rows), (r) => ({ value: r.name, id: r.id })),
    ).rejects.toThrow(/date and number keys only/)
  })
})

describe('countInBranches', () => {
  it('sums the branches and caps the sum at take', async () => {
    expect(await countInBranches(10, [3, 4], (n) => Promise.resolve(n))).toBe(7)
    expect(await countInBranches(10, [8, 9], (n, take) => Promise.resolve(Math.min(take, n)))).toBe(10)
  })
})
