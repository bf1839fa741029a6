import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hexToBytes } from './base64url'
import { publicKeyOf } from './signing'
import { computeTestVector, TEST_KEY_ID, TEST_ORIGIN, TEST_PUBLIC_KEY_HEX, TEST_SECRET_KEY_HEX, TEST_SECRET_KEY_SEED_TEXT, TEST_VECTORS } from './test-vectors'
import { bytesToHex } from './base64url'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8Encode } from './facts-digest'
import { verifyCertificateCode } from './verify'

const DOC = readFileSync(new URL('../../docs/certificate-format.md', import.meta.url), 'utf8')

describe('test vectors', () => {
  it('the test key is derived as documented', () => {
    expect(bytesToHex(sha256(utf8Encode(TEST_SECRET_KEY_SEED_TEXT)))).toBe(TEST_SECRET_KEY_HEX)
    expect(bytesToHex(publicKeyOf(hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array))).toBe(TEST_PUBLIC_KEY_HEX)
  })

  it.each(TEST_VECTORS.map((v) => [v.name, v] as const))('%s: recomputes to the stored values', (_, vector) => {
    expect(computeTestVector(vector)).toEqual(vector.expected)
  })

  it.each(TEST_VECTORS.map((v) => [v.name, v] as const))('%s: verifies with the test key', (_, vector) => {
    const keys = [{ keyId: TEST_KEY_ID, publicKey: hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array, notBefore: '1990-01-01' }]
    const result = verifyCertificateCode(vector.expected.url, { keys, expectedOrigin: TEST_ORIGIN })
    expect(result.genuine).toBe(true)
    if (result.genuine) expect({ ...result.fields, factsDigest: bytesToHex(result.fields.factsDigest) }).toEqual({
      ...vector.fields,
      factsDigest: vector.expected.factsDigestHex,
    })
  })

  it('docs/certificate-format.md contains every vector value', () => {
    for (const value of [TEST_SECRET_KEY_HEX, TEST_PUBLIC_KEY_HEX, TEST_SECRET_KEY_SEED_TEXT, TEST_ORIGIN]) {
      expect(DOC).toContain(value)
    }
    for (const v of TEST_VECTORS) {
      for (const [key, value] of Object.entries(v.expected)) expect(DOC, `${v.name} ${key}`).toContain(value)
      for (const value of [...Object.values(v.fields), ...Object.values(v.facts)]) {
        if (value) expect(DOC, `${v.name} ${String(value)}`).toContain(String(value))
      }
    }
  })
})
