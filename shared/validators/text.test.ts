import { describe, expect, it } from 'vitest'
import { controlCharacterMessage, hasControlCharacter, plainString } from './text'

describe('hasControlCharacter', () => {
  // the C0 set and DEL as Unicode defines them (U+0000–U+001F, U+007F), less tab, LF and CR
  const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f].filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d)

  it.each(controls.map((c) => [c.toString(16).padStart(4, '0'), c]))('finds U+%s anywhere in a value', (_hex, code) => {
    const ch = String.fromCharCode(code as number)
    for (const value of [ch, `海口${ch}`, `${ch}A`, `a${ch}b`]) expect(hasControlCharacter(value)).toBe(true)
  })

  it('lets tab, line breaks and everything printable through, invisible format characters included', () => {
    for (const value of ['', '海口市\t龙华区', '第一行\n第二行\r\n', '👷🏽‍♀️', '\u200B\u202E\uFEFF', '\u0080\u009f', '\u3000', "'; DROP TABLE x; --"]) {
      expect(hasControlCharacter(value)).toBe(false)
    }
  })
})

describe('plainString', () => {
  it('refuses a control character with the field’s message, before the checks after it', () => {
    const schema = plainString('企业名称').trim().min(5, '太短')
    const result = schema.safeParse('a\u0000')
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.message)).toEqual([controlCharacterMessage('企业名称')])
    expect(controlCharacterMessage('企业名称')).toContain('企业名称')
  })

  it('passes other strings on, and says what is missing with the given message', () => {
    expect(plainString('企业名称').parse('海口建工')).toBe('海口建工')
    expect(plainString('账号', '请选择账号').safeParse(undefined).error!.issues[0].message).toBe('请选择账号')
    expect(plainString('企业名称').safeParse(3).error!.issues[0].message).toBe('请填写企业名称')
  })
})
