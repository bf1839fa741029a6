// The platform's public keys embedded in the build, so that a phone with no signal can still
// check a certificate's signature (docs/certificate-format.md §5). The keys come from a JWKS
// file named by TARO_APP_JWKS_FILE: the document the portal serves at /.well-known/jwks.json.
//
// A build without keys cannot say "genuine" offline, so for any build meant to reach a real
// portal a missing or unusable JWKS fails the build. Only a build for a loopback portal
// (localhost, 127.x, [::1]: never reachable by a released mini-program) or a development build
// may go without, and then the app learns the keys from the portal when it first has signal.
// The public test key of the test vectors is embedded only on explicit request, and never in a
// production build for a non-loopback portal.
//
// This runs when Taro loads the build config, which compiles only config/: it cannot import the
// shared codec (its Ed25519 point check needs @noble/curves). It checks the structure here;
// the app parses the embedded text again with the shared fromJwks at start.

import fs from 'node:fs'
import path from 'node:path'

export const JWKS_FILE_VAR = 'TARO_APP_JWKS_FILE'
export const TEST_KEY_VAR = 'TARO_APP_ALLOW_PUBLIC_TEST_KEY'

/** base64url of the public test key (shared/certificates/test-key.ts), refused inside a JWKS. */
export const TEST_PUBLIC_KEY_X = 'uspg5y1Mn9XaMv9me0uW9F5F7dIOLE9EiXV5_gXsYv8'

export interface BundledKeysInput {
  /** TARO_APP_JWKS_FILE */
  jwksFile?: string
  /** TARO_APP_ALLOW_PUBLIC_TEST_KEY */
  allowTestKey?: string
  /** 'production' for `taro build`, 'development' for watch builds */
  mode: string
  /** the canonical portal origin (parsePortalOrigin) */
  portalOrigin: string
  /** folder that relative file names are resolved against (the mini-program root) */
  baseDir: string
  /** injectable for tests */
  readFile?: (file: string) => string
}

export interface BundledKeys {
  /** the JWKS to embed, reduced to the members the app reads; null when none was given */
  jwks: { keys: Record<string, unknown>[] } | null
  /** where the keys came from, for the About page (file name only, never a full path) */
  source: string | null
  /** key ids in the embedded JWKS */
  keyIds: number[]
  /** embed the public test key (key id 0) */
  publicTestKey: boolean
  /** things the build log should shout about */
  warnings: string[]
}

const JWK_MEMBERS = ['kty', 'crv', 'x', 'kid', 'use', 'alg', 'nbf', 'exp'] as const
const MAX_SECONDS = 253_402_300_799

function isTruthy(value: string | undefined): boolean {
  return /^(1|true|yes)$/i.test((value ?? '').trim())
}

/** localhost, 127.0.0.0/8 or [::1], with any port: a portal only this machine reaches. */
export function isLoopbackOrigin(origin: string): boolean {
  const m = /^https?:\/\/([^/:]+|\[[^\]]+\])(?::\d+)?$/i.exec(origin)
  if (!m) return false
  const host = m[1].toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]'
}

/**
 * Checks a JWKS the way the shared fromJwks does, except the Ed25519 point check; returns the
 * problems (empty when fine). The set must not be empty: an empty set would make every genuine
 * certificate look unknown.
 */
