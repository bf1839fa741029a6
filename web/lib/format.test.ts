import { describe, expect, it } from 'vitest'
import { formatChinaDate, formatCount } from './format'
import { telephoneHref } from './site'

describe('formats', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1234567)).toBe('1,234,567')
  })

  it('writes dates in China time', () => {
    expect(formatChinaDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026年1月1日')
  })

  it('dials the sponsor from abroad too', () => {
    expect(telephoneHref('0898-65391226')).toBe('tel:+8689865391226')
  })
})
