// The portal's answer to a scanned certificate QR code (GET/POST /api/v1/verify): the offline
// signature check of shared/certificates, then the record: was this serial issued, is this the
// code we printed, do the facts still match, and what is its status now.
import {
  bytesToHex,
  certificateFactsDigest,
  decodeBase64url,
  BODY_LENGTH,
  PAYLOAD_LENGTH,
  verifyCertificateCode,
  type CertificatePublicKey,
  type VerifyFailureReason,
} from '@shared/certificates'
import { chinaDateOf } from '@shared/dates/calendar-date'
import type { CertificateRecord, CertificateStatusValue } from './certificates-repository'
import type { VerifyAnswer, VerifyAnswerReason, VerifyLog } from './verify-schemas'

export type { VerifyAnswer, VerifyAnswerReason } from './verify-schemas'

export interface VerifyDependencies {
  /** the published keys (key ring) */
  publicKeys: readonly CertificatePublicKey[]
  /** the portal's origin, e.g. env.PORTAL_ORIGIN */
  origin: string
  findCertificateBySerial(serial: string): Promise<CertificateRecord | null>
  /** a faster Ed25519 check (node-signature-verifier.ts); the shared pure-JS one by default */
  signatureVerifier?: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean
  /** the inclusion proofs of the certificate's log entries (certificate-log-proofs.ts); none when absent */
  findLogProofs?(serial: string): Promise<VerifyLog | null>
}

export const VERIFY_ANSWER_MESSAGES: Record<'NOT_ISSUED' | 'SUPERSEDED_CODE' | 'FACTS_CHANGED', string> = {
  NOT_ISSUED:
    '不是本平台签发的证书：签名格式正确，但本平台从未签发该编号的证书。这可能意味着签名密钥已泄露，请勿相信该证书，并向主管部门报告。',
  SUPERSEDED_CODE: '此二维码不是该证书当前的二维码（已重新签发或被替换），请以主管部门最新签发的证书为准。',
  FACTS_CHANGED: '证书信息与平台记录不一致：证书签发后记录已被变更，请勿仅凭此证书办理业务，并向主管部门核实。',
}

const STATUS_MESSAGES: Record<CertificateStatusValue, string> = {
  VALID: '真实有效：此证书由本平台签发，内容未被篡改，当前状态为有效。',
  REVOKED: '证书已撤销：此证书由本平台签发，但已被撤销，不再有效。',
  SUPERSEDED: '证书已被替换：此证书由本平台签发，但已被新证书替换，请以新证书为准。',
  EXPIRED: '证书已过期：此证书由本平台签发，但已超过有效期。',
}

function signatureOfPayload(payload: string): string | null {
  const bytes = decodeBase64url(payload)
  return bytes && bytes.length === PAYLOAD_LENGTH ? bytesToHex(bytes.subarray(BODY_LENGTH)) : null
}

/** A stored signature (base64url of 64 bytes, or 128 hex characters) as lower-case hex; null if neither. */
function storedSignatureHex(stored: string | null): string | null {
  if (!stored) return null
  const s = stored.trim()
  if (/^[0-9a-fA-F]{128}$/.test(s)) return s.toLowerCase()
  const bytes = decodeBase64url(s)
  return bytes && bytes.length === PAYLOAD_LENGTH - BODY_LENGTH ? bytesToHex(bytes) : null
}

// The lookup (certificate-lookup.ts) hands out the same facts object while it keeps it: its
// digest is computed once, not on every scan.
const factsDigests = new WeakMap<NonNullable<CertificateRecord['facts']>, string | null>()

function factsDigestHex(facts: NonNullable<CertificateRecord['facts']>): string | null {
  if (factsDigests.has(facts)) return factsDigests.get(facts)!
  let hex: string | null
  try {
    hex = bytesToHex(certificateFactsDigest(facts))
  } catch {
    // facts that can no longer be canonicalised (a required value emptied, a bad number) do not match
    hex = null
  }
  factsDigests.set(facts, hex)
  return hex
}

function factsMatch(record: CertificateRecord, digest: Uint8Array): boolean {
  return record.facts !== null && factsDigestHex(record.facts) === bytesToHex(digest)
}

/** Verifies a scanned QR text against the keys and the record. Never throws on bad input. */
export async function verifyScannedCode(code: string, now: Date, deps: VerifyDependencies): Promise<VerifyAnswer> {
  const checked = verifyCertificateCode(code, { keys: deps.publicKeys, expectedOrigin: deps.origin, signatureVerifier: deps.signatureVerifier })
  if (!checked.genuine) return { valid: false, genuine: false, status: 'UNKNOWN', reason: checked.reason, message: checked.message }

  const { fields } = checked
  const record = await deps.findCertificateBySerial(fields.serial)
  if (!record) return { valid: false, genuine: false, status: 'UNKNOWN', reason: 'NOT_ISSUED', message: VERIFY_ANSWER_MESSAGES.NOT_ISSUED }

  const certificate = {
    type: record.type,
    serial: record.serial,
    projectCode: record.projectCode,
    projectName: record.projectName,
    holderUscc: record.holderUscc,
    holderName: record.holderName,
    issuedOn: record.issuedOn,
    statusChangedAt: record.statusChangedAt,
    statusReason: record.statusReason,
    documentNumber: record.facts ? (record.facts.type === 'CONSTRUCTION_PERMIT' ? record.facts.permitNumber : record.facts.filingNumber) : null,
    contractorName: record.facts?.contractorName || null,
    supervisorName: record.facts?.supervisorName || null,
  }

  // The code must be the one we printed: same key, same signature (a re-issued certificate gets a new code).
  const scannedSignature = signatureOfPayload(checked.payload)
  const sameCode =
    record.keyId === checked.keyId &&
    scannedSignature !== null &&
    storedSignatureHex(record.signature) === scannedSignature &&
    record.type === fields.type &&
    record.projectCode === fields.projectCode &&
    record.holderUscc === fields.holderUscc &&
    record.issuedOn === fields.issuedOn
  if (!sameCode) {
    return { valid: false, genuine: false, status: record.status, reason: 'SUPERSEDED_CODE', message: VERIFY_ANSWER_MESSAGES.SUPERSEDED_CODE, certificate }
  }
  // A superseded or revoked certificate may no longer be attached to its permit or filing (the
  // replacement is); the matching signature already proves the code is the one we printed.
  const detached = record.facts === null && record.status !== 'VALID'
  if (!detached && !factsMatch(record, fields.factsDigest)) {
    return { valid: false, genuine: false, status: record.status, reason: 'FACTS_CHANGED', message: VERIFY_ANSWER_MESSAGES.FACTS_CHANGED, certificate }
  }

  let status: CertificateStatusValue = record.status
  if (status === 'VALID' && record.validUntil && record.validUntil < chinaDateOf(now)) status = 'EXPIRED'
  const log = (await deps.findLogProofs?.(record.serial)) ?? null
  return {
    valid: status === 'VALID',
    genuine: true,
    status,
    ...(status === 'VALID' ? {} : { reason: status }),
    message: STATUS_MESSAGES[status] + (status !== 'VALID' && record.statusReason ? `原因：${record.statusReason}` : ''),
    certificate,
    ...(log ? { log } : {}),
  }
}
