import { describe, expect, it } from 'vitest'
import { neutralizeFormula } from './spreadsheet-safe'

describe('formula guard', () => {
  it('makes cells that spreadsheets would run as formulas plain text (OWASP CSV injection)', () => {
    for (const v of ['=1+1', '+86', '-5', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")']) expect(neutralizeFormula(v)).toBe(`'${v}`)
  })
  it('leaves other text alone', () => {
    for (const v of ['海南', '5', '', ' =1', '2024-03-05']) expect(neutralizeFormula(v)).toBe(v)
  })
})
