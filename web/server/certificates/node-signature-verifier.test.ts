import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { generateSigningKey, publicKeyOf } from '@shared/certificates'
import { verifySignature } from '@shared/certificates/signing'
import { ed25519 } from '@noble/curves/ed25519.js'
import { memoizeSignatureVerifier, nodeVerifySignature } from './node-signature-verifier'

const secret = generateSigningKey()
const publicKey = publicKeyOf(secret)

describe('nodeVerifySignature agrees with the shared pure-JS verifier', () => {
  it('on good signatures and on every kind of change', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(255), (message, at, flip) => {
        const signature = ed25519.sign(message, secret)
        expect(nodeVerifySignature(signature, message, publicKey)).toBe(true)
        const altered = Uint8Array.from(signature)
        altered[at % 64] ^= flip || 1
        expect(nodeVerifySignature(altered, message, publicKey)).toBe(verifySignature(altered, message, publicKey))
        const otherMessage = Uint8Array.from(message)
        otherMessage[at % message.length] ^= flip || 1
        expect(nodeVerifySignature(signature, otherMessage, publicKey)).toBe(false)
        expect(verifySignature(signature, otherMessage, publicKey)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('rejects malformed keys and signatures without throwing', () => {
    const message = new Uint8Array([1, 2, 3])
    const signature = ed25519.sign(message, secret)
    expect(nodeVerifySignature(signature.subarray(0, 63), message, publicKey)).toBe(false)
    expect(nodeVerifySignature(signature, message, publicKey.subarray(0, 31))).toBe(false)
    expect(nodeVerifySignature(signature, message, new Uint8Array(32))).toBe(verifySignature(signature, message, new Uint8Array(32)))
    // a signature whose S is not reduced mod L is refused by both (RFC 8032 strictness)
    const unreduced = Uint8Array.from(signature)
    unreduced[63] |= 0xf0
    expect(nodeVerifySignature(unreduced, message, publicKey)).toBe(false)
    expect(verifySignature(unreduced, message, publicKey)).toBe(false)
  })
})

describe('memoizeSignatureVerifier', () => {
  it('answers like the verifier it wraps, computing each triple once, within its bound', () => {
    let calls = 0
    const memo = memoizeSignatureVerifier((s, m, k) => (calls++, nodeVerifySignature(s, m, k)), 2)
    const message = new Uint8Array([7, 8, 9])
    const good = ed25519.sign(message, secret)
    const bad = Uint8Array.from(good)
    bad[0] ^= 1
    expect([memo(good, message, publicKey), memo(good, message, publicKey), memo(bad, message, publicKey)]).toEqual([true, true, false])
    expect(calls).toBe(2)
    // a third triple evicts the oldest, which is then computed again
    memo(good, new Uint8Array([1]), publicKey)
    memo(good, message, publicKey)
    expect(calls).toBe(4)
  })
})
