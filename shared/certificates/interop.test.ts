// Interoperability with an independent Ed25519 implementation: Node's crypto (OpenSSL).
// node:crypto is used in this test only; the codec itself never imports it.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeBase64url } from './base64url'
import { BODY_LENGTH, encodeCertificatePayload, PAYLOAD_LENGTH } from './payload'
import { publicKeyOf, signCertificate } from './signing'
import { completionFields, keyEntry, ORIGIN, permitFields, seededRandom, seededBytes, testSecretKey } from './testing'
import { verifyCertificateCode } from './verify'
import { hexToBytes } from './base64url'
import { TEST_PUBLIC_KEY_HEX, TEST_SECRET_KEY_HEX, TEST_VECTORS } from './test-vectors'

// RFC 8410 DER prefixes: PKCS#8 OneAsymmetricKey and SubjectPublicKeyInfo for id-Ed25519.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

function nodePrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
}

function nodePublicKey(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })
}

describe('node:crypto interop', () => {
  const random = seededRandom(99)
  const seeds = [testSecretKey(1), testSecretKey(2), ...Array.from({ length: 6 }, () => seededBytes(random, 32))]

  it('derives the same public key from the same 32-byte seed', () => {
    for (const seed of seeds) {
      const spki = createPublicKey(nodePrivateKey(seed)).export({ format: 'der', type: 'spki' })
      expect(spki.subarray(SPKI_PREFIX.length)).toEqual(Buffer.from(publicKeyOf(seed)))
    }
  })

  it('a payload signed by node:crypto verifies with the noble verifier', () => {
    for (const [i, seed] of seeds.entries()) {
      const fields = i % 2 ? completionFields() : permitFields()
      const body = encodeCertificatePayload(fields, 300 + i)
      const signature = nodeSign(null, body, nodePrivateKey(seed))
      expect(signature).toHaveLength(64)
      const payload = new Uint8Array(PAYLOAD_LENGTH)
      payload.set(body)
      payload.set(signature, BODY_LENGTH)
      const result = verifyCertificateCode(`${ORIGIN}/v/${encodeBase64url(payload)}`, {
        keys: [keyEntry(300 + i, seed)],
        expectedOrigin: ORIGIN,
      })
      expect(result).toMatchObject({ genuine: true, keyId: 300 + i, fields })
      // Ed25519 is deterministic: both implementations give the very same signature
      expect(Buffer.from(signCertificate(fields, seed, 300 + i).signature)).toEqual(signature)
    }
  })

  it('a payload signed by the codec verifies with node:crypto, and a changed body does not', () => {
    for (const [i, seed] of seeds.entries()) {
      const signed = signCertificate(i % 2 ? permitFields() : completionFields(), seed, 1 + i)
      const body = signed.bytes.subarray(0, BODY_LENGTH)
      const key = nodePublicKey(publicKeyOf(seed))
      expect(nodeVerify(null, body, key, signed.signature)).toBe(true)
      const changed = Uint8Array.from(body)
      changed[40] ^= 1
      expect(nodeVerify(null, changed, key, signed.signature)).toBe(false)
    }
  })
})

describe('the stored test vectors, checked by node:crypto (OpenSSL) rather than by the codec', () => {
  const privateKey = nodePrivateKey(hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array)
  const publicKey = nodePublicKey(hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array)

  it.each(TEST_VECTORS.map((v) => [v.name, v] as const))('%s: the signature verifies, and signing the body reproduces it', (_, vector) => {
    const body = Buffer.from(vector.expected.bodyHex, 'hex')
    const signature = Buffer.from(vector.expected.signatureHex, 'hex')
    expect(nodeVerify(null, body, publicKey, signature)).toBe(true)
    // Ed25519 is deterministic: OpenSSL must produce the very bytes stored in the vector
    expect(nodeSign(null, body, privateKey).toString('hex')).toBe(vector.expected.signatureHex)
    expect(vector.expected.payloadHex).toBe(vector.expected.bodyHex + vector.expected.signatureHex)
  })
})
