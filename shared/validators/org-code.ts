// 组织机构代码 (GB 11714-1997): an 8-character body plus one check character.
//
// Before 2015 every organization had such a code; GB 32100-2015 embeds it unchanged as
// positions 9-17 of the 统一社会信用代码, so a USCC carries two independent checks. We
// validate both: a typo in positions 9-16 that happens to satisfy the USCC check (1 in 31)
// is still caught by this one (1 in 11).
//
// Body characters are digits or capital letters valued 0-9 and A=10 … Z=35 (plain Latin
// order; unlike the USCC alphabet, GB 11714 does not skip letters). Check value is
// 11 − (Σ value·weight mod 11), written '0'-'9', 10 as 'X' and 11 as '0'.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

const BODY = /^[0-9A-Z]{8}$/
const ORG_CODE = /^[0-9A-Z]{8}[0-9X]$/

function charValue(ch: string): number {
  const code = ch.charCodeAt(0)
  return code <= 57 ? code - 48 : code - 55 // '0'=48 → 0, 'A'=65 → 10
}

/** Check character of an 8-character organization-code body; throws on a malformed body. */
export function orgCodeCheckCharacter(body8: string): string {
  if (!BODY.test(body8)) {
    throw new RangeError(`organization code body must be 8 characters 0-9/A-Z, got "${body8}"`)
  }
  let sum = 0
  for (let i = 0; i < 8; i++) sum += charValue(body8[i]) * WEIGHTS[i]
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/** True for a 9-character organization code (without the hyphen) whose check character matches. */
export function isValidOrgCode(code9: string): boolean {
  if (!ORG_CODE.test(code9)) return false
  return orgCodeCheckCharacter(code9.slice(0, 8)) === code9[8]
}
