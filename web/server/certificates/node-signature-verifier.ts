// Ed25519 signature checks with Node's OpenSSL binding for the verification endpoint: the pure-JS
// verifier in shared/certificates (which the mini-program needs) costs ~1 ms of CPU per check,
// OpenSSL a few dozen microseconds. Both are strict RFC 8032 (node-signature-verifier.test.ts
// checks they agree on good, altered and malformed inputs).
import crypto from 'node:crypto'

// SubjectPublicKeyInfo wrapping of a raw 32-byte Ed25519 public key (RFC 8410).
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

const keyObjects = new Map<string, crypto.KeyObject>()

function publicKeyObject(publicKey: Uint8Array): crypto.KeyObject {
  const hex = Buffer.from(publicKey).toString('hex')
  let key = keyObjects.get(hex)
  if (!key) {
    key = crypto.createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' })
    // the published keys are a handful; the bound only guards against a caller passing many
    if (keyObjects.size > 64) keyObjects.clear()
    keyObjects.set(hex, key)
  }
  return key
}

export function nodeVerifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    if (publicKey.length !== 32 || signature.length !== 64) return false
    return crypto.verify(null, message, publicKeyObject(publicKey), signature)
  } catch {
    return false
  }
}

type SignatureVerifier = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean

/**
 * Remembers the answers of `verify` for the last `maxEntries` (signature, message, key) triples.
 * A signature check is a pure function of its inputs, and the same certificates are scanned
 * again and again (every inspection of a site), so the server need not redo the curve arithmetic.
 */
export function memoizeSignatureVerifier(verify: SignatureVerifier, maxEntries = 50_000): SignatureVerifier {
  const answers = new Map<string, boolean>()
  return (signature, message, publicKey) => {
    const key = Buffer.from(signature).toString('base64') + Buffer.from(message).toString('base64') + Buffer.from(publicKey).toString('base64')
    let answer = answers.get(key)
    if (answer === undefined) {
      answer = verify(signature, message, publicKey)
      if (answers.size >= maxEntries) answers.delete(answers.keys().next().value as string)
      answers.set(key, answer)
    }
    return answer
  }
}
