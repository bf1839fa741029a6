// Input clean-up shared by the code validators.
//
// People type codes on Chinese IMEs, which readily produce full-width forms (ＡＢ１２),
// and paste them from PDFs with stray spaces. Converting full-width ASCII to half-width
// and trimming is lossless for every code we validate (they are all plain ASCII), so we do
// it before validating rather than reject an otherwise correct code.

/** Converts full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )
}

/** Half-width, trimmed, upper-case: the canonical form of an ASCII code. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).trim().toUpperCase()
}
