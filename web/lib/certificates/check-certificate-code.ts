// "Is this certificate code genuine, and what is its status now?" with the portal's own
// configuration: its published keys, its origin, its database. The API and the /v/<payload> page
// both answer with this. Throws KeyRingUnavailableError when no key file is configured.
import { env } from '../env'
import { findCertificateBySerial } from '../repositories/certificates-repository'
import { nodeVerifySignature } from './node-signature-verifier'
import { loadKeyRing } from './signing-keys'
import { verifyScannedCode, type VerifyAnswer } from './verify-certificate'

export function checkCertificateCode(code: string, now = new Date()): Promise<VerifyAnswer> {
  return verifyScannedCode(code, now, {
    publicKeys: loadKeyRing().publicKeys,
    origin: env.PORTAL_ORIGIN,
    findCertificateBySerial,
    signatureVerifier: nodeVerifySignature,
  })
}
