// Ed25519 keys and signing of certificate payloads, with @noble/curves (pure JS: no WebCrypto,
// no Node crypto, so it runs in the WeChat mini-program too). Signatures are RFC 8032
// Ed25519 (pure, no context, no prehash) over the 50-byte payload body; they are
// deterministic, so the same fields and key always give the same QR code.

import { ed25519 } from '@noble/curves/ed25519.js'
import { bytesToHex, encodeBase64url } from './base64url'
import { encodeCertificatePayload, PAYLOAD_LENGTH, BODY_LENGTH, type CertificateFields } from './payload'
import { TEST_KEY_ID, TEST_PUBLIC_KEY_HEX } from './test-key'

/** Path prefix of the portal's verification page: `${origin}/v/${payload}`. */
export const VERIFY_PATH_PREFIX = '/v/'

export interface SignedCertificate {
  /** the 114-byte payload, base64url without padding (152 characters) */
  payload: string
  /** the same payload as bytes (body + signature) */
  bytes: Uint8Array
  /** the 64-byte Ed25519 signature (last 64 bytes of the payload) */
  signature: Uint8Array
  keyId: number
  /** the QR content: `${origin}/v/${payload}` */
  url(origin: string): string
}

function requireSecretKey(secretKey: Uint8Array): void {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw new RangeError('secret key must be 32 bytes (an Ed25519 seed)')
  }
}

/**
 * A new random 32-byte Ed25519 secret key (seed). Uses crypto.getRandomValues, present in
 * Node >= 20 and browsers; intended for the server / set-up scripts, not the mini-program.
 */
export function generateSigningKey(): Uint8Array {
  return ed25519.utils.randomSecretKey()
}

/** The 32-byte Ed25519 public key of a 32-byte secret key. */
export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  requireSecretKey(secretKey)
  return ed25519.getPublicKey(secretKey)
}

/** True for the published test key (test-key.ts), which must never sign real certificates. */
export function isPublicTestKey(publicKey: Uint8Array): boolean {
  return publicKey instanceof Uint8Array && bytesToHex(publicKey) === TEST_PUBLIC_KEY_HEX
}

/**
 * `${origin}/v/${payload}`; origin is scheme + host (+ port), e.g. 'https://portal.example.gov.cn'
 * (a trailing slash is dropped). Throws RangeError if origin is not such an origin.
 */
export function certificateUrl(origin: string, payload: string): string {
  const o = typeof origin === 'string' ? origin.replace(/\/$/, '') : ''
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o)) throw new RangeError(`not an origin: "${origin}"`)
  return o + VERIFY_PATH_PREFIX + payload
}

/**
 * Signs fields under keyId. Throws RangeError on invalid fields or key (see
 * encodeCertificatePayload), and when key id 0 and the public test key are not used together.
 */
export function signCertificate(fields: CertificateFields, secretKey: Uint8Array, keyId: number): SignedCertificate {
  const publicKey = publicKeyOf(secretKey)
  if ((keyId === TEST_KEY_ID) !== isPublicTestKey(publicKey)) {
    throw new RangeError(`key id ${TEST_KEY_ID} is reserved for the public test key, and that key only for it`)
  }
  const body = encodeCertificatePayload(fields, keyId)
  const signature = ed25519.sign(body, secretKey)
  // Sanity check against faults (a bad key or a broken runtime): never print a code we cannot verify.
  if (!ed25519.verify(signature, body, publicKey, { zip215: false })) throw new Error('signature self-check failed')
  const bytes = new Uint8Array(PAYLOAD_LENGTH)
  bytes.set(body, 0)
  bytes.set(signature, BODY_LENGTH)
  const payload = encodeBase64url(bytes)
  return { payload, bytes, signature, keyId, url: (origin: string) => certificateUrl(origin, payload) }
}

/** Ed25519 verification, strict RFC 8032 decoding; false (never throws) on malformed inputs. */
export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false })
  } catch {
    return false
  }
}
