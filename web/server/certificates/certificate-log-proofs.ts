// Where a certificate stands in the public transparency log: its ISSUED entry and the entry that
// ended it (REVOKED or SUPERSEDED) if any, each with an RFC 9162 inclusion proof against the
// log's current checkpoint. The verify answer, the /v/ page and the tlog-proof download carry
// these so that a client can check for itself that the event was published.
//
// The proofs are computed from the stored complete subtrees for the size of the head read first;
// entries appended meanwhile do not change those subtrees, so a concurrent append cannot make a
// proof inconsistent with the checkpoint it is given with. Each proof is checked here before it is
// handed out: a store that no longer matches its signed root gives no proof rather than a wrong one.
import type { Db } from '@db/client'
import { leafHash } from '@shared/transparency-log/hashes'
import { formatTlogProof } from '@shared/transparency-log/proof-file'
import { proveInclusion, verifyInclusion } from '@shared/transparency-log/tree'
import type { LogEvent } from '@shared/domain/enums'
import { findEntriesBySerial, nodeReader, readHead } from '@web/server/transparency-log/transparency-log-repository'
import type { VerifyLog } from './verify-schemas'

export interface LogInclusion {
  event: LogEvent
  index: number
  /** the entry bytes (encodeLogEntry); the leaf hash is SHA-256(0x00 ‖ entry) */
  entry: Uint8Array
  /** sibling hashes from the leaf up to the root's child */
  proof: Uint8Array[]
}

export interface CertificateLogProofs {
  /** the signed checkpoint note the proofs lead to */
  checkpoint: string
  treeSize: number
  rootHash: Uint8Array
  inclusions: LogInclusion[]
}

/** The entries a certificate's answer carries: its issuance, then the last event that ended it. */
function relevantEntries<E extends { index: number; event: LogEvent }>(entries: readonly E[]): E[] {
  const sorted = [...entries].sort((a, b) => a.index - b.index)
  const issued = sorted.find((e) => e.event === 'ISSUED')
  if (!issued) return []
  const ended = sorted.filter((e) => e.event !== 'ISSUED' && e.index > issued.index).at(-1)
  return ended ? [issued, ended] : [issued]
}

/** Null when the log has no issuance entry of this serial (yet) or no checkpoint. */
export async function findCertificateLogProofs(db: Db, serial: string): Promise<CertificateLogProofs | null> {
  const head = await readHead(db)
  if (!head || head.size === 0) return null
  const entries = relevantEntries((await findEntriesBySerial(db, serial)).filter((e) => e.index < head.size))
  if (entries.length === 0) return null
  const read = nodeReader(db)
  const inclusions: LogInclusion[] = []
  for (const e of entries) {
    const entry = new Uint8Array(e.entry)
    const proof = await proveInclusion(e.index, head.size, read)
    const included = verifyInclusion({ leafIndex: e.index, treeSize: head.size, leafHash: leafHash(entry), proof, rootHash: head.rootHash })
    if (!included) return null
    inclusions.push({ event: e.event, index: e.index, entry, proof })
  }
  return { checkpoint: head.checkpoint, treeSize: head.size, rootHash: head.rootHash, inclusions }
}

/** The proofs as the verify answer carries them (base64, standard alphabet as in the checkpoint). */
export function verifyLogOf(proofs: CertificateLogProofs): VerifyLog {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
  return {
    checkpoint: proofs.checkpoint,
    treeSize: proofs.treeSize,
    rootHash: b64(proofs.rootHash),
    entries: proofs.inclusions.map((i) => ({ event: i.event, index: i.index, entry: b64(i.entry), proof: i.proof.map(b64) })),
  }
}

/**
 * The C2SP tlog-proof file (c2sp.org/tlog-proof@v1) of one of the certificate's events: index,
 * inclusion proof, the signed checkpoint, and the entry bytes as its `extra` line so that a
 * verifier can recompute the leaf hash and read what was logged (serial, event, payload hash).
 * Null when the certificate has no such entry in the log.
 */
export async function certificateTlogProof(db: Db, serial: string, event: LogEvent): Promise<string | null> {
  const proofs = await findCertificateLogProofs(db, serial)
  const inclusion = proofs?.inclusions.find((i) => i.event === event)
  if (!proofs || !inclusion) return null
  return formatTlogProof({ index: inclusion.index, proof: inclusion.proof, checkpointNote: proofs.checkpoint, extraData: inclusion.entry })
}
