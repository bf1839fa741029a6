import { describe, it, expect } from 'vitest'
import {
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberCheckDigit,
  idNumberProblem,
  idNumberSchema,
  idNumberSchemaAsOf,
  isValidIdNumber,
  makeIdNumber,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number'

// The worked example printed in GB 11643-1999 (a sample, not a real person).
const GB_EXAMPLE = '11010519491231002X'

function messageOf(schema: typeof idNumberSchema, input: unknown): string | undefined {
  const r = schema.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('ID number (GB 11643-1999)', () => {
  it('accepts the standard example and computes its X check character', () => {
    expect(isValidIdNumber(GB_EXAMPLE)).toBe(true)
    expect(idNumberCheckDigit('11010519491231002')).toBe('X')
  })

  it('computes the second example of the standard (born 1880, so rejected by our 1900 floor)', () => {
    expect(idNumberCheckDigit('44052418800101001')).toBe('4')
    expect(idNumberProblem('440524188001010014')).toBe('BIRTH_DATE')
  })

  it('agrees with the ISO 7064 MOD 11-2 definition for every check value', () => {
    // Independent formulation: with X = 10, Σ a_i·2^(17−i) over all 18 characters ≡ 1 (mod 11).
    const seen = new Set<string>()
    for (let k = 0; seen.size < 11 && k < 1000; k++) {
      const first17 = '46010019900101' + String(k).padStart(3, '0')
      const check = idNumberCheckDigit(first17)
      seen.add(check)
      const digits = [...first17].map(Number).concat(check === 'X' ? 10 : Number(check))
      const sum = digits.reduce((acc, a, i) => acc + a * 2 ** (17 - i), 0)
      expect(sum % 11, first17).toBe(1)
    }
    expect(seen.size).toBe(11)
  })

  it('accepts a lowercase x and normalizes it', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(GB_EXAMPLE)
    expect(idNumberSchema.parse('11010519491231002x')).toBe(GB_EXAMPLE)
  })

  it('rejects every wrong check character', () => {
    for (const wrong of '0123456789') {
      expect(isValidIdNumber(`11010519491231002${wrong}`)).toBe(false)
      expect(idNumberProblem(`11010519491231002${wrong}`)).toBe('CHECK_DIGIT')
    }
  })

  it('rejects wrong lengths, including 15-digit first-generation numbers', () => {
    expect(idNumberProblem('110105491231002')).toBe('LENGTH')
    expect(idNumberProblem('11010519491231002')).toBe('LENGTH')
    expect(idNumberProblem('11010519491231002X1')).toBe('LENGTH')
  })

  it('rejects bad characters', () => {
    expect(idNumberProblem('1101051949123100XX')).toBe('CHARACTERS')
    expect(idNumberProblem('11010519491231002Y')).toBe('CHARACTERS')
    expect(idNumberProblem('1101051949-231002X')).toBe('CHARACTERS')
  })

  it('rejects an address code without a province prefix', () => {
    const first17 = '99010519491231002'
    expect(idNumberProblem(first17 + idNumberCheckDigit(first17))).toBe('REGION')
  })

  it('rejects impossible and too early birth dates even with a right check digit', () => {
    for (const birth of ['19490230', '19491301', '20230229', '18991231', '19490000']) {
      const first17 = `110105${birth}002`
      const n = first17 + idNumberCheckDigit(first17)
      expect(idNumberProblem(n), birth).toBe('BIRTH_DATE')
    }
    const leap = makeIdNumber('460100', '20000229', 1)
    expect(isValidIdNumber(leap)).toBe(true)
  })

  it('rejects future birth dates only when asOf is given', () => {
    const n = makeIdNumber('460100', '20300101', 12)
    expect(isValidIdNumber(n)).toBe(true)
    expect(isValidIdNumber(n, '2025-06-01')).toBe(false)
    expect(isValidIdNumber(n, new Date('2030-01-01T00:00:00+08:00'))).toBe(true)
    expect(isValidIdNumber(n, new Date('2029-12-31T15:59:59Z'))).toBe(false)
    expect(messageOf(idNumberSchemaAsOf('2025-06-01'), n)).toBe(ID_NUMBER_PROBLEM_MESSAGES.BIRTH_DATE)
    expect(idNumberSchema.safeParse(n).success).toBe(true)
  })

  it('parses region, birth date and sex', () => {
    expect(parseIdNumber(GB_EXAMPLE)).toEqual({ regionCode: '110105', birthDate: '1949-12-31', sex: 'F' })
    expect(parseIdNumber(makeIdNumber('469002', '19851120', 131))).toEqual({
      regionCode: '469002',
      birthDate: '1985-11-20',
      sex: 'M',
    })
    expect(parseIdNumber('11010519491231002Y')).toBeNull()
    expect(parseIdNumber('110105194912310021')).toBeNull()
  })

  it('makes valid numbers for the seed, with sex from the sequence', () => {
    for (let seq = 0; seq < 1000; seq += 7) {
      const n = makeIdNumber('460200', '19780615', seq)
      expect(isValidIdNumber(n), n).toBe(true)
      expect(parseIdNumber(n)?.sex).toBe(seq % 2 === 1 ? 'M' : 'F')
    }
    expect(makeIdNumber('110105', '19491231', '002')).toBe(GB_EXAMPLE)
  })

  it('refuses to make numbers from malformed parts', () => {
    expect(() => makeIdNumber('46010', '19900101', 1)).toThrow(RangeError)
    expect(() => makeIdNumber('990100', '19900101', 1)).toThrow(RangeError)
    expect(() => makeIdNumber('460100', '1990-01-01', 1)).toThrow(RangeError)
    expect(() => makeIdNumber('460100', '19900230', 1)).toThrow(RangeError)
    expect(() => makeIdNumber('460100', '18991231', 1)).toThrow(RangeError)
    expect(() => makeIdNumber('460100', '19900101', 1000)).toThrow(RangeError)
    expect(() => makeIdNumber('460100', '19900101', -1)).toThrow(RangeError)
  })

  it('zod schema reports one precise Chinese message', () => {
    expect(messageOf(idNumberSchema, '1101051949123100')).toBe('身份证号应为18位')
    expect(messageOf(idNumberSchema, '1101051949123100XX')).toBe(ID_NUMBER_PROBLEM_MESSAGES.CHARACTERS)
    expect(messageOf(idNumberSchema, '110105194902300021')).toBe(ID_NUMBER_PROBLEM_MESSAGES.BIRTH_DATE)
    expect(messageOf(idNumberSchema, '110105194912310021')).toBe('身份证号校验位错误')
    expect(messageOf(idNumberSchema, null)).toBe('请输入身份证号')
  })
})
