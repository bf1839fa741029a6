// The tokens the index holds and the tokens a term asks for, against hand-written sets.
import { describe, expect, it } from 'vitest'
import { foldAscii, indexTokens, pieceTokens, queryTokens } from './search-tokens'

describe('search tokens', () => {
  it('holds every character and every adjacent pair, once', () => {
    expect([...indexTokens('王伟')].sort()).toEqual(['伟', '王', '王伟'].sort())
    expect([...indexTokens('海口海口')].sort()).toEqual(['口', '口海', '海', '海口'].sort())
    expect([...indexTokens('')]).toEqual([])
  })

  it('folds ASCII letters only, as SQLite lower() does', () => {
    expect(foldAscii('AbC-Ｚ（Ä）')).toBe('abc-Ｚ（Ä）')
    expect([...indexTokens('A1')].sort()).toEqual(['1', 'a', 'a1'].sort())
  })

  it('counts characters outside the BMP as one, as the databases do', () => {
    expect([...indexTokens('𠮷野')].sort()).toEqual(['𠮷', '野', '𠮷野'].sort())
  })

  it('asks for the character of a one-character term and the pairs of a longer one', () => {
    expect(pieceTokens('王')).toEqual(['王'])
    expect(pieceTokens('海口')).toEqual(['海口'])
    expect(pieceTokens('海口市')).toEqual(['海口', '口市'])
    expect(pieceTokens('AB')).toEqual(['ab'])
  })

  it('takes at most six tokens, the ends of each piece first', () => {
    // pairs 0–8 of 海南建设工程有限公司: 海南 南建 建设 设工 工程 程有 有限 限公 公司; the ends (0, 8),
    // the middle (4), the middles of the halves (2, 6), then of the quarters (1, …)
    expect(queryTokens(['海南建设工程有限公司'])).toEqual(['海南', '公司', '工程', '建设', '有限', '南建'])
    expect(queryTokens(['海口', '王伟'])).toEqual(['海口', '王伟'])
    expect(queryTokens(['海口市', '王伟'], 3)).toEqual(['海口', '王伟', '口市'])
  })
})
