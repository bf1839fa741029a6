import { describe, expect, it } from 'vitest'
import { containsText, searchPieces, startsWithText } from './text-search'

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

  it('never sends a NUL, which PostgreSQL cannot bind: cut there like a wildcard', () => {
    expect(searchPieces('滨江\u0000花园')).toEqual(['滨江', '花园'])
    expect(containsText('\u0000', (f) => ({ name: f }))).toEqual({ name: { in: [] } })
  })

  it('matches nothing for a term of wildcards only', () => {
    for (const term of ['%', '_', '%%__', '\\']) expect(containsText(term, (f) => ({ name: f }))).toEqual({ name: { in: [] } })
  })
})

describe('startsWithText', () => {
  const build = (f: { startsWith: string } | { in: string[] }) => ({ uscc: f })
  it('is a prefix filter for a plain code', () => {
    expect(startsWithText('9146', build)).toEqual({ uscc: { startsWith: '9146' } })
  })
  it('matches nothing when the term holds a LIKE wildcard, which no code does', () => {
    for (const term of ['%', '91_', 'a\\b', '9146\u0000']) expect(startsWithText(term, build)).toEqual({ uscc: { in: [] } })
  })
})
