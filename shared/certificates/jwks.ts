// Publishing and loading the platform's certificate verification keys as a JWKS (RFC 7517,
// OKP keys per RFC 8037).
//
// One JWK per key:
//   { "kty": "OKP", "crv": "Ed25519", "x": <base64url of the 32-byte public key>,
//     "kid": <key id as a decimal string, "1".."65535">, "use": "sig", "alg": "EdDSA",
//     "nbf": <seconds>, "exp"?: <seconds>, "compromised_from"?: <seconds> }
// nbf/exp are custom members (JWT NumericDate style, seconds since 1970-01-01T00:00Z) that
// bound the ISSUE DATES the key may sign: nbf is 00:00 China time of the first issue date,
// exp is 00:00 China time of the day AFTER the last issue date (exclusive, like JWT exp), and
// is absent while the key is current. Key validity is thus kept in China calendar dates:
// a key may sign issue dates notBefore..notAfter inclusive.
//
// Rotation: a retired key stays in the JWKS (with exp) forever so its certificates keep
// verifying. A COMPROMISED key carries "compromised_from" (custom member, same NumericDate style:
// 00:00 China time of the first issue date no longer vouched for): certificates dated on or
// after it verify as not genuine (KEY_COMPROMISED), older ones still verify. The payload carries
// only the issue date, so a thief can backdate below compromised_from: the online status check
// (the certificate register) is what catches those; if that is not good enough, remove the key
// from the JWKS altogether (its certificates then answer UNKNOWN_KEY and must be re-issued).

// zod/mini: the mini-program verifies with this module, and the classic API would cost its
// main package ~70 KB (issue 15).
import { z } from 'zod/mini'
import { ed25519 } from '@noble/curves/ed25519.js'
import { chinaDateOf, toIsoDate } from '../dates/calendar-date'
import { decodeBase64url, encodeBase64url } from './base64url'
import { MAX_KEY_ID } from './payload'
import { isPublicTestKey } from './signing'
import { TEST_KEY_ID } from './test-key'

/** A verification key with the window of issue dates it may sign. */
export interface CertificatePublicKey {
  keyId: number
  /** 32-byte Ed25519 public key */
  publicKey: Uint8Array
  /** first issue date the key may sign, 'YYYY-MM-DD' */
  notBefore: string
  /** last issue date the key may sign, 'YYYY-MM-DD' (inclusive); absent/null while current */
  notAfter?: string | null
  /** first issue date the key no longer vouches for because its secret leaked; absent/null if never */
  compromisedFrom?: string | null
}

export interface CertificateJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  use: 'sig'
  alg: 'EdDSA'
  nbf: number
  exp?: number
  compromised_from?: number
}

export interface CertificateJwks {
  keys: CertificateJwk[]
}

const CHINA_OFFSET_S = 8 * 3600
const DAY_S = 86_400

/** Seconds at 00:00 China time of an ISO date. */
function chinaMidnightSeconds(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y, m - 1, d) / 1000 - CHINA_OFFSET_S
}

function requireIsoDate(value: unknown, name: string): string {
  const iso = typeof value === 'string' ? toIsoDate(value) : null
  if (!iso || iso !== value) throw new RangeError(`${name} must be a 'YYYY-MM-DD' date, got ${String(value)}`)
  return iso
}

/** True when key may have signed a certificate with this issue date ('YYYY-MM-DD'). */
export function keyValidOn(key: CertificatePublicKey, issuedOn: string): boolean {
  return issuedOn >= key.notBefore && (key.notAfter == null || issuedOn <= key.notAfter)
}

/** True when key was marked compromised on or before this issue date ('YYYY-MM-DD'). */
export function keyCompromisedOn(key: CertificatePublicKey, issuedOn: string): boolean {
  return key.compromisedFrom != null && issuedOn >= key.compromisedFrom
}

