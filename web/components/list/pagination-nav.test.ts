import { describe, expect, it } from 'vitest'
import { MAX_OFFSET_PAGE } from '@web/server/lib/keyset-page'
import { keysetPageWindow, pageWindow } from './pagination-nav'

describe('page number links', () => {
  it('numbered lists show first, last and the pages around the current one', () => {
    expect(pageWindow(5, 20)).toEqual([1, 3, 4, 5, 6, 7, 20])
  })

  it('keyset lists number only pages reachable by number, and the last one only when counted exactly', () => {
    expect(keysetPageWindow(1, 8, false)).toEqual([1, 2, 3, 8])
    // over 10,000 rows: no last page (its number is not known), no link past MAX_OFFSET_PAGE
    expect(keysetPageWindow(1, 500, true)).toEqual([1, 2, 3])
    expect(keysetPageWindow(MAX_OFFSET_PAGE, 500, true)).toEqual([1, MAX_OFFSET_PAGE - 2, MAX_OFFSET_PAGE - 1, MAX_OFFSET_PAGE])
    // a page reached by cursor far down: page 1 and the current page only
    expect(keysetPageWindow(4_788, 500, true)).toEqual([1, 4_788])
    expect(keysetPageWindow(60, 60, false)).toEqual([1, 60])
  })
})
