// Search terms are bounded in length and in pieces, refused with a Chinese message naming q
// rather than cut silently; the same schema guards every list's q (query-params.ts).
import { describe, expect, it } from 'vitest'
import { MAX_SEARCH_TERM_LENGTH } from '@web/server/lib/query-params'
import { MAX_SEARCH_PIECES } from '@web/server/lib/text-search'
import { permitFiltersSchema } from '@web/server/permits/permit-queries'
import { siteSearchQuerySchema } from './search-queries'

const issueOf = (q: string) => {
  const result = siteSearchQuerySchema.safeParse({ q })
  return result.success ? null : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('search term bounds', () => {
  it('accepts a term at the limits', () => {
    expect(siteSearchQuerySchema.parse({ q: '海'.repeat(MAX_SEARCH_TERM_LENGTH) }).q).toHaveLength(MAX_SEARCH_TERM_LENGTH)
    const pieces = Array.from({ length: MAX_SEARCH_PIECES }, (_, i) => `p${i}`).join('%')
    expect(siteSearchQuerySchema.parse({ q: pieces }).q).toBe(pieces)
    expect(siteSearchQuerySchema.parse({ q: '   ' }).q).toBeUndefined()
  })

  it('refuses a longer term with a message naming q', () => {
    expect(issueOf('海'.repeat(MAX_SEARCH_TERM_LENGTH + 1))).toEqual([{ path: 'q', message: `搜索词不能超过 ${MAX_SEARCH_TERM_LENGTH} 个字符` }])
  })

  it('refuses a term cut into more pieces than allowed by LIKE wildcards', () => {
    const tooMany = Array.from({ length: MAX_SEARCH_PIECES + 1 }, (_, i) => `p${i}`).join('_')
    expect(issueOf(tooMany)).toEqual([{ path: 'q', message: expect.stringContaining('特殊字符过多') }])
    expect(issueOf('a%b%c%d%e%f%g%h%i%j%k%l')).not.toBeNull()
  })

  it('bounds the list filters with the same rule', () => {
    expect(permitFiltersSchema.safeParse({ q: 'a\\b\\c\\d\\e\\f\\g\\h\\i' }).success).toBe(false)
    expect(permitFiltersSchema.safeParse({ q: 'x'.repeat(101) }).success).toBe(false)
  })
})