/** The JWK of one key; throws RangeError on bad input, key id 0 or the public test key. */
export function toJwk(
  keyId: number,
  publicKey: Uint8Array,
  validity: { notBefore: string; notAfter?: string | null; compromisedFrom?: string | null },
): CertificateJwk {
  if (!Number.isInteger(keyId) || keyId < 1 || keyId > MAX_KEY_ID) {
    throw new RangeError(`published key ids are 1-${MAX_KEY_ID} (${TEST_KEY_ID} is the test key), got ${keyId}`)
  }
  if (!(publicKey instanceof Uint8Array) || !ed25519.utils.isValidPublicKey(publicKey, false)) {
    throw new RangeError('publicKey must be a valid 32-byte Ed25519 public key')
  }
  if (isPublicTestKey(publicKey)) throw new RangeError('the public test key must never be published')
  const notBefore = requireIsoDate(validity?.notBefore, 'notBefore')
  const jwk: CertificateJwk = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: encodeBase64url(publicKey),
    kid: String(keyId),
    use: 'sig',
    alg: 'EdDSA',
    nbf: chinaMidnightSeconds(notBefore),
  }
  if (validity.notAfter != null) {
    const notAfter = requireIsoDate(validity.notAfter, 'notAfter')
    if (notAfter < notBefore) throw new RangeError('notAfter is before notBefore')
    jwk.exp = chinaMidnightSeconds(notAfter) + DAY_S
  }
  if (validity.compromisedFrom != null) {
    jwk.compromised_from = chinaMidnightSeconds(requireIsoDate(validity.compromisedFrom, 'compromisedFrom'))
  }
  return jwk
}

/** The JWKS document for a list of keys (see toJwk). */
export function toJwks(keys: readonly CertificatePublicKey[]): CertificateJwks {
  return {
    keys: keys.map((k) => toJwk(k.keyId, k.publicKey, { notBefore: k.notBefore, notAfter: k.notAfter, compromisedFrom: k.compromisedFrom })),
  }
}

const seconds = z.int().check(z.minimum(0), z.maximum(253_402_300_799)) // up to 9999-12-31

const jwkSchema = z
  .looseObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string().check(z.regex(/^[1-9]\d{0,4}$/, 'kid must be a decimal key id 1-65535')),
    use: z.optional(z.literal('sig')),
    alg: z.optional(z.literal('EdDSA')),
    nbf: seconds,
    exp: z.optional(seconds),
    compromised_from: z.optional(seconds),
  })
  .check(
    z.superRefine((jwk, ctx) => {
      if ('d' in jwk) {
        ctx.addIssue({ code: 'custom', path: ['d'], message: 'a JWK with a private part ("d") must never be published' })
      }
      const keyId = Number(jwk.kid)
      if (keyId > MAX_KEY_ID) ctx.addIssue({ code: 'custom', message: 'kid must be a decimal key id 1-65535' })
      const bytes = decodeBase64url(jwk.x)
      if (!bytes || bytes.length !== 32 || !ed25519.utils.isValidPublicKey(bytes, false)) {
        ctx.addIssue({ code: 'custom', message: 'x must be a base64url Ed25519 public key' })
      } else if (isPublicTestKey(bytes)) {
        ctx.addIssue({ code: 'custom', message: 'the public test key must not appear in a JWKS' })
      }
      if (jwk.exp !== undefined && jwk.exp <= jwk.nbf) ctx.addIssue({ code: 'custom', message: 'exp must be after nbf' })
    }),
  )

const jwksSchema = z.object({ keys: z.array(jwkSchema) }).check(
  z.superRefine((jwks, ctx) => {
    const seen = new Set<string>()
    jwks.keys.forEach((k, i) => {
      if (seen.has(k.kid)) ctx.addIssue({ code: 'custom', message: `duplicate kid "${k.kid}"`, path: ['keys', i, 'kid'] })
      seen.add(k.kid)
    })
  }),
)

export class JwksError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid certificate JWKS: ${problems.join('; ')}`)
    this.name = 'JwksError'
  }
}

/**
 * Parses and validates a JWKS (the parsed JSON). Throws JwksError listing every problem if
 * any entry is malformed (wrong kty/crv/alg/use, bad x, bad or duplicate kid, a private "d",
 * missing nbf, exp not after nbf, a non-integer compromised_from, the public test key). Unknown
 * extra members are ignored.
 */
export function fromJwks(jwks: unknown): CertificatePublicKey[] {
  const parsed = jwksSchema.safeParse(jwks)
  if (!parsed.success) {
    throw new JwksError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`))
  }
  return parsed.data.keys.map((k) => ({
    keyId: Number(k.kid),
    publicKey: decodeBase64url(k.x) as Uint8Array,
    notBefore: chinaDateOf(new Date(k.nbf * 1000)),
    notAfter: k.exp === undefined ? null : chinaDateOf(new Date((k.exp - 1) * 1000)),
    ...(k.compromised_from === undefined ? {} : { compromisedFrom: chinaDateOf(new Date(k.compromised_from * 1000)) }),
  }))
}
