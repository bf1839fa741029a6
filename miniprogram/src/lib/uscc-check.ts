// The 统一社会信用代码 (USCC) check behind the look-up page (src/lib/lookup.ts), as plain
// TypeScript: the page only renders what this returns. The rules themselves live in @shared/validators/uscc, the same
// code the portal uses, so the app and the portal can never disagree about a code.

import { orgCodeCheckCharacter } from '@shared/validators/org-code'
import {
  USCC_PROBLEM_MESSAGES,
  isValidUscc,
  normalizeUscc,
  usccCheckCharacter,
  usccProblem,
  type UsccProblem,
} from '@shared/validators/uscc'
import { HAINAN_PROVINCE_CODE, regionByCode } from '@shared/regions/hainan'

export const USCC_LENGTH = 18

export const VALID_MESSAGE = '格式与校验位正确'

/** Letters the USCC alphabet leaves out, and the character a person most likely meant. */
const EXCLUDED_LETTERS: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' }

const REGISTRATION_AUTHORITIES: Record<string, string> = {
  '1': '机构编制部门',
  '5': '民政部门',
  '9': '市场监管部门',
}

const INSTITUTION_TYPES_9: Record<string, string> = {
  '1': '企业',
  '2': '个体工商户',
  '3': '农民专业合作社',
}

export type UsccCheck =
  /** nothing typed yet */
  | { status: 'empty' }
  /** still typing: fewer than 18 characters and nothing wrong so far */
  | { status: 'incomplete'; code: string; message: string }
  | {
      status: 'invalid'
      code: string
      problem: UsccProblem
      message: string
      detail: string
      /** 0-based positions in `code` to point at (empty when the length is wrong) */
      positions: number[]
    }
  | { status: 'valid'; code: string; message: typeof VALID_MESSAGE; facts: string[]; caveat: string }

export interface UsccCheckOptions {
  /**
   * True when the inspector asked for the result (pressed 校验 / done on the keyboard): a short
   * code is then an error. While typing (false, the default) a short code is only "incomplete".
   */
  final?: boolean
}

/**
 * Canonical form of what was typed: the shared normalization (full-width → half-width, trim,
 * upper case) after dropping inner spaces, which people copy from signs that group the digits.
 */
export function compactUsccInput(raw: string): string {
  return normalizeUscc(raw.replace(/[\s\u3000]+/g, ''))
}

/** Checks what the inspector typed and says precisely what, if anything, is wrong. */
export function checkUsccInput(raw: string, options: UsccCheckOptions = {}): UsccCheck {
  const code = compactUsccInput(raw)
  if (code === '') return { status: 'empty' }

  const badIndex = firstBadCharacter(code)
  if (badIndex >= 0) {
    const ch = code[badIndex]
    const meant = EXCLUDED_LETTERS[ch]
    return {
      status: 'invalid',
      code,
      problem: 'CHARACTERS',
      message: USCC_PROBLEM_MESSAGES.CHARACTERS,
      detail: meant
        ? `第${badIndex + 1}位是字母“${ch}”，代码中不使用该字母，可能是“${meant}”`
        : `第${badIndex + 1}位“${ch}”不是代码中允许的字符`,
      positions: [badIndex],
    }
  }

  if (code.length < USCC_LENGTH && !options.final) {
    return { status: 'incomplete', code, message: `已输入${code.length}位，还差${USCC_LENGTH - code.length}位` }
  }

  const problem = usccProblem(code)
  if (problem === null) {
    // The shared predicate is the authority; the detailed path above must agree with it.
    if (!isValidUscc(code)) throw new Error(`usccProblem and isValidUscc disagree on ${code}`)
    return {
      status: 'valid',
      code,
      message: VALID_MESSAGE,
      facts: describeValidUscc(code),
      caveat: '只说明代码本身是规范的，不代表该单位已在平台登记或信用良好。',
    }
  }
  return {
    status: 'invalid',
    code,
    problem,
    message: USCC_PROBLEM_MESSAGES[problem],
    detail: detailOf(problem, code),
    positions: positionsOf(problem),
  }
}

function positionsOf(problem: UsccProblem): number[] {
  switch (problem) {
    case 'REGION':
      return [2, 3, 4, 5, 6, 7]
    case 'CHECK_CHARACTER':
      return [17]
    case 'ORG_CODE_CHECK':
      return [16]
    default:
      return []
  }
}

export interface CodeCharacter {
  char: string
  /** 1-based position, as people count */
  position: number
  marked: boolean
}

/** The code split into characters for display, with the positions a problem concerns marked. */
export function markedCharacters(check: UsccCheck): CodeCharacter[] {
  if (check.status === 'empty') return []
  const marked = new Set(check.status === 'invalid' ? check.positions : [])
  return Array.from(check.code).map((char, i) => ({ char, position: i + 1, marked: marked.has(i) }))
}

function firstBadCharacter(code: string): number {
  for (let i = 0; i < code.length; i++) {
    if (!/^[0-9A-HJ-NP-RTUW-Y]$/.test(code[i])) return i
  }
  return -1
}

function detailOf(problem: UsccProblem, code: string): string {
  switch (problem) {
    case 'LENGTH':
      return code.length < USCC_LENGTH
        ? `已输入${code.length}位，还差${USCC_LENGTH - code.length}位`
        : `已输入${code.length}位，多了${code.length - USCC_LENGTH}位`
    case 'CHARACTERS':
      // firstBadCharacter catches these first; kept for completeness
      return '请检查是否混入了标点或不使用的字母'
    case 'REGION':
      return `第3至8位“${code.slice(2, 8)}”应为登记机关的6位数字行政区划码`
    case 'CHECK_CHARACTER':
      return `第18位是“${code[17]}”，按前17位计算应为“${usccCheckCharacter(code.slice(0, 17))}”。请逐位核对，抄录无误则此代码不真实`
    case 'ORG_CODE_CHECK':
      return `第17位是“${code[16]}”，按第9至16位计算应为“${orgCodeCheckCharacter(code.slice(8, 16))}”`
  }
}

/** Plain facts that a valid code itself tells: who registered it and where. */
export function describeValidUscc(code: string): string[] {
  const facts: string[] = []
  const authority = REGISTRATION_AUTHORITIES[code[0]]
  if (authority) {
    const type = code[0] === '9' ? INSTITUTION_TYPES_9[code[1]] : undefined
    facts.push(type ? `登记管理部门：${authority}（${type}）` : `登记管理部门：${authority}`)
  }
  const regionCode = code.slice(2, 8)
  const region = regionByCode(regionCode)
  if (region && region.code !== HAINAN_PROVINCE_CODE) {
    facts.push(`登记地：海南省${region.name}（${regionCode}）`)
  } else if (regionCode.startsWith(HAINAN_PROVINCE_CODE.slice(0, 2))) {
    facts.push(`登记地：海南省（${regionCode}）`)
  } else {
    facts.push(`登记地：海南省外（行政区划码 ${regionCode}）`)
  }
  return facts
}
