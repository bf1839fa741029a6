import { describe, it, expect } from 'vitest'
import { normalizeCode, toHalfWidth } from './normalize'

describe('normalizeCode', () => {
  it('converts full-width letters and digits typed on a Chinese IME', () => {
    expect(toHalfWidth('９１４４０３００ＡＢｘ')).toBe('91440300ABx')
    expect(normalizeCode('\u3000 ９１ｍａ５ｔ　')).toBe('91MA5T')
  })

  it('leaves Chinese characters alone', () => {
    expect(normalizeCode(' 琼a123456 ')).toBe('琼A123456')
  })
})
