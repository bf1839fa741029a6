import { describe, expect, it } from 'vitest'
import { quarterEndsBefore, snapshotId } from './snapshot-days'

describe('snapshotId', () => {
  it('is derived from the subject and the day', () => {
    expect(snapshotId('cen0000001abc', '2026-11-20')).toBe('cen0000001abc:2026-11-20')
  })
})

describe('quarterEndsBefore', () => {
  it('gives the last quarter ends strictly before the day, oldest first', () => {
    expect(quarterEndsBefore('2026-11-24', 4)).toEqual(['2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30'])
    expect(quarterEndsBefore('2026-09-30', 2)).toEqual(['2026-03-31', '2026-06-30'])
    expect(quarterEndsBefore('2026-10-01', 1)).toEqual(['2026-09-30'])
    expect(quarterEndsBefore('2026-01-01', 12)).toHaveLength(12)
    expect(quarterEndsBefore('2026-01-01', 12)[0]).toBe('2023-03-31')
  })
})
