// Helpers for the certificate tests (not used by the codec).

import { certificateFactsDigest } from './facts-digest'
import type { CertificatePublicKey } from './jwks'
import type { CertificateFields } from './payload'
import { publicKeyOf } from './signing'
import { TEST_VECTORS } from './test-vectors'

/** Deterministic PRNG (mulberry32) so that randomized tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function seededBytes(random: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256)
  return out
}

/** A deterministic 32-byte secret key for tests (NOT the published test-vector key). */
export function testSecretKey(label: number): Uint8Array {
  return seededBytes(seededRandom(0xc0ffee + label), 32)
}

export const ORIGIN = 'https://portal.example.gov.cn'

export function permitFields(overrides: Partial<CertificateFields> = {}): CertificateFields {
  const v = TEST_VECTORS[0]
  return { ...v.fields, factsDigest: certificateFactsDigest(v.facts), ...overrides }
}

export function completionFields(overrides: Partial<CertificateFields> = {}): CertificateFields {
  const v = TEST_VECTORS[1]
  return { ...v.fields, factsDigest: certificateFactsDigest(v.facts), ...overrides }
}

export function keyEntry(
  keyId: number,
  secretKey: Uint8Array,
  notBefore = '2020-01-01',
  notAfter: string | null = null,
): CertificatePublicKey {
  return { keyId, publicKey: publicKeyOf(secretKey), notBefore, notAfter }
}