export function jwksProblems(jwks: unknown): string[] {
  const problems: string[] = []
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as { keys?: unknown }).keys)) {
    return ['the file is not a JWKS: expected {"keys": [ … ]}']
  }
  const keys = (jwks as { keys: unknown[] }).keys
  if (keys.length === 0) problems.push('the key set is empty')
  const seen = new Set<string>()
  keys.forEach((raw, i) => {
    const at = `keys[${i}]`
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${at}: not an object`)
      return
    }
    const k = raw as Record<string, unknown>
    if ('d' in k) problems.push(`${at}: has a private part "d"; a JWKS must hold public keys only`)
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519') problems.push(`${at}: must be an Ed25519 OKP key`)
    if (k.use !== undefined && k.use !== 'sig') problems.push(`${at}: "use" must be "sig"`)
    if (k.alg !== undefined && k.alg !== 'EdDSA') problems.push(`${at}: "alg" must be "EdDSA"`)
    if (typeof k.x !== 'string' || !/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(k.x)) {
      problems.push(`${at}: "x" must be a 32-byte public key in base64url`)
    } else if (k.x === TEST_PUBLIC_KEY_X) {
      problems.push(`${at}: is the public test key, which must never be in a JWKS`)
    }
    if (typeof k.kid !== 'string' || !/^[1-9]\d{0,4}$/.test(k.kid) || Number(k.kid) > 65535) {
      problems.push(`${at}: "kid" must be a key id "1"…"65535"`)
    } else if (seen.has(k.kid)) {
      problems.push(`${at}: duplicate kid "${k.kid}"`)
    } else {
      seen.add(k.kid)
    }
    const nbfOk = Number.isInteger(k.nbf) && (k.nbf as number) >= 0 && (k.nbf as number) <= MAX_SECONDS
    if (!nbfOk) problems.push(`${at}: "nbf" must be whole seconds`)
    if (k.exp !== undefined) {
      if (!Number.isInteger(k.exp) || (k.exp as number) > MAX_SECONDS) problems.push(`${at}: "exp" must be whole seconds`)
      else if (nbfOk && (k.exp as number) <= (k.nbf as number)) problems.push(`${at}: "exp" must be after "nbf"`)
    }
  })
  return problems
}

function reduce(jwks: { keys: Record<string, unknown>[] }): { keys: Record<string, unknown>[] } {
  return {
    keys: jwks.keys.map((k) => {
      const out: Record<string, unknown> = {}
      for (const m of JWK_MEMBERS) if (k[m] !== undefined) out[m] = k[m]
      return out
    }),
  }
}

/**
 * Decides which keys the build embeds. Throws an Error naming the variable to set when the
 * build must not go on.
 */
export function resolveBundledKeys(input: BundledKeysInput): BundledKeys {
  const readFile = input.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8'))
  const loopback = isLoopbackOrigin(input.portalOrigin)
  const development = input.mode === 'development'
  const warnings: string[] = []

  const publicTestKey = isTruthy(input.allowTestKey)
  if (publicTestKey && !development && !loopback) {
    throw new Error(
      `${TEST_KEY_VAR} is set, but this is a production build for ${input.portalOrigin}: the public test key's ` +
        'secret is published, so a build that trusts it would call forged certificates genuine. ' +
        'Remove the variable (it is only for development builds and builds for a loopback portal).',
    )
  }
  if (publicTestKey) warnings.push('the PUBLIC TEST KEY (key id 0) is trusted by this build: never hand it to inspectors')

  const file = (input.jwksFile ?? '').trim()
  if (file === '') {
    if (!development && !loopback) {
      throw new Error(
        `${JWKS_FILE_VAR} is not set: a production build for ${input.portalOrigin} must embed the platform's ` +
          'public keys so that certificates can be checked without signal. Save the portal\'s ' +
          `${input.portalOrigin}/.well-known/jwks.json to a file and build with ${JWKS_FILE_VAR}=<that file>.`,
      )
    }
    warnings.push(
      `no ${JWKS_FILE_VAR}: this build embeds no platform keys and can check signatures only after it has ` +
        `fetched ${input.portalOrigin}/.well-known/jwks.json (allowed only for development and loopback builds)`,
    )
    return { jwks: null, source: null, keyIds: [], publicTestKey, warnings }
  }

  const full = path.resolve(input.baseDir, file)
  let text: string
  try {
    text = readFile(full)
  } catch (e) {
    throw new Error(`${JWKS_FILE_VAR}=${file}: cannot read ${full} (${(e as Error).message})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new Error(`${JWKS_FILE_VAR}=${file}: not valid JSON (${(e as Error).message})`)
  }
  const problems = jwksProblems(parsed)
  if (problems.length > 0) {
    throw new Error(`${JWKS_FILE_VAR}=${file}: not a usable certificate JWKS:\n  - ${problems.join('\n  - ')}`)
  }
  const jwks = reduce(parsed as { keys: Record<string, unknown>[] })
  return {
    jwks,
    source: path.basename(full),
    keyIds: jwks.keys.map((k) => Number(k.kid)),
    publicTestKey,
    warnings,
  }
}
