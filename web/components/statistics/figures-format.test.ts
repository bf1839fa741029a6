import { describe, expect, it } from 'vitest'
import { describeChange, formatArea, formatChange, formatChangePercent, formatWanYuan } from './figures-format'

describe('statistics number formats', () => {
  it('signs changes with + and a true minus', () => {
    expect([formatChange(12), formatChange(-1234), formatChange(0)]).toEqual(['+12', '−1,234', '0'])
    expect([formatChangePercent(5), formatChangePercent(-33.3), formatChangePercent(0), formatChangePercent(null)]).toEqual(['+5.0%', '−33.3%', '0.0%', '—'])
  })
  it('rounds areas to square metres and amounts to two decimals', () => {
    expect(formatArea(12345.67)).toBe('12,346')
    expect(formatWanYuan(1234.5)).toBe('1,234.50')
  })
  it('describes a change in words', () => {
    expect(describeChange(12, 20, '件')).toBe('增加 12 件（+20.0%）')
    expect(describeChange(-3, null, '件')).toBe('减少 3 件')
    expect(describeChange(0, 0, '件')).toBe('持平')
  })
})
