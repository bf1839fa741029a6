// The certificates feature bound to this server's configuration: the only place that hands
// web/server/certificates the environment (web/lib/env.ts) and the process's database client
// (web/lib/db.ts). Pages and route handlers call these; operator commands build their own
// settings and client (scripts/certificates/change-certificate.ts), so they never load the web
// server's whole environment.
import { env } from '@web/lib/env'
import { getDb } from '@web/lib/db'
import { createCertificateChecker } from '@web/server/certificates/check-certificate-code'
import { createCertificatesRepository, type CertificateRecord } from '@web/server/certificates/certificates-repository'
import { findCertificateLogProofs, verifyLogOf, type CertificateLogProofs } from '@web/server/certificates/certificate-log-proofs'
import { loadKeyRing, type KeyRing, type KeyRingSettings } from '@web/server/certificates/signing-keys'
import type { VerifyAnswer } from '@web/server/certificates/verify-certificate'
import { countVerification, enforceVerifyRateLimit as enforceLimit } from '@web/server/certificates/verify-rate-limit'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'
import { rateLimitSettingsFrom } from '@web/server/rate-limit/configured-limiter'

export const keyRingSettings: KeyRingSettings = {
  keysFile: env.CERTIFICATE_KEYS_FILE,
  signingKeyHex: env.CERTIFICATE_SIGNING_KEY_HEX,
  role: env.PORTAL_ROLE,
}

/** This server's key ring (read once). Throws KeyRingUnavailableError / KeyFileError. */
export function portalKeyRing(): KeyRing {
  return loadKeyRing(keyRingSettings)
}

/**
 * Start-up check (web/instrumentation.ts): a public instance reads its key file at once, so a file
 * holding a private key stops the server before it serves anything (KeyFileError naming
 * CERTIFICATE_KEYS_FILE). Other roles keep loading lazily: the demo starts before its keys exist.
 */
export function checkInstanceKeys(): void {
  if (env.PORTAL_ROLE === 'public') portalKeyRing()
}

// repositories over the lazily created client: importing this module opens no database
const certificates = {
  findCertificateBySerial: (serial: string) => createCertificatesRepository(getDb()).findCertificateBySerial(serial),
  findCertificateState: (serial: string) => createCertificatesRepository(getDb()).findCertificateState(serial),
  findCertificateStateWithLog: (serial: string) => createCertificatesRepository(getDb()).findCertificateStateWithLog(serial),
}

export function findCertificate(serial: string): Promise<CertificateRecord | null> {
  return certificates.findCertificateBySerial(serial)
}

/** The certificate's log entries with inclusion proofs against the current checkpoint (null: not logged). */
export function findLogProofs(serial: string): Promise<CertificateLogProofs | null> {
  return findCertificateLogProofs(getDb(), serial)
}

// one checker per process (kept on globalThis across dev reloads): it holds the facts cache
const globalForChecker = globalThis as typeof globalThis & { __certificateChecker?: ReturnType<typeof createCertificateChecker> }

/** The answer of GET/POST /api/v1/verify and /v/<payload>. Throws KeyRingUnavailableError. */
export function checkCertificateCode(code: string, now = new Date()): Promise<VerifyAnswer> {
  globalForChecker.__certificateChecker ??= createCertificateChecker({
    keys: keyRingSettings,
    origin: env.PORTAL_ORIGIN,
    certificates,
    findLogProofs: async (serial, read) => {
      const proofs = await findCertificateLogProofs(getDb(), serial, read)
      return proofs && verifyLogOf(proofs)
    },
  })
  return globalForChecker.__certificateChecker(code, now)
}

function verifyRateLimitSettings() {
  return { ...rateLimitSettingsFrom(env), perMinute: env.VERIFY_RATE_LIMIT_PER_MINUTE, windowSeconds: env.VERIFY_RATE_LIMIT_WINDOW_SECONDS }
}

/** Throws a 429 ApiError when this client has used up its verifications (VERIFY_RATE_LIMIT_PER_MINUTE per VERIFY_RATE_LIMIT_WINDOW_SECONDS). */
export function enforceVerifyRateLimit(request: Request): Promise<void> {
  return enforceLimit(request, verifyRateLimitSettings())
}

/** Counts one verification by the /v/ page against the same budget as the API. */
export function countPageVerification(headers: Headers): Promise<RateLimitDecision> {
  return countVerification(headers, verifyRateLimitSettings())
}
