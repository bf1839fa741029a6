import { describe, it, expect } from 'vitest'
import { maskEmail, maskIdNumber, maskName, maskPhone } from './masking'

const revealed = (masked: string) => Array.from(masked).filter((c) => c !== '*').length

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 of an 18-digit number', () => {
    expect(maskIdNumber('460100199001011230')).toBe('460***********1230')
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X')
    expect(maskIdNumber(' 46010019900101123X ')).toBe('460***********123X')
  })

  it('treats 15-digit numbers the same way', () => {
    expect(maskIdNumber('110105491231002')).toBe('110********1002')
  })

  it('never reveals more than 7 characters nor half of malformed input', () => {
    for (const s of ['4601001990010112301234', '46010019900', '4601', 'ab', 'x', '琼A12345678']) {
      const m = maskIdNumber(s)
      expect(m).not.toBe(s)
      expect(m).toHaveLength(Array.from(s).length)
      expect(revealed(m)).toBeLessThanOrEqual(7)
      expect(revealed(m) * 2).toBeLessThan(Array.from(s).length)
    }
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber(null)).toBe('')
    expect(maskIdNumber(undefined)).toBe('')
  })
})

describe('maskPhone', () => {
  it('masks mobiles as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678')
  })

  it('masks landlines keeping the area code', () => {
    expect(maskPhone('0898-66881234')).toBe('0898-****1234')
    expect(maskPhone('(0898)66881234')).toBe('0898-****1234')
    expect(maskPhone('010-12345678')).toBe('010-****5678')
    expect(maskPhone('0898-6688123')).toBe('0898-***8123')
  })

  it('keeps only the last 4 of anything else, less for short input', () => {
    expect(maskPhone('400-888-1234')).toBe('********1234')
    expect(maskPhone('95588')).toBe('***88')
    expect(maskPhone('110')).toBe('**0')
    expect(maskPhone('12')).toBe('**')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(null)).toBe('')
  })

  it('never returns the full input', () => {
    for (const s of ['13812345678', '0898-66881234', '400-888-1234', '95588', '1', '+8613812345678']) {
      expect(maskPhone(s)).not.toContain(s)
    }
  })
})

describe('maskName', () => {
  it('masks two-character names as 张*', () => {
    expect(maskName('张三')).toBe('张*')
  })

  it('keeps first and last of longer names', () => {
    expect(maskName('张晓明')).toBe('张*明')
    expect(maskName('欧阳小明')).toBe('欧**明')
    expect(maskName('买买提·艾力')).toBe('买****力')
  })

  it('leaves one character alone and counts code points, not UTF-16 units', () => {
    expect(maskName('张')).toBe('张')
    expect(maskName('𠮷大')).toBe('𠮷*')
    expect(maskName('王𠮷明')).toBe('王*明')
    expect(maskName(' 李四 ')).toBe('李*')
    expect(maskName(null)).toBe('')
  })

  it('never returns the full name when it has two or more characters', () => {
    for (const s of ['张三', '张晓明', '欧阳小明', 'Li Lei']) expect(maskName(s)).not.toContain(s)
  })
})

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com')
    expect(maskEmail('ab@hainan.gov.cn')).toBe('a***@hainan.gov.cn')
  })

  it('hides a one-character local part entirely', () => {
    expect(maskEmail('a@example.com')).toBe('***@example.com')
  })

  it('masks malformed values completely', () => {
    expect(maskEmail('not-an-email')).toBe('************')
    expect(maskEmail('@example.com')).toBe('************')
    expect(maskEmail('zhangsan@')).toBe('*********')
    expect(maskEmail(undefined)).toBe('')
  })

  it('never returns the full input', () => {
    for (const s of ['zhangsan@example.com', 'a@b.cn', 'ab@hainan.gov.cn', 'plain']) {
      expect(maskEmail(s)).not.toContain(s)
    }
  })
})
