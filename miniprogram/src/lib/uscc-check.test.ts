import { describe, expect, it } from 'vitest'
import { isValidUscc, makeUscc, usccCheckCharacter } from '@shared/validators/uscc'
import { VALID_MESSAGE, checkUsccInput, compactUsccInput, markedCharacters } from './uscc-check'

// a code of a large enterprise registered in 深圳 (published in the national credit system)
const SHENZHEN = '91440300708461136T'
// a well-formed code registered in 海口, built with the shared generator
const HAIKOU = makeUscc('91', '460100', 'MA5T1234')

/** Replaces the character at 0-based index i. */
function withChar(code: string, i: number, ch: string): string {
  return code.slice(0, i) + ch + code.slice(i + 1)
}

describe('checkUsccInput', () => {
  it('is empty for blank input', () => {
    expect(checkUsccInput('')).toEqual({ status: 'empty' })
    expect(checkUsccInput('  \u3000 ')).toEqual({ status: 'empty' })
  })

  it('accepts a valid code and says what it tells', () => {
    const r = checkUsccInput(SHENZHEN)
    expect(r.status).toBe('valid')
    if (r.status !== 'valid') return
    expect(r.message).toBe(VALID_MESSAGE)
    expect(r.message).toBe('格式与校验位正确')
    expect(r.facts).toEqual(['登记管理部门：市场监管部门（企业）', '登记地：海南省外（行政区划码 440300）'])
    expect(r.caveat).toMatch(/不代表/)
  })

  it('names the Hainan region of a Hainan code', () => {
    expect(isValidUscc(HAIKOU)).toBe(true)
    const r = checkUsccInput(HAIKOU)
    expect(r.status === 'valid' && r.facts).toContain('登记地：海南省海口市（460100）')
  })

  it('takes lower case, full-width characters and grouping spaces as typed on a phone', () => {
    const typed = ` ${HAIKOU.slice(0, 6)} ${HAIKOU.slice(6, 12)}\u3000${HAIKOU.slice(12)} `.toLowerCase()
    expect(compactUsccInput(typed)).toBe(HAIKOU)
    const fullWidth = Array.from(SHENZHEN, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
    expect(checkUsccInput(fullWidth).status).toBe('valid')
  })

  it('reports a short code as incomplete while typing and as an error when asked', () => {
    expect(checkUsccInput('9144030070')).toEqual({
      status: 'incomplete',
      code: '9144030070',
      message: '已输入10位，还差8位',
    })
    const r = checkUsccInput('9144030070', { final: true })
    expect(r).toMatchObject({
      status: 'invalid',
      problem: 'LENGTH',
      message: '统一社会信用代码应为18位',
      detail: '已输入10位，还差8位',
      positions: [],
    })
  })

  it('reports a long code at once', () => {
    expect(checkUsccInput(`${SHENZHEN}1`)).toMatchObject({
      status: 'invalid',
      problem: 'LENGTH',
      detail: '已输入19位，多了1位',
    })
  })

  it('points at a letter the alphabet leaves out, even while typing', () => {
    const r = checkUsccInput('91440300O')
    expect(r).toMatchObject({
      status: 'invalid',
      problem: 'CHARACTERS',
      message: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
      detail: '第9位是字母“O”，代码中不使用该字母，可能是“0”',
      positions: [8],
    })
    expect(checkUsccInput(withChar(SHENZHEN, 3, '-'))).toMatchObject({
      problem: 'CHARACTERS',
      detail: '第4位“-”不是代码中允许的字符',
    })
  })

  it('points at a non-numeric region code', () => {
    const bad = withChar(SHENZHEN, 4, 'A')
    const r = checkUsccInput(bad)
    expect(r).toMatchObject({ status: 'invalid', problem: 'REGION', positions: [2, 3, 4, 5, 6, 7] })
    expect(r.status === 'invalid' && r.detail).toBe('第3至8位“44A300”应为登记机关的6位数字行政区划码')
  })

  it('gives the expected check character for a mistyped code', () => {
    const typo = withChar(SHENZHEN, 10, SHENZHEN[10] === '8' ? '9' : '8')
    const r = checkUsccInput(typo)
    expect(r).toMatchObject({ status: 'invalid', problem: 'CHECK_CHARACTER', positions: [17] })
    const expected = usccCheckCharacter(typo.slice(0, 17))
    expect(r.status === 'invalid' && r.detail).toBe(
      `第18位是“T”，按前17位计算应为“${expected}”。请逐位核对，抄录无误则此代码不真实`,
    )
  })

  it('catches a code whose organization-code check character is wrong', () => {
    // change position 17 and recompute position 18, so only the GB 11714 check fails
    const first17 = withChar(HAIKOU.slice(0, 17), 16, HAIKOU[16] === '1' ? '2' : '1')
    const code = first17 + usccCheckCharacter(first17)
    const r = checkUsccInput(code)
    expect(r).toMatchObject({ status: 'invalid', problem: 'ORG_CODE_CHECK', positions: [16] })
    expect(r.status === 'invalid' && r.detail).toBe(`第17位是“${code[16]}”，按第9至16位计算应为“${HAIKOU[16]}”`)
  })

  it('agrees with the shared isValidUscc on every single-character change of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        const code = withChar(HAIKOU, i, ch)
        expect(checkUsccInput(code).status === 'valid', code).toBe(isValidUscc(code))
      }
    }
  })
})

describe('markedCharacters', () => {
  it('numbers characters from 1 and marks the ones in question', () => {
    const chars = markedCharacters(checkUsccInput(withChar(SHENZHEN, 17, 'A')))
    expect(chars).toHaveLength(18)
    expect(chars[0]).toEqual({ char: '9', position: 1, marked: false })
    expect(chars[17]).toEqual({ char: 'A', position: 18, marked: true })
    expect(chars.filter((c) => c.marked)).toHaveLength(1)
  })

  it('marks nothing for a valid or empty input', () => {
    expect(markedCharacters(checkUsccInput(SHENZHEN)).some((c) => c.marked)).toBe(false)
    expect(markedCharacters(checkUsccInput(''))).toEqual([])
  })
})
