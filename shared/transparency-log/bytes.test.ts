import { describe, expect, it } from 'vitest'
import { bytesEqual, decodeBase64, encodeBase64, parseDecimal, utf8Encode } from './bytes'

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('standard base64', () => {
  // RFC 4648 §10 test vectors
  const VECTORS: [string, string][] = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ]

  it('matches the RFC 4648 vectors both ways', () => {
    for (const [plain, encoded] of VECTORS) {
      expect(encodeBase64(ascii(plain))).toBe(encoded)
      expect(decodeBase64(encoded)).toEqual(ascii(plain))
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(encodeBase64(all)).toBe(Buffer.from(all).toString('base64'))
    expect(decodeBase64(encodeBase64(all))).toEqual(all)
  })

  it('accepts only the canonical form', () => {
    for (const bad of ['Zg', 'Zg=', 'Zh==', 'Zm9=', 'Zm9v\n', 'Zm 9v', 'Zm9v====', 'Zm-_', '=Zm9', 'Z=g=']) {
      expect(decodeBase64(bad), bad).toBeNull()
    }
  })
})

describe('UTF-8 and decimals', () => {
  it('encodes like TextEncoder and refuses lone surrogates', () => {
    for (const s of ['', 'abc', '海南省', 'é', '😀', '— em dash']) expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s))
    expect(() => utf8Encode('\uD800x')).toThrow(RangeError)
    expect(() => utf8Encode('\uDC00')).toThrow(RangeError)
  })

  it('parses canonical decimals only', () => {
    expect(parseDecimal('0')).toBe(0)
    expect(parseDecimal('123456789012')).toBe(123456789012)
    for (const bad of ['', '01', '-1', '+1', '1.0', '1e3', ' 1', '99999999999999999']) expect(parseDecimal(bad), bad).toBeNull()
    expect(parseDecimal('256', 255)).toBeNull()
  })

  it('compares bytes', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true)
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false)
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false)
  })
})
