// Revoking and re-issuing certificates. Each change is one transaction with its audit entry (a
// re-issue may also run inside the transaction of a correction of the permit or filing, which
// writes the entry: reissueIn), and verification reads the status from the database on every
// request, so the new answer holds at once on every instance of the portal. Each change appends its
// events (REVOKED; SUPERSEDED then the replacement's ISSUED) to the transparency log in the same
// transaction (web/server/transparency-log).
//
// Concurrency: the status change is a conditional update (`WHERE serial = … AND status = 'VALID'`)
// whose row count decides, not a read followed by a write. Two staff members (or two portal
// instances) revoking and re-issuing the same certificate at once would otherwise both see VALID
// and both write; with the condition the database lets exactly one of them change the row (on
// PostgreSQL the second UPDATE waits for the first to commit, then finds no VALID row) and the
// other gets a CONFLICT and rolls back everything it wrote, its audit entry included.
import { parseCertificateSerial } from '@shared/validators/codes'
import type { CertificateFields } from '@shared/certificates'
import type { Db } from '@db/client'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { createCertificateIssuanceRepository } from './certificate-issuance-repository'
import { readCertificate, type CertificateRecord } from './certificates-repository'
import { encodeBase64url } from '@shared/certificates'
import { appendCertificateEvents } from '@web/server/transparency-log/append-certificate-events'
import { certificateLogEntry, certificatePayloadBytes } from '@web/server/transparency-log/certificate-log-entry'
import { markRevokedInStatusList } from '@web/server/status-list/mark-revoked'

/**
 * NOT_FOUND: no such certificate; CONFLICT: it is no longer VALID (revoked or re-issued by someone
 * else, possibly a moment ago); NO_FACTS: it certifies no permit or filing any more.
 */
export type CertificateChangeProblem = 'NOT_FOUND' | 'CONFLICT' | 'NO_FACTS'

export class CertificateChangeError extends Error {
  constructor(
    readonly problem: CertificateChangeProblem,
    message: string,
  ) {
    super(message)
    this.name = 'CertificateChangeError'
  }
}

export interface RevokeInput {
  serial: string
  reason: string
  /** the China calendar day of the revocation, stored as 00:00 UTC of that day */
  on: Date
  userId: string | null
  clientIp?: string | null
  /** the moment of the change (default now): a revocation's status list is signed at it */
  at?: Date
}

export interface ReissueInput extends RevokeInput {
  /** signs the replacement's fields; returns the key id and the 64-byte signature */
  sign(fields: Omit<CertificateFields, 'factsDigest'> & { facts: NonNullable<CertificateRecord['facts']> }): { keyId: number; signature: Uint8Array }
}

const STATUS_WORDS: Record<string, string> = { VALID: '有效', REVOKED: '已撤销', SUPERSEDED: '已替换', EXPIRED: '已过期' }

/** The conflict for a certificate that is no longer VALID, with its status as it stands now. */
async function conflict(tx: Pick<Db, 'certificate'>, serial: string): Promise<CertificateChangeError> {
  const now = await tx.certificate.findUnique({ where: { serial }, select: { status: true } })
  if (!now) return new CertificateChangeError('NOT_FOUND', `证书 ${serial} 不存在`)
  return new CertificateChangeError(
    'CONFLICT',
    `证书状态已被他人更改，请刷新后重试：证书 ${serial} 当前状态为“${STATUS_WORDS[now.status] ?? now.status}”，不能再撤销或重新签发`,
  )
}

/**
 * Moves the certificate from VALID to `data`'s status, or throws: the one write that decides
 * which of two concurrent changes wins (see the top of this file). Returns the row as it was.
 */
async function changeIfValid(tx: Pick<Db, 'certificate'>, serial: string, data: { status: 'REVOKED' | 'SUPERSEDED'; statusChangedAt: Date; statusReason: string; permitId?: null; completionFilingId?: null }) {
  // read first for the ids the caller needs; the read decides nothing, the conditional update does
  const row = await tx.certificate.findUnique({ where: { serial } })
  if (!row) throw new CertificateChangeError('NOT_FOUND', `证书 ${serial} 不存在`)
  const { count } = await tx.certificate.updateMany({ where: { id: row.id, status: 'VALID' }, data })
  if (count !== 1) throw await conflict(tx, serial)
  return row
}

export interface ReissueInInput extends ReissueInput {
  /**
   * Writes a correction of the permit or filing: run after the old certificate's conditional
   * update and before the replacement reads the facts it signs, so the replacement certifies the
   * corrected record and the certificate row is still locked first, in the same order as a
   * revocation (certificate, then permit or filing; the other order could deadlock the two).
   */
  amend?: () => Promise<void>
}

export interface ReissuedCertificate {
  /** the old certificate, now SUPERSEDED */
  replaced: { id: string; serial: string }
  serial: string
  keyId: number
}

