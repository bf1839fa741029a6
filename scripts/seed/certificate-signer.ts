// Signs the demo data's certificates as the platform did on their issue dates.
//
// The seed writes a history going back to 2014, so each certificate is signed by the key whose
// validity window holds its issue date (a rotated, retired key included, if the key file still
// holds its secret). That is a back-fill of history, which only the seed does: issuing a new
// certificate uses the active key alone (selectSigningKey in shared/certificates/key-file.ts).
//
// Node's own Ed25519 (OpenSSL) signs here because the seed signs tens of thousands of
// certificates and the pure-JS signer is ~30x slower; Ed25519 is deterministic, so both give the
// same bytes (certificate-signer.test.ts checks that against shared/certificates).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { encodeBase64url, encodeCertificatePayload, type CertificateFields } from '../../shared/certificates/index.ts'
import { DEFAULT_KEY_FILE, parseKeyFile, type KeyRing } from '../../shared/certificates/key-file.ts'

export interface CertificateSignature {
  /** the signing key id as stored in Certificate.keyId (decimal) */
  keyId: string
  /** base64url of the 64-byte Ed25519 signature, as stored in Certificate.signature */
  signature: string
}

export interface CertificateSigner {
  sign(fields: CertificateFields): CertificateSignature
}

export class SigningKeyMissingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SigningKeyMissingError'
  }
}

// PKCS#8 wrapping of a 32-byte Ed25519 seed (RFC 8410): the fixed 16-byte prefix, then the seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

function privateKeyObject(secretKey: Uint8Array): crypto.KeyObject {
  return crypto.createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]), format: 'der', type: 'pkcs8' })
}

/** Signing keys by validity window, from the secrets the key file (or environment) holds. */
interface WindowKey {
  keyId: number
  notBefore: string
  notAfter: string | null
  key: crypto.KeyObject
}

/**
 * A signer over every key of the ring that has a secret: a certificate is signed by the key
 * valid on its issue date. Throws SigningKeyMissingError for a date no such key covers.
 */
export function createCertificateSigner(ring: KeyRing, secrets: ReadonlyMap<number, Uint8Array>): CertificateSigner {
  const keys: WindowKey[] = []
  for (const published of ring.publicKeys) {
    const secret = secrets.get(published.keyId)
    if (!secret) continue
    keys.push({ keyId: published.keyId, notBefore: published.notBefore, notAfter: published.notAfter ?? null, key: privateKeyObject(secret) })
  }
  if (keys.length === 0) throw new SigningKeyMissingError('密钥文件中没有可用的签名私钥 / the key file holds no secret key to sign with')
  return {
    sign(fields) {
      const k = keys.find((c) => c.notBefore <= fields.issuedOn && (c.notAfter === null || fields.issuedOn <= c.notAfter))
      if (!k) {
        throw new SigningKeyMissingError(
          `没有覆盖签发日期 ${fields.issuedOn} 的签名私钥 / no secret key covers issue date ${fields.issuedOn}; ` +
            'generate a key file whose first key starts on or before the data (delete it and run scripts/keys/generate-demo-keys.ts)',
        )
      }
      const body = encodeCertificatePayload(fields, k.keyId)
      return { keyId: String(k.keyId), signature: encodeBase64url(crypto.sign(null, body, k.key)) }
    },
  }
}

function secretsOfKeyFile(json: unknown, ring: KeyRing): Map<number, Uint8Array> {
  const secrets = new Map<number, Uint8Array>()
  const entries = (json as { keys?: { keyId: number; secretKeyHex?: string }[] }).keys ?? []
  for (const e of entries) if (e.secretKeyHex) secrets.set(e.keyId, Uint8Array.from(Buffer.from(e.secretKeyHex, 'hex')))
  if (ring.active) secrets.set(ring.active.keyId, ring.active.secretKey)
  return secrets
}

/**
 * The signer configured for this process: CERTIFICATE_KEYS_FILE (default keys/certificate-keys.json)
 * and CERTIFICATE_SIGNING_KEY_HEX, the same configuration the portal reads.
 */
export function signerFromEnvironment(env: Record<string, string | undefined> = process.env): CertificateSigner {
  const file = path.resolve(process.cwd(), env.CERTIFICATE_KEYS_FILE || DEFAULT_KEY_FILE)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SigningKeyMissingError(`证书签名密钥文件不存在 / key file not found: ${file} (run: npx tsx scripts/keys/generate-demo-keys.ts)`)
    }
    throw error
  }
  return signerFromKeyFile(JSON.parse(text), { secretKeyHex: env.CERTIFICATE_SIGNING_KEY_HEX, source: file })
}

/** A signer over a key file's content (validated; throws KeyFileError for a bad file). */
export function signerFromKeyFile(json: unknown, options: { secretKeyHex?: string; source?: string } = {}): CertificateSigner {
  const ring = parseKeyFile(json, options)
  return createCertificateSigner(ring, secretsOfKeyFile(json, ring))
}
