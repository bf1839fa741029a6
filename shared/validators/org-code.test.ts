import { describe, it, expect } from 'vitest'
import { isValidOrgCode, orgCodeCheckCharacter } from './org-code'

describe('organization code (GB 11714)', () => {
  // organization codes embedded in published USCCs (positions 9-17)
  const real = ['192203821', '708461136', '71526726X', '716105852', '710935003', 'M000100Y4', '551385082']

  it('accepts real codes, including X and letter bodies', () => {
    for (const code of real) expect(isValidOrgCode(code), code).toBe(true)
  })

  it('computes the check character, with 10 → X and 11 → 0', () => {
    expect(orgCodeCheckCharacter('19220382')).toBe('1')
    expect(orgCodeCheckCharacter('71526726')).toBe('X')
    expect(orgCodeCheckCharacter('M000100Y')).toBe('4')
    // 11 − (Σ mod 11) = 11 happens when the sum is a multiple of 11: the all-zero body
    expect(orgCodeCheckCharacter('00000000')).toBe('0')
  })

  it('rejects a wrong check character for every real sample', () => {
    for (const code of real) {
      for (const wrong of '0123456789X') {
        if (wrong === code[8]) continue
        expect(isValidOrgCode(code.slice(0, 8) + wrong)).toBe(false)
      }
    }
  })

  it('rejects wrong lengths and characters', () => {
    expect(isValidOrgCode('19220382')).toBe(false)
    expect(isValidOrgCode('1922038211')).toBe(false)
    expect(isValidOrgCode('19220382-1')).toBe(false)
    expect(isValidOrgCode('m000100Y4')).toBe(false)
    expect(isValidOrgCode('19220382Y')).toBe(false)
    expect(() => orgCodeCheckCharacter('1922038')).toThrow(RangeError)
  })
})