/**
 * Replaces the certificate within the caller's transaction, which writes the audit entry: the old
 * one becomes SUPERSEDED and points to the new, which takes over the permit or filing and is
 * signed over it as it stands after `amend`.
 */
export async function reissueIn(tx: Tx, input: ReissueInInput): Promise<ReissuedCertificate> {
  // the old certificate as printed, for its log entry: read before the change detaches its facts
  const printed = await readCertificate(tx, input.serial)
  // supersede and detach the old certificate first (a permit or filing has one certificate
  // at a time); this conditional update is also what makes a concurrent revoke lose
  const old = await changeIfValid(tx, input.serial, {
    status: 'SUPERSEDED',
    statusChangedAt: input.on,
    statusReason: input.reason,
    permitId: null,
    completionFilingId: null,
  })
  const parsed = parseCertificateSerial(old.serial)
  if (!parsed) throw new CertificateChangeError('NOT_FOUND', `证书流水号 ${old.serial} 无效`)
  await input.amend?.()
  const certificates = createCertificateIssuanceRepository(tx)
  const serial = await certificates.nextSerial(old.type, Number(input.on.toISOString().slice(0, 4)), parsed.regionCode)
  const created = await certificates.insert({
    type: old.type,
    serial,
    permitId: old.permitId,
    completionFilingId: old.completionFilingId,
    projectCode: old.projectCode,
    holderUscc: old.holderUscc,
    issuedOn: input.on,
    validUntil: old.validUntil,
  })
  const record = await readCertificate(tx, serial)
  if (!record?.facts) throw new CertificateChangeError('NO_FACTS', `证书 ${old.serial} 未关联施工许可或竣工验收备案，不能重新签发`)
  const signed = input.sign({
    type: record.type,
    serial,
    projectCode: record.projectCode,
    holderUscc: record.holderUscc,
    issuedOn: record.issuedOn,
    facts: record.facts,
  })
  await certificates.storeSignature(created.id, signed)
  await tx.certificate.update({ where: { id: old.id }, data: { supersededById: created.id } })
  const replacement = { ...record, keyId: signed.keyId, signature: encodeBase64url(signed.signature) }
  await appendCertificateEvents(tx, [
    certificateLogEntry('SUPERSEDED', { type: old.type, serial: old.serial, keyId: printed?.keyId ?? null, payload: printed && certificatePayloadBytes(printed) }, input.on),
    certificateLogEntry('ISSUED', { type: record.type, serial, keyId: signed.keyId, payload: certificatePayloadBytes(replacement) }, record.issuedOn),
  ])
  return { replaced: { id: old.id, serial: old.serial }, serial, keyId: signed.keyId }
}

export function createCertificateChangesRepository(db: Db) {
  return {
    /** Revokes the certificate and the permit or filing it certifies. */
    async revoke(input: RevokeInput): Promise<void> {
      await withAuditRetry(db, async (tx) => {
        const printed = await readCertificate(tx, input.serial)
        const row = await changeIfValid(tx, input.serial, { status: 'REVOKED', statusChangedAt: input.on, statusReason: input.reason })
        await appendCertificateEvents(tx, [
          certificateLogEntry('REVOKED', { type: row.type, serial: row.serial, keyId: printed?.keyId ?? null, payload: printed && certificatePayloadBytes(printed) }, input.on),
        ])
        const revoked = { status: 'REVOKED' as const, revokedOn: input.on, revocationReason: input.reason }
        if (row.permitId) await tx.constructionPermit.update({ where: { id: row.permitId }, data: revoked })
        if (row.completionFilingId) await tx.completionFiling.update({ where: { id: row.completionFilingId }, data: revoked })
        // the offline answer "revoked" (the signed status list) commits or rolls back with the row
        await markRevokedInStatusList(tx, row.serial, input.at ?? new Date())
        await appendAuditEntry(tx, {
          userId: input.userId,
          clientIp: input.clientIp ?? null,
          action: 'certificate.revoke',
          entity: 'Certificate',
          entityId: row.id,
          changes: { serial: row.serial, status: ['VALID', 'REVOKED'], on: input.on.toISOString().slice(0, 10), reason: input.reason },
        })
      })
    },

    /**
     * Replaces the certificate with a new one over the record as it stands now (e.g. after a
     * corrected name): see reissueIn, here in its own transaction with its audit entry. Returns
     * the new serial.
     */
    async reissue(input: ReissueInput): Promise<string> {
      return withAuditRetry(db, async (tx) => {
        const reissued = await reissueIn(tx, input)
        await appendAuditEntry(tx, {
          userId: input.userId,
          clientIp: input.clientIp ?? null,
          action: 'certificate.reissue',
          entity: 'Certificate',
          entityId: reissued.replaced.id,
          changes: { serial: reissued.replaced.serial, status: ['VALID', 'SUPERSEDED'], replacedBy: reissued.serial, keyId: reissued.keyId, reason: input.reason },
        })
        return reissued.serial
      })
    },
  }
}
