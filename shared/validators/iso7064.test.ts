import { describe, it, expect } from 'vitest'
import { isValidMod11_10, mod11_10CheckDigit } from './iso7064'

describe('ISO 7064 MOD 11,10', () => {
  // Croatian OIB numbers are MOD 11,10 over 10 digits; these are published test numbers.
  it('matches published OIB check digits', () => {
    expect(mod11_10CheckDigit('6943515153')).toBe('0')
    expect(isValidMod11_10('69435151530')).toBe(true)
    expect(isValidMod11_10('69435151531')).toBe(false)
  })

  it('catches every single-digit substitution and adjacent transposition of a sample', () => {
    const body = '2024460100000123'
    const good = body + mod11_10CheckDigit(body)
    expect(isValidMod11_10(good)).toBe(true)
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue
        expect(isValidMod11_10(good.slice(0, i) + d + good.slice(i + 1))).toBe(false)
      }
    }
    for (let i = 0; i + 1 < good.length; i++) {
      if (good[i] === good[i + 1]) continue
      const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2)
      expect(isValidMod11_10(swapped)).toBe(false)
    }
  })

  it('rejects non-digits', () => {
    expect(() => mod11_10CheckDigit('12a4')).toThrow(RangeError)
    expect(isValidMod11_10('12a4')).toBe(false)
    expect(isValidMod11_10('')).toBe(false)
  })
})
