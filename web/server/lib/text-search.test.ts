import { describe, expect, it } from 'vitest'
import { containsText, searchPieces } from './text-search'

describe('containsText', () => {
  it('is a plain contains for an ordinary term', () => {
    expect(containsText('滨江花园', (f) => ({ name: f }))).toEqual({ name: { contains: '滨江花园' } })
  })

  it('never sends a LIKE wildcard or backslash: the term is cut there and every piece must occur', () => {
    expect(searchPieces('50%_a\\b')).toEqual(['50', 'a', 'b'])
    expect(containsText('滨江%花园', (f) => ({ project: { name: f } }))).toEqual({
      AND: [{ project: { name: { contains: '滨江' } } }, { project: { name: { contains: '花园' } } }],
    })
  })

  it('matches nothing for a term of wildcards only', () => {
    for (const term of ['%', '_', '%%__', '\\']) expect(containsText(term, (f) => ({ name: f }))).toEqual({ name: { in: [] } })
  })
})
