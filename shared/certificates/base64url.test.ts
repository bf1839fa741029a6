import { describe, expect, it } from 'vitest'
import { bytesEqual, bytesToHex, decodeBase64url, encodeBase64url, hexToBytes } from './base64url'
import { seededBytes, seededRandom } from './testing'

describe('base64url', () => {
  it('matches Node’s base64url for every length 0-300 (seeded random bytes)', () => {
    const random = seededRandom(1)
    for (let len = 0; len <= 300; len++) {
      const bytes = seededBytes(random, len)
      const text = encodeBase64url(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64url'))
      expect(decodeBase64url(text)).toEqual(bytes)
    }
  })

  it('accepts only the canonical form', () => {
    expect(decodeBase64url('')).toEqual(new Uint8Array(0))
    expect(decodeBase64url('AA')).toEqual(new Uint8Array([0]))
    expect(decodeBase64url('AB')).toBeNull() // unused bits set
    expect(decodeBase64url('AAA')).toEqual(new Uint8Array([0, 0]))
    expect(decodeBase64url('AAB')).toBeNull()
    for (const bad of ['A', 'AAAAA', 'AA==', 'AAA=', 'AA AA', 'AA+A', 'AA/A', 'AAé=', '\u0000AAA', 'ＡＡＡＡ']) {
      expect(decodeBase64url(bad), bad).toBeNull()
    }
    expect(decodeBase64url(42 as unknown as string)).toBeNull()
  })

  it('hex round trip and validation', () => {
    const bytes = new Uint8Array([0, 1, 15, 16, 255])
    expect(bytesToHex(bytes)).toBe('00010f10ff')
    expect(hexToBytes('00010F10ff')).toEqual(bytes)
    expect(hexToBytes('abc')).toBeNull()
    expect(hexToBytes('zz')).toBeNull()
  })

  it('bytesEqual', () => {
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true)
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false)
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false)
  })
})
