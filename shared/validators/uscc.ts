// 统一社会信用代码 (unified social credit code), GB 32100-2015.
//
// Layout, 18 characters:
//   1      registration authority (9 = market regulation, 5 = civil affairs, 1 = staffing office …)
//   2      institution type within that authority (for 9: 1 enterprise, 2 sole trader, 3 co-op)
//   3-8    region code of the registering authority (GB/T 2260, 6 digits)
//   9-17   organization code (GB 11714, its own check character at position 17)
//   18     check character over positions 1-17
//
// The alphabet leaves out I, O, Z, S and V (easily confused with 1, 0, 2, 5 and U), so the
// 31 remaining characters make the check a mod-31 sum. Positions 1-2 are not checked against
// a list: the standard's list of authorities has been amended since 2015, and the check
// characters already catch typos there.

// Every schema is built under /*#__PURE__*/: the mini-program imports this module's plain
// values and functions, and the annotation lets its bundler drop the unused schemas and with
// them the classic zod API (~70 KB of its 400 KB main package, issue 15). Keep it on new ones.
import { z } from 'zod'
import { isValidOrgCode, orgCodeCheckCharacter } from './org-code'
import { normalizeCode } from './normalize'

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

const USCC_CHARS = /^[0-9A-HJ-NP-RTUW-Y]*$/
const DIGITS_6 = /^\d{6}$/

export type UsccProblem = 'LENGTH' | 'CHARACTERS' | 'REGION' | 'CHECK_CHARACTER' | 'ORG_CODE_CHECK'

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  LENGTH: '统一社会信用代码应为18位',
  CHARACTERS: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
  REGION: '统一社会信用代码第3至8位应为6位数字的行政区划码',
  CHECK_CHARACTER: '统一社会信用代码校验位错误',
  ORG_CODE_CHECK: '统一社会信用代码中的组织机构代码（第9至17位）校验位错误',
}

export interface UsccOptions {
  /**
   * Also require a valid GB 11714 check at position 17 (default true). Turn off only for
   * importing legacy third-party data that is known to carry non-conforming codes.
   */
  orgCodeCheck?: boolean
}

/** Trims, converts full-width characters and upper-cases; does not validate. */
export function normalizeUscc(s: string): string {
  return normalizeCode(s)
}

/** The check character (position 18) for the first 17 characters; throws on malformed input. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || !USCC_CHARS.test(first17)) {
    throw new RangeError(`USCC body must be 17 characters of the USCC alphabet, got "${first17}"`)
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]
}

/** What is wrong with an already normalized code, most basic problem first; null if valid. */
export function usccProblem(normalized: string, options: UsccOptions = {}): UsccProblem | null {
  if (normalized.length !== 18) return 'LENGTH'
  if (!USCC_CHARS.test(normalized)) return 'CHARACTERS'
  if (!DIGITS_6.test(normalized.slice(2, 8))) return 'REGION'
  if (usccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) return 'CHECK_CHARACTER'
  if (options.orgCodeCheck !== false && !isValidOrgCode(normalized.slice(8, 17))) {
    return 'ORG_CODE_CHECK'
  }
  return null
}

/** True when s (after normalization) is a valid USCC, both check characters included. */
export function isValidUscc(s: string, options?: UsccOptions): boolean {
  return typeof s === 'string' && usccProblem(normalizeUscc(s), options) === null
}

export interface ParsedUscc {
  registrationAuthority: string
  institutionType: string
  regionCode: string
  /** positions 9-17, the GB 11714 organization code without hyphen */
  orgCode: string
  checkCharacter: string
}

/** Splits a valid USCC into its parts; null if invalid. */
export function parseUscc(s: string): ParsedUscc | null {
  const u = normalizeUscc(s)
  if (usccProblem(u) !== null) return null
  return {
    registrationAuthority: u[0],
    institutionType: u[1],
    regionCode: u.slice(2, 8),
    orgCode: u.slice(8, 17),
    checkCharacter: u[17],
  }
}

/**
 * Builds a fully valid USCC: prefix (authority + type, e.g. '91' for an enterprise),
 * 6-digit region code and 8-character organization-code body; both check characters are
 * computed. Throws RangeError on malformed parts (a programming error, not user input).
 */
export function makeUscc(prefix2: string, regionCode6: string, orgCodeBody8: string): string {
  if (prefix2.length !== 2 || !USCC_CHARS.test(prefix2)) {
    throw new RangeError(`USCC prefix must be 2 characters of the USCC alphabet, got "${prefix2}"`)
  }
  if (!DIGITS_6.test(regionCode6)) {
    throw new RangeError(`region code must be 6 digits, got "${regionCode6}"`)
  }
  // The body must stay inside the USCC alphabet, which is narrower than GB 11714's.
  if (orgCodeBody8.length !== 8 || !USCC_CHARS.test(orgCodeBody8)) {
    throw new RangeError(`organization code body must be 8 characters of the USCC alphabet, got "${orgCodeBody8}"`)
  }
  const first17 = prefix2 + regionCode6 + orgCodeBody8 + orgCodeCheckCharacter(orgCodeBody8)
  return first17 + usccCheckCharacter(first17)
}

/** Zod schema: normalizes, then validates; the output is the canonical 18-character code. */
export const usccSchema = /*#__PURE__*/ z
  .string({ error: '请输入统一社会信用代码' })
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const problem = usccProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: USCC_PROBLEM_MESSAGES[problem] })
  })
