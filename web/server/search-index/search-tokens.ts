// The tokens of the substring-search index (docs/database.md, "Substring search"): every distinct
// character and pair of adjacent characters of a text, ASCII letters folded to lower case. The
// database triggers of the migration search_index compute the same set in SQL; this is the
// application's half: which tokens a search term must find. Characters are code points, as
// SQLite's and PostgreSQL's substr() and length() count them.

/** ASCII letters to lower case, nothing else: SQLite's lower() and the PostgreSQL trigger's translate(). */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase())
}

/** Every token the index holds for `text` (what the triggers write). */
export function indexTokens(text: string): Set<string> {
  const chars = Array.from(foldAscii(text))
  const tokens = new Set<string>(chars)
  for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i] + chars[i + 1])
  return tokens
}

/**
 * The most tokens one search asks the index for. Each is one more semi-join; a few pairs already
 * narrow a name to a handful of rows, and the LIKE that follows decides the rest.
 */
export const MAX_QUERY_TOKENS = 6

/**
 * The tokens a text containing `piece` must have: the character itself for one character, else its
 * distinct pairs. A text holding every pair need not contain the piece (海口 and 口岸 hold the
 * pairs of 海口岸 apart), so the substring test still runs on what the tokens let through.
 */
export function pieceTokens(piece: string): string[] {
  const chars = Array.from(foldAscii(piece))
  if (chars.length === 1) return chars
  const pairs: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1])
  return [...new Set(pairs)]
}

/**
 * The tokens to look up for the pieces of one term, at most `max`: taken from all pieces in turn,
 * each piece's first and last pair first (the ends vary most between names sharing a middle such
 * as 建设工程), then the pairs between them evenly.
 */
export function queryTokens(pieces: string[], max = MAX_QUERY_TOKENS): string[] {
  const orders = pieces.map((piece) => spreadOrder(pieceTokens(piece)))
  const chosen = new Set<string>()
  for (let round = 0; chosen.size < max && orders.some((o) => round < o.length); round++) {
    for (const order of orders) {
      if (round < order.length && chosen.size < max) chosen.add(order[round])
    }
  }
  return [...chosen]
}

/** Ends first, then midpoints of the widest gaps, so that any prefix of the order covers the term. */
function spreadOrder<T>(items: T[]): T[] {
  if (items.length <= 2) return items
  const out = [items[0], items[items.length - 1]]
  let gaps: [number, number][] = [[0, items.length - 1]]
  while (gaps.length) {
    const next: [number, number][] = []
    for (const [a, b] of gaps) {
      if (b - a < 2) continue
      const m = Math.floor((a + b) / 2)
      out.push(items[m])
      next.push([a, m], [m, b])
    }
    gaps = next
  }
  return out
}
