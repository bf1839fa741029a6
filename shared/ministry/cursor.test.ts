import { describe, expect, it } from 'vitest'
import { decodeMinistryCursor, encodeMinistryCursor, MinistryCursorError } from './cursor'

// Node's own base64url over the documented JSON, an implementation independent of the module's
const nodeCursor = (json: string) => Buffer.from(json, 'utf8').toString('base64url')

describe('ministry export cursor', () => {
  it('is base64url (no padding) of {"v":1,"seq":N}', () => {
    expect(encodeMinistryCursor(42)).toBe(nodeCursor('{"v":1,"seq":42}'))
    expect(encodeMinistryCursor(0)).toBe(nodeCursor('{"v":1,"seq":0}'))
    expect(encodeMinistryCursor(42)).not.toContain('=')
  })

  it('decodes what it encodes, and a cursor another implementation made the same way', () => {
    for (const seq of [0, 1, 17, 123_456_789]) expect(decodeMinistryCursor(encodeMinistryCursor(seq))).toBe(seq)
    expect(decodeMinistryCursor(nodeCursor('{"seq":7,"v":1}'))).toBe(7)
  })

  it('refuses anything else with one Chinese message', () => {
    const bad = [
      '',
      'not a cursor!',
      nodeCursor('{"v":2,"seq":1}'),
      nodeCursor('{"v":1,"seq":-1}'),
      nodeCursor('{"v":1,"seq":1.5}'),
      nodeCursor('{"v":1,"seq":"1"}'),
      nodeCursor('{"v":1,"seq":1,"extra":true}'),
      nodeCursor('[1]'),
      nodeCursor('{"v":1,'),
      `${nodeCursor('{"v":1,"seq":1}')}==`,
      Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url'),
    ]
    for (const cursor of bad) {
      expect(() => decodeMinistryCursor(cursor), cursor).toThrow(MinistryCursorError)
    }
    expect(() => decodeMinistryCursor('x')).toThrow('导出游标无效')
  })

  it('will not encode a seq that is not a non-negative integer', () => {
    for (const seq of [-1, 1.5, Number.NaN]) expect(() => encodeMinistryCursor(seq)).toThrow(RangeError)
  })
})
