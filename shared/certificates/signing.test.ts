import { describe, expect, it } from 'vitest'
import { hexToBytes } from './base64url'
import { certificateUrl, generateSigningKey, isPublicTestKey, publicKeyOf, signCertificate } from './signing'
import { TEST_KEY_ID, TEST_PUBLIC_KEY_HEX } from './test-key'
import { TEST_SECRET_KEY_HEX } from './test-vectors'
import { ORIGIN, permitFields, testSecretKey } from './testing'

describe('keys', () => {
  it('generates distinct 32-byte keys with 32-byte public keys', () => {
    const a = generateSigningKey()
    const b = generateSigningKey()
    expect(a).toHaveLength(32)
    expect(a).not.toEqual(b)
    expect(publicKeyOf(a)).toHaveLength(32)
  })

  it('publicKeyOf rejects anything but 32 bytes', () => {
    expect(() => publicKeyOf(new Uint8Array(31))).toThrow(RangeError)
    expect(() => publicKeyOf('x'.repeat(32) as unknown as Uint8Array)).toThrow(RangeError)
  })

  it('the test secret key is the SHA-256 of its published seed text and matches the public test key', () => {
    const secret = hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array
    expect(isPublicTestKey(publicKeyOf(secret))).toBe(true)
    expect(TEST_PUBLIC_KEY_HEX).toHaveLength(64)
  })
})

describe('signCertificate guards', () => {
  const testSecret = hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array
  it('key id 0 only with the public test key, and that key only under id 0', () => {
    expect(() => signCertificate(permitFields(), testSecret, TEST_KEY_ID)).not.toThrow()
    expect(() => signCertificate(permitFields(), testSecret, 1)).toThrow(RangeError)
    expect(() => signCertificate(permitFields(), testSecretKey(1), TEST_KEY_ID)).toThrow(RangeError)
  })

  it('rejects invalid fields before signing', () => {
    expect(() => signCertificate(permitFields({ serial: 'P20244601000001237' }), testSecretKey(1), 1)).toThrow(RangeError)
  })
})

describe('certificateUrl', () => {
  it('joins origin and payload', () => {
    expect(certificateUrl(ORIGIN, 'AQAB')).toBe(`${ORIGIN}/v/AQAB`)
    expect(certificateUrl(`${ORIGIN}/`, 'AQAB')).toBe(`${ORIGIN}/v/AQAB`)
    expect(certificateUrl('http://localhost:3000', 'AQAB')).toBe('http://localhost:3000/v/AQAB')
  })

  it.each(['portal.example.gov.cn', 'https://portal.example.gov.cn/base', 'ftp://x', ''])('rejects %s', (origin) => {
    expect(() => certificateUrl(origin, 'AQAB')).toThrow(RangeError)
  })
})
