// The staff password rules (issue 12; 等保 2.0 level 3 asks for complexity and no guessable
// passwords): at least 12 characters, not the username nor containing it, not on the list of
// common passwords (shared/staff/common-passwords.ts), and not a plain pattern — one character
// or a short group repeated, a straight digit/letter run, or a walk along a keyboard row. Length
// beats composition rules (NIST SP 800-63B), so no "one upper, one digit" requirement.
import { z } from 'zod'
import { isCommonPassword } from './common-passwords'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

// each row with and without its punctuation keys, so that both "qwertyuiop[]" and "qwertyuiopqwe" are walks
const KEYBOARD_ROWS = [
  '1234567890-=',
  '1234567890',
  'qwertyuiop[]',
  'qwertyuiop',
  'asdfghjkl;\'',
  'asdfghjkl',
  'zxcvbnm,./',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
]

/** True when the text is one group of up to four characters repeated (the last repeat may be cut short). */
function isRepeatedGroup(text: string): boolean {
  const chars = [...text]
  for (let n = 1; n <= 4 && n < chars.length; n++) {
    if (chars.every((c, i) => c === chars[i % n])) return true
  }
  return false
}

/** True for a straight run: each character one more (or one less) than the one before, digits wrapping 9→0. */
function isStraightRun(text: string): boolean {
  for (const step of [1, -1]) {
    let ok = true
    for (let i = 1; i < text.length && ok; i++) {
      const a = text.charCodeAt(i - 1)
      const b = text.charCodeAt(i)
      const digits = /\d/.test(text[i - 1]) && /\d/.test(text[i])
      ok = digits ? (b - 48 - (a - 48) - step + 20) % 10 === 0 : b - a === step
    }
    if (ok) return true
  }
  return false
}

/** True when the text is a walk along one keyboard row (either direction, wrapping round). */
function isKeyboardWalk(text: string): boolean {
  return KEYBOARD_ROWS.some((row) => {
    const loop = row.repeat(Math.ceil(text.length / row.length) + 1)
    const reversed = [...loop].reverse().join('')
    return loop.includes(text) || reversed.includes(text)
  })
}

/** The first rule the password breaks, as a Chinese message, or null when it passes. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`
  const lower = password.toLowerCase()
  const name = username.trim().toLowerCase()
  if (name.length > 0 && lower.includes(name)) return '密码不能是用户名，也不能包含用户名'
  if (isRepeatedGroup(lower)) return '密码不能是同一个字符或一小段字符的重复'
  if (isStraightRun(lower) || isKeyboardWalk(lower)) return '密码不能是连续的数字、字母或键盘上的连续按键'
  if (isCommonPassword(lower)) return '该密码过于常见，容易被猜中，请换一个'
  return null
}

/** A zod schema of a new password for the account `username`. */
export function newPasswordSchema(username: string) {
  return z.string({ error: '请输入新密码' }).superRefine((password, ctx) => {
    const problem = passwordProblem(password, username)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

/** The change-password form: the new password twice. */
export function changePasswordSchema(username: string) {
  return z
    .object({
      password: newPasswordSchema(username),
      confirm: z.string({ error: '请再次输入新密码' }),
    })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: '两次输入的密码不一致' })
}
