import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPublicOn, publicationState } from './publication'

const period = { status: 'ACTIVE' as const, publishFrom: '2026-03-11', publishUntil: '2026-09-11' }

describe('isPublicOn', () => {
  it.each([
    ['2026-03-10', false, 'NOT_YET'],
    ['2026-03-11', true, 'PUBLIC'],
    ['2026-09-10', true, 'PUBLIC'],
    ['2026-09-11', false, 'ENDED'],
  ] as const)('on %s: public %s (%s)', (day, expected, state) => {
    expect(isPublicOn(period, day)).toBe(expected)
    expect(publicationState(period, day)).toBe(state)
  })

  it('never shows a withdrawn record', () => {
    expect(isPublicOn({ ...period, status: 'WITHDRAWN' }, '2026-05-01')).toBe(false)
    expect(publicationState({ ...period, status: 'WITHDRAWN' }, '2026-05-01')).toBe('WITHDRAWN')
  })

  it('is public exactly when the state is PUBLIC', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.constantFrom('ACTIVE' as const, 'WITHDRAWN' as const), day, day, day, (status, publishFrom, publishUntil, d) => {
        const r = { status, publishFrom, publishUntil }
        expect(isPublicOn(r, d)).toBe(publicationState(r, d) === 'PUBLIC')
      }),
    )
  })
})
