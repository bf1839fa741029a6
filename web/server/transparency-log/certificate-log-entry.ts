// A certificate event as a log entry (shared/transparency-log/log-entry.ts). The entry is a pure
// function of the certificate as recorded — its type, serial, signing key, signed QR payload and
// the recorded day of the event (issuedOn; statusChangedAt for a revocation or supersession, stored
// as 00:00 UTC of the China day) — so the live paths and the back-fill write the same bytes for the
// same event, and anyone holding the printed QR code can find its entry by the payload's SHA-256.
// When the log received it is the entry's position, which a monitor watches.
import type { CertificateType, LogEvent } from '@shared/domain/enums'
import { payloadDigest, type LogEntry } from '@shared/transparency-log/log-entry'
import { signedPayloadOf, type SignedPayloadSource } from '@web/server/certificates/printed-code'

/** keyId of an entry for a certificate that was never signed (rows from before signing existed) */
export const UNSIGNED_KEY_ID = '-'

/**
 * The certificate's signed QR payload rebuilt from its record (signedPayloadOf), or null when it is
 * unsigned or certifies no permit or filing any more.
 */
export function certificatePayloadBytes(record: SignedPayloadSource): Uint8Array | null {
  const payload = signedPayloadOf(record)
  return typeof payload === 'string' ? null : payload
}

/** The day a Date or 'YYYY-MM-DD' stands for, as ms since the epoch (00:00 UTC). */
function dayMillis(on: Date | string): number {
  const iso = typeof on === 'string' ? on : on.toISOString().slice(0, 10)
  return Date.parse(`${iso}T00:00:00Z`)
}

export interface CertificateEventSource {
  type: CertificateType
  serial: string
  keyId: number | null
  /** the signed payload, or null for an unsigned certificate (payloadSha256 is then 32 zero bytes) */
  payload: Uint8Array | null
}

export function certificateLogEntry(event: LogEvent, certificate: CertificateEventSource, on: Date | string): LogEntry {
  return {
    event,
    certificateType: certificate.type,
    serial: certificate.serial,
    payloadSha256: certificate.payload ? Uint8Array.from(payloadDigest(certificate.payload)) : new Uint8Array(32),
    keyId: certificate.keyId === null ? UNSIGNED_KEY_ID : String(certificate.keyId),
    occurredAt: dayMillis(on),
  }
}
