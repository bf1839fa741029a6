import { describe, it, expect } from 'vitest'
import {
  USCC_ALPHABET,
  USCC_PROBLEM_MESSAGES,
  isValidUscc,
  makeUscc,
  normalizeUscc,
  parseUscc,
  usccCheckCharacter,
  usccProblem,
  usccSchema,
} from './uscc'

// Codes of large enterprises as published in the national enterprise credit information
// system; they are independent of our implementation, so they test the algorithm itself.
const REAL = [
  '914403001922038216',
  '91440300708461136T',
  '9144030071526726XG',
  '91330100716105852F',
  '91110000710935003U',
  '91350100M000100Y43',
  '91310000132149237G',
  '91110108551385082Q',
]

function messageOf(input: unknown): string | undefined {
  const r = usccSchema.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('USCC (GB 32100-2015)', () => {
  it('has the 31-character alphabet without I, O, Z, S, V', () => {
    expect(USCC_ALPHABET).toHaveLength(31)
    for (const ch of 'IOZSV') expect(USCC_ALPHABET).not.toContain(ch)
  })

  it('accepts published codes', () => {
    for (const code of REAL) expect(isValidUscc(code), code).toBe(true)
  })

  it('computes their check characters', () => {
    for (const code of REAL) expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17])
  })

  it('rejects every other check character', () => {
    for (const code of REAL) {
      for (const wrong of USCC_ALPHABET) {
        if (wrong === code[17]) continue
        expect(isValidUscc(code.slice(0, 17) + wrong)).toBe(false)
        expect(usccProblem(code.slice(0, 17) + wrong)).toBe('CHECK_CHARACTER')
      }
    }
  })

  it('rejects a single changed character anywhere in the first 17', () => {
    const code = REAL[0]
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue
        const changed = code.slice(0, i) + ch + code.slice(i + 1)
        expect(isValidUscc(changed), changed).toBe(false)
      }
    }
  })

  it('rejects wrong lengths', () => {
    expect(usccProblem('91440300192203821')).toBe('LENGTH')
    expect(usccProblem('9144030019220382160')).toBe('LENGTH')
    expect(usccProblem('')).toBe('LENGTH')
    expect(isValidUscc('91440300192203821')).toBe(false)
  })

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-', '*', '中']) {
      expect(usccProblem(`91440300192203821${bad}`), bad).toBe('CHARACTERS')
    }
  })

  it('requires digits in the region part (positions 3-8)', () => {
    expect(usccProblem('9144A300192203821X')).toBe('REGION')
  })

  it('rejects a code whose USCC check is right but organization-code check is wrong', () => {
    // organization code 19220382 with check 2 instead of 1, USCC check recomputed
    const first17 = '9144030019220382' + '2'
    const code = first17 + usccCheckCharacter(first17)
    expect(usccProblem(code)).toBe('ORG_CODE_CHECK')
    expect(isValidUscc(code)).toBe(false)
    expect(isValidUscc(code, { orgCodeCheck: false })).toBe(true)
  })

  it('normalizes case, spaces and full-width characters', () => {
    expect(normalizeUscc('  91440300708461136t ')).toBe('91440300708461136T')
    expect(isValidUscc('91440300708461136t')).toBe(true)
    expect(isValidUscc('９１４４０３００７０８４６１１３６Ｔ')).toBe(true)
  })

  it('parses a valid code into its parts', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      registrationAuthority: '9',
      institutionType: '1',
      regionCode: '350100',
      orgCode: 'M000100Y4',
      checkCharacter: '3',
    })
    expect(parseUscc('91350100M000100Y44')).toBeNull()
  })

  it('makes fully valid codes for the seed', () => {
    const code = makeUscc('91', '460100', 'MA5T0001')
    expect(code).toHaveLength(18)
    expect(code.startsWith('91460100MA5T0001')).toBe(true)
    expect(isValidUscc(code)).toBe(true)
    // reproduces published codes from their parts
    expect(makeUscc('91', '440300', '19220382')).toBe('914403001922038216')
    expect(makeUscc('91', '350100', 'M000100Y')).toBe('91350100M000100Y43')
    for (let i = 0; i < 200; i++) {
      const body = String(10_000_000 + i * 37_123).slice(0, 8)
      expect(isValidUscc(makeUscc('92', '469002', body))).toBe(true)
    }
  })

  it('refuses to make codes from malformed parts', () => {
    expect(() => makeUscc('9', '460100', 'MA5T0001')).toThrow(RangeError)
    expect(() => makeUscc('9I', '460100', 'MA5T0001')).toThrow(RangeError)
    expect(() => makeUscc('91', '46010', 'MA5T0001')).toThrow(RangeError)
    expect(() => makeUscc('91', '460100', 'MA5T001')).toThrow(RangeError)
    expect(() => makeUscc('91', '460100', 'MA5S0001')).toThrow(RangeError)
    expect(() => usccCheckCharacter('9144030019220382')).toThrow(RangeError)
  })

  it('zod schema normalizes and reports one precise Chinese message', () => {
    expect(usccSchema.parse(' 91440300708461136t')).toBe('91440300708461136T')
    expect(messageOf('9144030070846113')).toBe(USCC_PROBLEM_MESSAGES.LENGTH)
    expect(messageOf('91440300708461136S')).toBe(USCC_PROBLEM_MESSAGES.CHARACTERS)
    expect(messageOf('91440300708461136U')).toBe('统一社会信用代码校验位错误')
    const first17 = '9144030019220382' + '2'
    expect(messageOf(first17 + usccCheckCharacter(first17))).toBe(USCC_PROBLEM_MESSAGES.ORG_CODE_CHECK)
    expect(messageOf(914403001922038216)).toBe('请输入统一社会信用代码')
    const r = usccSchema.safeParse('91440300708461136U')
    expect(r.success ? 0 : r.error.issues).toHaveLength(1)
  })

  it('has distinct messages for each problem', () => {
    const messages = Object.values(USCC_PROBLEM_MESSAGES)
    expect(new Set(messages).size).toBe(messages.length)
  })
})
