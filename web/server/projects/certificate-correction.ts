// What correcting a permit and correcting a completion filing share: only an ACTIVE record whose
// certificate is VALID is corrected, and the corrected row is written inside the re-issue of its
// certificate (reissueIn's amend), in the caller's transaction, so the replacement is signed over
// the corrected facts and a concurrent revoke or re-issue of the same certificate makes exactly
// one of them win (the other gets a ConflictError and writes nothing).
import { CERTIFICATE_STATUS_LABELS, STAGE_STATUS_LABELS, type CertificateStatus, type StageStatus } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { reissueIn, type ReissuedCertificate, type ReissueInput } from '@web/server/certificates/certificate-changes-repository'
import { ConflictError } from '@web/server/lib/errors'
import { certificateChangeRefusal } from './change-project-certificate'

interface CorrectableRecord {
  status: StageStatus
  certificate: { serial: string; status: CertificateStatus } | null
}

/** ConflictError unless the record is ACTIVE and its certificate VALID; `what` names it, e.g. '施工许可证 …'. */
export function assertCorrectable<R extends CorrectableRecord>(record: R, what: string): asserts record is R & { certificate: { serial: string } } {
  if (record.status !== 'ACTIVE') {
    throw new ConflictError(`${what}当前状态为“${STAGE_STATUS_LABELS[record.status]}”，只有有效的记录才能更正并换发证书`)
  }
  if (!record.certificate || record.certificate.status !== 'VALID') {
    const state = record.certificate ? `证书 ${record.certificate.serial} 当前状态为“${CERTIFICATE_STATUS_LABELS[record.certificate.status]}”` : '没有证书'
    throw new ConflictError(`${what}${state}，只有证书有效时才能更正并换发；请刷新页面查看最新状态`)
  }
}

/** Supersedes `serial` by a certificate signed over the record as `amend` leaves it. */
export async function reissueCorrected(
  tx: Tx,
  actor: Actor,
  change: { serial: string; reason: string; on: Date; sign: ReissueInput['sign']; amend: () => Promise<void> },
): Promise<ReissuedCertificate> {
  try {
    return await reissueIn(tx, { ...change, userId: actor.userId, clientIp: actor.clientIp })
  } catch (error) {
    throw certificateChangeRefusal(error)
  }
}
