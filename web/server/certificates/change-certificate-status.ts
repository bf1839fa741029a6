// Revoking a certificate, or re-issuing it (the old one SUPERSEDED, a new one signed with the
// active key), as staff do. Inputs are validated here; the writes and their audit entries are in
// certificate-changes-repository.ts. Verification sees the change on its next request.
import { z } from 'zod'
import { signCertificate, certificateFactsDigest } from '@shared/certificates'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { certificateSerialSchema } from '@shared/validators/codes'
import type { Db } from '@db/client'
import { createCertificateChangesRepository, type ReissueInput } from './certificate-changes-repository'
import { selectSigningKey, type KeyRing } from '@shared/certificates/key-file'

export const certificateChangeSchema = z.object({
  serial: certificateSerialSchema,
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, '原因至少 2 个字')
    .max(200, '原因最多 200 个字'),
  userId: z.string().min(1).nullable().default(null),
  /** the client address of the staff request, for the audit entry */
  clientIp: z.string().min(1).nullable().default(null),
})

export type CertificateChangeInput = z.input<typeof certificateChangeSchema>

/** 00:00 UTC of the China calendar day of `now`, how calendar dates are stored. */
function storedDay(now: Date): Date {
  return new Date(`${chinaDateOf(now)}T00:00:00Z`)
}

export async function revokeCertificate(db: Db, input: CertificateChangeInput, now = new Date()): Promise<void> {
  const { serial, reason, userId, clientIp } = certificateChangeSchema.parse(input)
  await createCertificateChangesRepository(db).revoke({ serial, reason, userId, clientIp, on: storedDay(now), at: now })
}

/**
 * What signs a replacement certificate issued on the China day of `now`: the key active that day.
 * Call it before writing anything: it throws NoSigningKeyError when this server cannot sign today.
 */
export function replacementSigner(keyRing: KeyRing, now: Date): ReissueInput['sign'] {
  const key = selectSigningKey(keyRing, chinaDateOf(now))
  return ({ facts, ...fields }) => {
    const signed = signCertificate({ ...fields, factsDigest: certificateFactsDigest(facts) }, key.secretKey, key.keyId)
    return { keyId: signed.keyId, signature: signed.signature }
  }
}

/** Re-issues the certificate over its current record; returns the new serial. */
export async function reissueCertificate(db: Db, keyRing: KeyRing, input: CertificateChangeInput, now = new Date()): Promise<string> {
  const { serial, reason, userId, clientIp } = certificateChangeSchema.parse(input)
  const on = storedDay(now)
  const sign = replacementSigner(keyRing, now)
  return createCertificateChangesRepository(db).reissue({ serial, reason, userId, clientIp, on, sign })
}
