import { describe, expect, it } from 'vitest'
import { SharedStringTable } from './shared-string-table'

describe('shared-string table', () => {
  it('gives back every string by index, across block boundaries, empty ones included', () => {
    const table = new SharedStringTable()
    const strings = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '' : `海南椰城${i}建设（集团）`))
    for (const s of strings) table.push(s)
    expect(table.size).toBe(3000)
    for (const i of [0, 1, 1023, 1024, 1025, 2047, 2048, 2999]) expect(table.get(i), String(i)).toBe(strings[i])
    expect(strings.every((s, i) => table.get(i) === s)).toBe(true)
    expect(table.get(3000)).toBeUndefined()
  })
})
