// Where a certificate stands in the public transparency log: its ISSUED entry and the entry that
// ended it (REVOKED or SUPERSEDED) if any, each with an RFC 9162 inclusion proof against the
// log's current checkpoint. The verify answer, the /v/ page and the tlog-proof download carry
// these so that a client can check for itself that the event was published.
//
// The head and the certificate's entries are read fresh, in one statement, on every call. The
// proofs are computed from the stored complete subtrees for that head's size; entries appended
// meanwhile do not change those subtrees, so a concurrent append cannot make a proof inconsistent
// with the checkpoint it is given with. Each proof is checked here before it is handed out: a
// store that no longer matches its signed root gives no proof rather than a wrong one.
//
// What never changes is kept per process and database client: a complete subtree's hash (level,
// index) and the proof of leaf i in the tree of size n. Only what a checked proof used is kept,
// and a kept proof is reused only for the same leaf hash and root it was checked against, so the
// cache saves the node reads and the hashing but never vouches for more than a check did.
import type { Db } from '@db/client'
import { bytesEqual } from '@shared/transparency-log/bytes'
import { leafHash } from '@shared/transparency-log/hashes'
import { formatTlogProof } from '@shared/transparency-log/proof-file'
import { proveInclusion, verifyInclusion, type NodePosition } from '@shared/transparency-log/tree'
import type { LogEvent } from '@shared/domain/enums'
import { readHeadWithEntries, readNodes, type HeadWithEntries } from '@web/server/transparency-log/transparency-log-repository'
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

/** Proofs kept (leaf i in the tree of size n); a growing log moves on to new sizes, the old ones age out. */
const MAX_PROOFS = 20_000
/** Subtree hashes kept: ~100 bytes each with the key, so at most ~20 MB. */
const MAX_NODES = 200_000

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as string)
  map.set(key, value)
}

const nodeKey = (p: NodePosition) => `${p.level}/${p.index}`

/** Finds the log proofs of certificates in one database, keeping what never changes (see above). */
export function createLogProver(db: Db) {
  const proofs = new Map<string, { leaf: Uint8Array; root: Uint8Array; proof: readonly Uint8Array[] }>()
  const nodes = new Map<string, Uint8Array>()

  async function prove(index: number, size: number, leaf: Uint8Array, rootHash: Uint8Array): Promise<readonly Uint8Array[] | null> {
    const key = `${index}/${size}`
    const kept = proofs.get(key)
    if (kept && bytesEqual(kept.leaf, leaf) && bytesEqual(kept.root, rootHash)) return kept.proof
    const read: NodePosition[] = []
    const readHashes: Uint8Array[] = []
    const proof = await proveInclusion(index, size, async (positions) => {
      const missing = positions.filter((p) => !nodes.has(nodeKey(p)))
      const fetched = await readNodes(db, missing)
      read.push(...missing)
      readHashes.push(...fetched)
      const byKey = new Map(missing.map((p, i) => [nodeKey(p), fetched[i]]))
      return positions.map((p) => nodes.get(nodeKey(p)) ?? byKey.get(nodeKey(p))!)
    })
    if (!verifyInclusion({ leafIndex: index, treeSize: size, leafHash: leaf, proof, rootHash })) return null
    read.forEach((p, i) => remember(nodes, nodeKey(p), readHashes[i], MAX_NODES))
    remember(proofs, key, { leaf, root: rootHash, proof }, MAX_PROOFS)
    return proof
  }

  /**
   * Null when the log has no issuance entry of this serial (yet) or no checkpoint. `preRead`: the
   * head and entries the caller read fresh already (with the status row); read here when absent.
   */
  return async function findLogProofs(serial: string, preRead?: HeadWithEntries | null): Promise<CertificateLogProofs | null> {
    const read = preRead === undefined ? await readHeadWithEntries(db, serial) : preRead
    if (!read || read.head.size === 0) return null
    const { head } = read
    const entries = relevantEntries(read.entries)
    if (entries.length === 0) return null
    const inclusions: LogInclusion[] = []
    for (const e of entries) {
      const proof = await prove(e.index, head.size, leafHash(e.entry), head.rootHash)
      if (!proof) return null
      inclusions.push({ event: e.event, index: e.index, entry: e.entry, proof: [...proof] })
    }
    return { checkpoint: head.checkpoint, treeSize: head.size, rootHash: head.rootHash, inclusions }
  }
}

// one prover per database client: the client is the process's (or a test's) connection pool
const provers = new WeakMap<Db, ReturnType<typeof createLogProver>>()

/** Null when the log has no issuance entry of this serial (yet) or no checkpoint; `preRead` as above. */
export function findCertificateLogProofs(db: Db, serial: string, preRead?: HeadWithEntries | null): Promise<CertificateLogProofs | null> {
  let prover = provers.get(db)
  if (!prover) provers.set(db, (prover = createLogProver(db)))
  return prover(serial, preRead)
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
