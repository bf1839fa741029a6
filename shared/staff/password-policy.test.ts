import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS } from './common-passwords'
import { changePasswordSchema, passwordProblem } from './password-policy'

describe('staff password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('海口 骑楼 老街 2026 春天', 'haikou.li')).toBeNull()
    expect(passwordProblem('correct horse battery staple', 'admin')).toBeNull()
    expect(passwordProblem('Tq7#mVz2!pLw', 'sanya')).toBeNull()
  })

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem('Tq7#mVz2!pL', 'x')).toBe('密码至少 12 个字符')
  })

  it('refuses the username, any case, and a password containing it', () => {
    expect(passwordProblem('ZhangWei.Haikou', 'zhangwei.haikou')).toMatch(/用户名/)
    expect(passwordProblem('my-HAIKOU-password-2026', 'haikou')).toMatch(/用户名/)
  })

  it('refuses common passwords of the list, any case', () => {
    expect(passwordProblem('woaini1314520', 'u1')).toMatch(/常见/)
    expect(passwordProblem('WoAiNi5201314', 'u1')).toMatch(/常见/)
    expect(passwordProblem('password1234', 'u1')).toMatch(/常见/)
    expect(passwordProblem('1qaz2wsx3edc', 'u1')).not.toBeNull()
    expect(passwordProblem('qq123456789', 'u1')).toBe('密码至少 12 个字符')
    expect(passwordProblem('qq1234567890', 'u1')).toMatch(/常见|连续/)
  })

  it('ships a list of a few hundred entries, each lower case and at least 12 characters', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(300)
    for (const p of COMMON_PASSWORDS) {
      expect(p.length).toBeGreaterThanOrEqual(12)
      expect(p).toBe(p.toLowerCase())
    }
  })

  it('refuses one repeated character or a repeated short group', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa', 'u1')).toMatch(/重复/)
    expect(passwordProblem('abcabcabcabc', 'u1')).toMatch(/重复/)
    expect(passwordProblem('1212121212121', 'u1')).toMatch(/重复/)
  })

  it('refuses straight digit/letter runs and keyboard walks', () => {
    expect(passwordProblem('123456789012', 'u1')).toMatch(/连续/)
    expect(passwordProblem('987654321098', 'u1')).toMatch(/连续/)
    expect(passwordProblem('abcdefghijklm', 'u1')).toMatch(/连续/)
    expect(passwordProblem('qwertyuiop[]', 'u1')).toMatch(/连续/)
    expect(passwordProblem('QWERTYUIOPqwe', 'u1')).toMatch(/连续/)
    expect(passwordProblem('lkjhgfdsalkjh', 'u1')).toMatch(/连续/)
  })

  it('the change form wants the same password twice', () => {
    const schema = changePasswordSchema('lina')
    const wrong = schema.safeParse({ password: 'correct horse battery staple', confirm: 'correct horse battery stapel' })
    expect(wrong.success).toBe(false)
    expect(wrong.error?.issues[0]).toMatchObject({ path: ['confirm'], message: '两次输入的密码不一致' })
    expect(schema.safeParse({ password: 'correct horse battery staple', confirm: 'correct horse battery staple' }).success).toBe(true)
  })
})
