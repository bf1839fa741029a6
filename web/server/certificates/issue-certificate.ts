// Issuing and signing the certificate of a new construction permit or completion filing, inside
// the transaction that writes the permit or filing, so that a record is never on the platform
// without its signed certificate (and an unsignable certificate rolls the record back).
//
// Like the seed (scripts/seed/certificate-signer.ts) the facts are read back from the rows just
// written, through the one reader verification also uses (certificates-repository.ts), so signing
// and verification hash the same values; unlike the seed only the active key signs
// (selectSigningKey), on today's date. The key ring is the caller's: the portal loads it from its
// settings (signing-keys.ts loadKeyRing), tests pass their own.
import { certificateFactsDigest, signCertificate } from '@shared/certificates'
import { selectSigningKey, type KeyRing } from '@shared/certificates/key-file'
import type { CertificateType } from '@shared/domain/enums'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { appendCertificateEvents } from '@web/server/transparency-log/append-certificate-events'
import { certificateLogEntry } from '@web/server/transparency-log/certificate-log-entry'
import { createCertificateIssuanceRepository } from './certificate-issuance-repository'
import { readCertificate } from './certificates-repository'

export interface IssueCertificateInput {
  type: CertificateType
  link: { permitId: string } | { completionFilingId: string }
  /** region of the permit or filing (the serial's region) */
  regionCode: string
  projectCode: string
  /** the 建设单位's USCC */
  holderUscc: string
  /** 'YYYY-MM-DD', China calendar day of issue */
  issuedOn: string
}

export interface IssuedCertificate {
  id: string
  serial: string
  keyId: number
}

/**
 * Creates the certificate of the permit or filing, signs it with the active key and appends its
 * ISSUED entry to the transparency log. Throws
 * NoSigningKeyError (nothing written, the caller's transaction rolls back) when this server
 * cannot sign today. Two issuers taking the same serial: the unique serial makes one of them
 * fail and withAuditRetry runs its transaction again.
 */
export async function issueCertificate(tx: Tx, keyRing: KeyRing, input: IssueCertificateInput): Promise<IssuedCertificate> {
  const key = selectSigningKey(keyRing, input.issuedOn)
  const certificates = createCertificateIssuanceRepository(tx)
  const serial = await certificates.nextSerial(input.type, Number(input.issuedOn.slice(0, 4)), input.regionCode)
  const created = await certificates.insert({
    type: input.type,
    serial,
    permitId: 'permitId' in input.link ? input.link.permitId : null,
    completionFilingId: 'completionFilingId' in input.link ? input.link.completionFilingId : null,
    projectCode: input.projectCode,
    holderUscc: input.holderUscc,
    issuedOn: new Date(`${input.issuedOn}T00:00:00Z`),
    validUntil: null,
  })
  const record = await readCertificate(tx, serial)
  if (!record?.facts) throw new Error(`certificate ${serial} has no permit or filing to certify`)
  const signed = signCertificate(
    {
      type: record.type,
      serial,
      projectCode: record.projectCode,
      holderUscc: record.holderUscc,
      issuedOn: record.issuedOn,
      factsDigest: certificateFactsDigest(record.facts),
    },
    key.secretKey,
    key.keyId,
  )
  await certificates.storeSignature(created.id, signed)
  await appendCertificateEvents(tx, [certificateLogEntry('ISSUED', { type: record.type, serial, keyId: signed.keyId, payload: signed.bytes }, record.issuedOn)])
  return { id: created.id, serial, keyId: signed.keyId }
}
