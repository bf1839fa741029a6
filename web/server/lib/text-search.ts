// Substring search that means what it says. Prisma turns `contains` into LIKE '%…%' without
// escaping the operand (prisma/orm#19506), and on SQLite there is no escape character to add
// (prisma/orm#23611): a search for "%" would match every row and "_" any one character. So the
// LIKE wildcards (and the backslash, PostgreSQL's escape character) are never sent: the term is
// cut at them and every piece must occur. A term of nothing but wildcards matches nothing. NUL
// is cut the same way: no stored text holds one, and PostgreSQL refuses to bind it.
const LIKE_SPECIAL = /[%_\\\u0000]+/

/** The most pieces a search term may have (searchTermSchema refuses more): each is one more LIKE. */
export const MAX_SEARCH_PIECES = 8

export function searchPieces(term: string): string[] {
  return term.split(LIKE_SPECIAL).filter(Boolean)
}

/**
 * The `where` for "this text field contains `term`": `build` puts a string filter where the field
 * is, e.g. `(f) => ({ project: { name: f } })`.
 */
export function containsText<W>(term: string, build: (filter: { contains: string } | { in: string[] }) => W): W | { AND: W[] } {
  const pieces = searchPieces(term)
  if (pieces.length === 0) return build({ in: [] })
  if (pieces.length === 1) return build({ contains: pieces[0] })
  return { AND: pieces.map((piece) => build({ contains: piece })) }
}

/**
 * The `where` for "this code field starts with `term`" (USCC, project code, registration number).
 * Codes hold no LIKE wildcards, so a term with one matches nothing rather than everything.
 */
export function startsWithText<W>(term: string, build: (filter: { startsWith: string } | { in: string[] }) => W): W {
  return LIKE_SPECIAL.test(term) ? build({ in: [] }) : build({ startsWith: term })
}
