// "Is this certificate code genuine, and what is its status now?" with the portal's own
// configuration: its published keys, its origin, its database. The API and the /v/<payload> page
// both answer with this. Throws KeyRingUnavailableError when no key file is configured. The
// record is read through certificate-lookup.ts: status fresh, joined facts kept for a minute.
import { env } from '@web/lib/env'
import { findCertificateBySerial, findCertificateState } from './certificates-repository'
import { createCertificateLookup } from './certificate-lookup'
import { memoizeSignatureVerifier, nodeVerifySignature } from './node-signature-verifier'
import { loadKeyRing } from './signing-keys'
import { verifyScannedCode, type VerifyAnswer } from './verify-certificate'

const globalForLookup = globalThis as typeof globalThis & {
  __certificateLookup?: ReturnType<typeof createCertificateLookup>
  __signatureVerifier?: ReturnType<typeof memoizeSignatureVerifier>
}

export function checkCertificateCode(code: string, now = new Date()): Promise<VerifyAnswer> {
  return verifyScannedCode(code, now, {
    publicKeys: loadKeyRing().publicKeys,
    origin: env.PORTAL_ORIGIN,
    findCertificateBySerial: (globalForLookup.__certificateLookup ??= createCertificateLookup({ findCertificateState, findCertificateBySerial })),
    signatureVerifier: (globalForLookup.__signatureVerifier ??= memoizeSignatureVerifier(nodeVerifySignature)),
  })
}
