// The `where` for "one of these text fields contains the term", answered through the substring
// index: the row (or the related row holding the field) must have every query token, and then the
// field must contain the term (the LIKE of containsText, now run only on the rows the index let
// through). The LIKE keeps each database's own meaning — SQLite's is case-blind for ASCII,
// PostgreSQL's is not — and the tokens, folded for ASCII, are a superset of both, so the result is
// exactly the plain scan's, only without the scan.
import { containsText, searchPieces } from '@web/server/lib/text-search'
import { queryTokens } from './search-tokens'

/** A filter on a token relation (`searchTokens`), e.g. `{ some: { token: '海口' } }`. */
export interface TokenFilter {
  some: { token: string }
}

export type TextFilter = { contains: string } | { in: string[] }

/** A where made of `W`s joined by AND and OR; Prisma's where inputs accept it. */
export type Combined<W> = W | { AND: Combined<W>[] } | { OR: Combined<W>[] }

export interface IndexedField<W> {
  /** the term as this field is searched (a code field: normalised like the code) */
  term: string
  /**
   * puts a token filter on the token relation of the row that holds the field, e.g.
   * `(t) => ({ owner: { searchTokens: t } })`. Fields of the same row must pass the same function
   * (one reference), so that the row is looked up in the index once for all of them.
   */
  tokens: (filter: TokenFilter) => W
  /** puts a string filter on the field, e.g. `(f) => ({ owner: { name: f } })` */
  text: (filter: TextFilter) => W
}

export function indexedContains<W>(fields: IndexedField<W>[]): Combined<W> {
  const groups = new Map<IndexedField<W>['tokens'], Map<string, IndexedField<W>[]>>()
  for (const field of fields) {
    const key = queryTokens(searchPieces(field.term)).join('\u0000')
    const byTokens = groups.get(field.tokens) ?? new Map<string, IndexedField<W>[]>()
    byTokens.set(key, [...(byTokens.get(key) ?? []), field])
    groups.set(field.tokens, byTokens)
  }
  const branches: Combined<W>[] = []
  for (const [tokens, byTokens] of groups) {
    for (const [key, same] of byTokens) {
      const texts = same.map((f) => containsText(f.term, f.text) as Combined<W>)
      const tokenFilters = key ? key.split('\u0000').map((token) => tokens({ some: { token } })) : []
      branches.push({ AND: [...tokenFilters, texts.length === 1 ? texts[0] : { OR: texts }] })
    }
  }
  return branches.length === 1 ? branches[0] : { OR: branches }
}
