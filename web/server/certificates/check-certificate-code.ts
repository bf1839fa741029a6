// "Is this certificate code genuine, and what is its status now?" for one configuration: its
// published keys, its origin, its database. The portal binds it to its environment in
// web/lib/certificates/portal-certificates.ts; the API and the /v/<payload> page both answer with
// that. The settings are passed in rather than read here so that this layer never depends on the
// web server's environment. Throws KeyRingUnavailableError when no key file is configured. The
// record is read through certificate-lookup.ts: status fresh, joined facts kept for a minute.
import { createCertificateLookup, type CertificateLookupSources } from './certificate-lookup'
import { memoizeSignatureVerifier, nodeVerifySignature } from './node-signature-verifier'
import { loadKeyRing, type KeyRingSettings } from './signing-keys'
import { verifyScannedCode, type VerifyAnswer } from './verify-certificate'
import type { VerifyLog } from './verify-schemas'
import type { HeadWithEntries } from '@web/server/transparency-log/transparency-log-repository'

export interface CertificateCheckSettings {
  keys: KeyRingSettings
  /** the portal's origin, e.g. https://jzsc.hainan.gov.cn: codes under another host are foreign */
  origin: string
  /** where certificates are read (a certificates repository) */
  certificates: CertificateLookupSources
  /**
   * the inclusion proofs of a certificate's log entries, fresh on every call: from the head and
   * entries read with the status row when given, else read by itself
   */
  findLogProofs?(serial: string, read?: HeadWithEntries | null): Promise<VerifyLog | null>
}

/**
 * A checker that keeps its facts cache and memoised signature checks between calls: create one
 * per process. The key ring is loaded on each call (cached by loadKeyRing), so a key file that
 * appears after start-up is picked up.
 */
export function createCertificateChecker(settings: CertificateCheckSettings) {
  const lookup = createCertificateLookup(settings.certificates)
  const signatureVerifier = memoizeSignatureVerifier(nodeVerifySignature)
  const { findLogProofs } = settings
  return function checkCertificateCode(code: string, now = new Date()): Promise<VerifyAnswer> {
    // this call's own log read (made with its status row), handed from the look-up to the proofs
    let logRead: HeadWithEntries | null | undefined
    return verifyScannedCode(code, now, {
      publicKeys: loadKeyRing(settings.keys).publicKeys,
      origin: settings.origin,
      async findCertificateBySerial(serial) {
        const found = await lookup.withLog(serial)
        logRead = found?.log
        return found?.record ?? null
      },
      signatureVerifier,
      findLogProofs: findLogProofs && ((serial) => findLogProofs(serial, logRead)),
    })
  }
}
