// A small transparency log made in the test with the shared codecs and a key generated for the
// run: entries, inclusion proofs, signed checkpoints and signed status lists, as the portal
// serves them. Used only by *.test.ts.

import { ed25519 } from '@noble/curves/ed25519.js'
import type { CertificateFields, SignedCertificate } from '@shared/certificates'
import { encodeBase64 } from '@shared/transparency-log/bytes'
import { formatCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash } from '@shared/transparency-log/hashes'
import { encodeLogEntry, payloadDigest, type LogEntry, type LogEvent } from '@shared/transparency-log/log-entry'
import { formatSignedNote, formatVerifierKey, keyHash, noteMessage } from '@shared/transparency-log/note'
import { formatStatusListText, statusGroupsOf } from '@shared/transparency-log/status-list'
import { proveInclusion, readHashesFromLeafHashes, rootFromLeafHashes } from '@shared/transparency-log/tree'
import type { VerifyLog } from '../api-schemas'

export const LOG_ORIGIN = 'portal.example.gov.cn/log'

export interface LogSigner {
  origin: string
  /** the vkey line /log/vkey serves */
  vkey: string
  sign(text: string): string
}

/** A log key made for this run (another call gives another key). */
export function newLogSigner(origin = LOG_ORIGIN): LogSigner {
  const secret = ed25519.utils.randomSecretKey()
  const publicKey = ed25519.getPublicKey(secret)
  const id = keyHash(origin, publicKey)
  return {
    origin,
    vkey: formatVerifierKey(origin, publicKey),
    sign: (text) => formatSignedNote(text, [{ name: origin, keyHash: id, signature: ed25519.sign(noteMessage(text), secret) }]),
  }
}

/** The log entry of an event of a signed certificate. */
export function certificateEntry(cert: SignedCertificate, fields: CertificateFields, event: LogEvent, occurredAt = Date.UTC(2025, 2, 1)): LogEntry {
  return {
    event,
    certificateType: fields.type,
    serial: fields.serial,
    payloadSha256: Uint8Array.from(payloadDigest(cert.bytes)),
    keyId: String(cert.keyId),
    occurredAt,
  }
}

/** Filler entries of other certificates, so that proofs have some depth. */
export function otherEntry(n: number): LogEntry {
  return {
    event: 'ISSUED',
    certificateType: 'CONSTRUCTION_PERMIT',
    serial: `P2025460100${String(n).padStart(7, '0')}`,
    payloadSha256: new Uint8Array(32).fill(n & 0xff),
    keyId: '1',
    occurredAt: Date.UTC(2025, 0, 1) + n,
  }
}

export class TestLog {
  readonly entries: Uint8Array[] = []

  constructor(readonly signer: LogSigner) {}

  /** Appends entries; returns the index of the first. */
  append(...entries: LogEntry[]): number {
    const first = this.entries.length
    for (const e of entries) this.entries.push(encodeLogEntry(e))
    return first
  }

  root(size = this.entries.length): Uint8Array {
    return rootFromLeafHashes(this.entries.slice(0, size).map(leafHash))
  }

  checkpoint(size = this.entries.length): string {
    return this.signer.sign(formatCheckpoint({ origin: this.signer.origin, size, rootHash: this.root(size) }))
  }

  /** The verify answer's `log` block for these entry indices, against the tree of `size`. */
  async answerLog(indices: readonly number[], size = this.entries.length): Promise<VerifyLog> {
    const read = readHashesFromLeafHashes(this.entries.slice(0, size).map(leafHash))
    const out: VerifyLog['entries'] = []
    for (const index of indices) {
      const proof = await proveInclusion(index, size, read)
      const entry = this.entries[index]
      out.push({ event: ['', 'ISSUED', 'SUPERSEDED', 'REVOKED'][entry[1]], index, entry: encodeBase64(entry), proof: proof.map(encodeBase64) })
    }
    return { checkpoint: this.checkpoint(size), treeSize: size, rootHash: encodeBase64(this.root(size)), entries: out }
  }
}

/** A signed status list in which exactly these serials are revoked. */
export function signedStatusList(signer: LogSigner, { revoked = [], issuedAt, validUntil }: { revoked?: string[]; issuedAt: Date; validUntil: Date }): string {
  return signer.sign(formatStatusListText({ origin: signer.origin, issuedAt: issuedAt.getTime(), validUntil: validUntil.getTime(), groups: statusGroupsOf(revoked) }))
}
