// The QR code printed on a certificate, rebuilt from its record: the signed fields (type, serial,
// project, holder, issue date, digest of the facts as they stand now) followed by the stored
// signature. The result is checked like any scanned code, so a record edited after signing gives
// no printable code (it must be re-issued) instead of a QR that would later fail at the gate.
import {
  BODY_LENGTH,
  PAYLOAD_LENGTH,
  certificateFactsDigest,
  certificateUrl,
  decodeBase64url,
  encodeBase64url,
  encodeCertificatePayload,
  verifyCertificateCode,
  type CertificatePublicKey,
} from '@shared/certificates'
import type { CertificateRecord } from './certificates-repository'

export type PrintedCode =
  | { ok: true; payload: string; url: string }
  /** UNSIGNED: no key id / signature stored; NO_FACTS: no permit or filing attached;
   *  FACTS_CHANGED: the record no longer matches what was signed (or the key is not published) */
  | { ok: false; problem: 'UNSIGNED' | 'NO_FACTS' | 'FACTS_CHANGED' }

/** What the signed payload is rebuilt from. */
export type SignedPayloadSource = Pick<CertificateRecord, 'type' | 'serial' | 'projectCode' | 'holderUscc' | 'issuedOn' | 'keyId' | 'signature' | 'facts'>

/**
 * The certificate's signed QR payload (body ‖ stored signature, PAYLOAD_LENGTH bytes) rebuilt from
 * its record, as verification rebuilds it; 'UNSIGNED' without a key id or a well-formed signature,
 * 'NO_FACTS' when it certifies no permit or filing. Throws RangeError when the record's signed
 * fields no longer encode. The printed code and the transparency log's payload hash both use it.
 */
export function signedPayloadOf(record: SignedPayloadSource): Uint8Array | 'UNSIGNED' | 'NO_FACTS' {
  const signature = record.signature ? decodeBase64url(record.signature) : null
  if (record.keyId === null || !signature || signature.length !== PAYLOAD_LENGTH - BODY_LENGTH) return 'UNSIGNED'
  if (!record.facts) return 'NO_FACTS'
  const body = encodeCertificatePayload(
    {
      type: record.type,
      serial: record.serial,
      projectCode: record.projectCode,
      holderUscc: record.holderUscc,
      issuedOn: record.issuedOn,
      factsDigest: certificateFactsDigest(record.facts),
    },
    record.keyId,
  )
  const bytes = new Uint8Array(PAYLOAD_LENGTH)
  bytes.set(body, 0)
  bytes.set(signature, BODY_LENGTH)
  return bytes
}

export function printedCode(record: CertificateRecord, origin: string, publicKeys: readonly CertificatePublicKey[]): PrintedCode {
  let bytes: Uint8Array | 'UNSIGNED' | 'NO_FACTS'
  try {
    bytes = signedPayloadOf(record)
  } catch {
    return { ok: false, problem: 'FACTS_CHANGED' }
  }
  if (typeof bytes === 'string') return { ok: false, problem: bytes }
  const payload = encodeBase64url(bytes)
  const url = certificateUrl(origin, payload)
  const check = verifyCertificateCode(url, { keys: publicKeys, expectedOrigin: origin })
  return check.genuine ? { ok: true, payload, url } : { ok: false, problem: 'FACTS_CHANGED' }
}
