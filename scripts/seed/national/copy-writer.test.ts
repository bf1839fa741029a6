import { describe, expect, it } from 'vitest'
import { copyText } from './copy-writer.ts'

describe('COPY text format of a seeded value', () => {
  it('writes NULL, booleans, numbers and UTC timestamps as PostgreSQL reads them', () => {
    expect(copyText(null)).toBe('\\N')
    expect(copyText(true)).toBe('t')
    expect(copyText(false)).toBe('f')
    expect(copyText(1234.5)).toBe('1234.5')
    expect(copyText(new Date('2024-03-15T00:00:00.000Z'))).toBe('2024-03-15 00:00:00.000')
    expect(() => copyText(Number.NaN)).toThrow(RangeError)
  })

  it('escapes the characters that end a field or a row, and the escape itself', () => {
    expect(copyText('海口\t美兰\n第1栋\r\\')).toBe('海口\\t美兰\\n第1栋\\r\\\\')
    expect(copyText('\\N')).toBe('\\\\N')
  })
})
